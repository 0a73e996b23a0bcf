import DescentCore
import DescentTUI
import Foundation

/// Optimizer steps per second on Beale's function, for the built-in surface and for the same
/// function parsed from an expression: each loop evaluates the gradient and takes one step.
struct OptimizerBench {
    var steps: Int
    var repeats: Int

    static let specs = ["sgd(lr=0.001)", "adam(lr=0.01)"]
    static let bealeExpression = "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2"

    func run() throws {
        let registry = Registry.builtin
        let surfaces = [("beale (built-in)", try registry.surface("beale")),
                        ("beale (expression)", try registry.surface(Self.bealeExpression))]
        print("optimizer steps per second from (1, 1.5) (best of \(repeats) x \(steps) steps, one core)")
        for spec in Self.specs {
            for (name, surface) in surfaces {
                let rate = try measure(spec, on: surface, registry: registry)
                print("  \(spec.padding(16))  \(name.padding(20))  \(String(format: "%.1f", rate / 1e6)) M steps/s")
            }
        }
    }

    private func measure(_ spec: String, on surface: Surface, registry: Registry) throws -> Double {
        var best = 0.0
        for _ in 0..<repeats {
            var optimizer = try registry.optimizer(spec).optimizer
            let (elapsed, x) = Self.timedLoop(&optimizer, steps: steps, oracle: surface.oracle)
            guard x.allSatisfy(\.isFinite) else { throw CommandError("\(spec) diverged during the benchmark") }
            best = max(best, Double(steps) / elapsed.inSeconds)
        }
        return best
    }

    /// `steps` iterations of: evaluate f and ∇f at x, take one step; from (1, 1.5). Generic so
    /// the loop calls the concrete optimizer, not the `any Optimizer` box.
    private static func timedLoop<O: Optimizer>(_ optimizer: inout O, steps: Int, oracle: GradientOracle)
        -> (Duration, [Double]) {
        var x = [1.0, 1.5]
        var g = [0.0, 0.0]
        let lr = optimizer.learningRate
        let elapsed = ContinuousClock().measure {
            for _ in 0..<steps {
                _ = oracle.evaluate(x, &g)
                optimizer.step(params: &x, gradient: g, lr: lr, oracle: oracle)
            }
        }
        return (elapsed, x)
    }
}
