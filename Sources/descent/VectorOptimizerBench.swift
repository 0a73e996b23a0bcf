import DescentCore
import Foundation

/// Time per coordinate of one optimizer update on a vector as long as the 784-128-10 net's
/// parameters (101,770), the gradient given: the element-wise passes alone, which a training
/// step of a large net pays once per step. Thread CPU time, the fastest of the timed loops.
struct VectorOptimizerBench {
    var repeats: Int

    static let specs = ["sgd(lr=0.01)", "momentum(lr=0.01)", "nesterov(lr=0.01)", "sgd(lr=0.01, weight_decay=0.0001)",
                        "rmsprop(lr=0.001)", "adagrad(lr=0.01)", "adam(lr=0.001)", "adamw(lr=0.001)"]
    static let length = 101_770
    static let steps = 200

    func run() throws {
        print("optimizer update on \(Self.length) parameters, gradient given (fastest of \(max(repeats, 3)) loops of \(Self.steps) steps, thread CPU time)")
        for spec in Self.specs {
            let optimizer = try Registry.builtin.optimizer(spec).optimizer
            let seconds = try Self.fastest(optimizer, loops: max(repeats, 3))
            print("  \(spec.padding(34))  \(String(format: "%6.2f", seconds / Double(Self.length) * 1e9)) ns/coordinate  "
                  + "\(String(format: "%7.1f", seconds * 1e6)) µs/step")
        }
    }

    /// The shortest time per step over `loops` loops of ``steps`` steps of a fresh copy of
    /// `template` on the same gradient. Generic so the loop calls the concrete optimizer.
    private static func fastest<O: Optimizer>(_ template: O, loops: Int) throws -> Double {
        var generator = Xoshiro256(seed: 7)
        let gradient = (0..<length).map { _ in generator.gaussian() }
        let oracle = GradientOracle { _, g in
            g = gradient
            return 0
        }
        var best = Double.infinity
        for _ in 0..<loops {
            var optimizer = template
            var x = [Double](repeating: 0.5, count: length)
            let lr = optimizer.learningRate
            try optimizer.step(params: &x, gradient: gradient, lr: lr, oracle: oracle)  // state allocated
            let start = TrainBench.threadSeconds()
            for _ in 0..<steps { try optimizer.step(params: &x, gradient: gradient, lr: lr, oracle: oracle) }
            best = min(best, (TrainBench.threadSeconds() - start) / Double(steps))
            guard x.allSatisfy(\.isFinite) else { throw CommandError("\(optimizer) diverged during the benchmark") }
        }
        return best
    }
}
