import DescentCore
import DescentTUI
import Foundation

/// Optimizer steps per second on Beale's function, for the built-in surface and for the same
/// function parsed from an expression: each step evaluates the gradient and takes one step.
///
/// The steps are timed in runs of `runLength` steps, each from (1, 1.5) with a fresh optimizer
/// (the steps a race takes, with the Adam family's bias corrections still changing), and the
/// fastest run is reported: on a shared machine the fastest run is the one another process did
/// not interrupt.
struct OptimizerBench {
    var steps: Int
    var repeats: Int

    static let specs = ["sgd(lr=0.001)", "adam(lr=0.01)"]
    static let bealeExpression = "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2"
    static let start = [1.0, 1.5]

    /// Steps per timed run.
    var runLength: Int { min(steps, 20_000) }
    /// Timed runs per figure: `repeats` loops of `steps` steps.
    var runs: Int { repeats * max(1, steps / runLength) }

    func run() throws {
        let registry = Registry.builtin
        let surfaces = [("beale (built-in)", try registry.surface("beale")),
                        ("beale (expression)", try registry.surface(Self.bealeExpression))]
        print("optimizer steps per second from (1, 1.5) (fastest of \(runs) runs of \(runLength) steps, fresh optimizer each, one core)")
        for spec in Self.specs {
            for (name, surface) in surfaces {
                let rate = try measure(spec, on: surface, registry: registry)
                print("  \(spec.padding(16))  \(name.padding(20))  \(String(format: "%.1f", rate / 1e6)) M steps/s")
            }
        }
    }

    private func measure(_ spec: String, on surface: Surface, registry: Registry) throws -> Double {
        let optimizer = try registry.optimizer(spec).optimizer
        let (fastest, x) = try Self.fastestRun(optimizer, runs: runs, steps: runLength, oracle: surface.oracle)
        guard x.allSatisfy(\.isFinite) else { throw CommandError("\(spec) diverged during the benchmark") }
        return Double(runLength) / fastest.inSeconds
    }

    /// The shortest time of `runs` runs of `steps` iterations of: evaluate f and ∇f at x, take
    /// one step; each run from ``start`` with a fresh copy of `template`. Generic so the loop
    /// calls the concrete optimizer, not the `any Optimizer` box. Returns the last run's end point.
    private static func fastestRun<O: Optimizer>(_ template: O, runs: Int, steps: Int, oracle: GradientOracle)
        throws -> (Duration, [Double]) {
        var fastest = Duration.seconds(Int64.max)
        var x = start
        for _ in 0..<runs {
            var optimizer = template
            x = start
            var g = [0.0, 0.0]
            let lr = optimizer.learningRate
            let elapsed = try ContinuousClock().measure {
                for _ in 0..<steps {
                    _ = oracle.evaluate(x, &g)
                    try optimizer.step(params: &x, gradient: g, lr: lr, oracle: oracle)
                }
            }
            fastest = min(fastest, elapsed)
        }
        return (fastest, x)
    }
}
