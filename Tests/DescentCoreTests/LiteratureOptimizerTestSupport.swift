import DescentCore

/// Objectives and helpers for the schedule, transform and literature-optimizer tests.
enum HandOracles {
    /// f(x, y) = 5x² + 2xy + 3y², ∇f = (10x + 2y, 2x + 6y), H = [[10, 2], [2, 6]].
    static var quadratic: GradientOracle {
        GradientOracle(
            evaluate: { p, g in
                g[0] = 10 * p[0] + 2 * p[1]
                g[1] = 2 * p[0] + 6 * p[1]
                return 5 * p[0] * p[0] + 2 * p[0] * p[1] + 3 * p[1] * p[1]
            },
            hessian: { _ in [10, 2, 2, 6] })
    }

    /// f(x) = x² in one dimension, ∇f = 2x.
    static var parabola: GradientOracle {
        GradientOracle(evaluate: { p, g in
            g[0] = 2 * p[0]
            return p[0] * p[0]
        })
    }

    /// Whether |a − b| ≤ rel·max(|a|, |b|) + abs.
    static func close(_ a: Double, _ b: Double, rel: Double = 1e-12, abs: Double = 0) -> Bool {
        Swift.abs(a - b) <= rel * Swift.max(Swift.abs(a), Swift.abs(b)) + abs
    }

    static func close(_ a: [Double], _ b: [Double], rel: Double = 1e-12, abs: Double = 0) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { close($0, $1, rel: rel, abs: abs) }
    }

    /// Runs `steps` steps of `optimizer` from `start` with its own learning rate; all positions,
    /// the start first.
    static func trajectory(_ optimizer: any Optimizer, from start: [Double], steps: Int,
                           oracle: GradientOracle) throws -> [[Double]] {
        var optimizer = optimizer, x = start, path = [start]
        for _ in 0..<steps {
            try optimizer.step(params: &x, gradient: oracle.gradient(at: x), lr: optimizer.learningRate, oracle: oracle)
            path.append(x)
        }
        return path
    }
}

/// An oracle that records every point it is asked about.
final class CountingOracle: @unchecked Sendable {
    private(set) var points: [[Double]] = []
    let inner: GradientOracle
    init(_ inner: GradientOracle) { self.inner = inner }

    var oracle: GradientOracle {
        GradientOracle(evaluate: { x, g in
            self.points.append(x)
            return self.inner.evaluate(x, &g)
        }, hessian: inner.hessian)
    }
}
