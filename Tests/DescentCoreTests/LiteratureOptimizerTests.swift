import RealModule
import Testing
@testable import DescentCore

@Suite struct LiteratureOptimizerTests {
    private func make(_ name: String, _ args: [String: SpecValue] = [:], seed: UInt64 = 0) throws -> any Optimizer {
        let entry = try #require(LiteratureOptimizers.all.first { $0.name == name })
        return try entry.make(args.map { SpecArgument($0.key, $0.value) }, seed: seed)
    }

    private func path(_ name: String, _ args: [String: SpecValue], from start: [Double], steps: Int,
                      oracle: GradientOracle = HandOracles.quadratic, seed: UInt64 = 0) throws -> [[Double]] {
        try HandOracles.trajectory(try make(name, args, seed: seed), from: start, steps: steps, oracle: oracle)
    }

    @Test func registry() {
        #expect(LiteratureOptimizers.all.map(\.name) == ["signsgd", "signum", "ftml", "powersign", "addsign", "sam",
                                                         "lion", "newton", "noisy_sgd", "nag"])
        for entry in LiteratureOptimizers.all {
            #expect(entry.parameters.contains { $0.name == "lr" }, "\(entry.name) has an lr")
            #expect(!entry.reference.isEmpty)
        }
    }

    /// Every optimizer, with its defaults, takes 50 finite steps on the quadratic and is
    /// reproducible from a fresh copy with the same seed.
    @Test func conformance() throws {
        for entry in LiteratureOptimizers.all {
            let a = try HandOracles.trajectory(try entry.make([], seed: 5), from: [1.5, -1.2], steps: 50, oracle: HandOracles.quadratic)
            let b = try HandOracles.trajectory(try entry.make([], seed: 5), from: [1.5, -1.2], steps: 50, oracle: HandOracles.quadratic)
            #expect(a == b, "\(entry.name) is repeatable")
            #expect(a.allSatisfy { $0.allSatisfy(\.isFinite) }, "\(entry.name) stays finite")
            #expect(a.last != a.first, "\(entry.name) moves")
        }
    }

    @Test func signSGDByHand() throws {
        // g(1, −2) = (10 − 4, 2 − 12) = (6, −10) → x1 = (1 − 0.1, −2 + 0.1).
        // g(0.9, −1.9) = (9 − 3.8, 1.8 − 11.4) = (5.2, −9.6) → x2 = (0.8, −1.8).
        let p = try path("signsgd", ["lr": .number(0.1)], from: [1, -2], steps: 2)
        #expect(HandOracles.close(p[1], [0.9, -1.9]))
        #expect(HandOracles.close(p[2], [0.8, -1.8]))
    }

    @Test func signumFollowsTheAverageNotTheGradient() throws {
        // f = x², x0 = 1, η = 0.8, β = 0.9.
        // t1: g = 2,    m = 0.1·2 = 0.2               → x = 1 − 0.8 = 0.2
        // t2: g = 0.4,  m = 0.18 + 0.04 = 0.22        → x = 0.2 − 0.8 = −0.6
        // t3: g = −1.2, m = 0.198 − 0.12 = 0.078 > 0  → x = −0.6 − 0.8 = −1.4 (signSGD: +0.2)
        let p = try path("signum", ["lr": .number(0.8)], from: [1], steps: 3, oracle: HandOracles.parabola)
        #expect(HandOracles.close(p.map { $0[0] }, [1, 0.2, -0.6, -1.4], rel: 1e-12, abs: 1e-15))
    }

    @Test func ftmlByHand() throws {
        // f = x², x0 = 1, η = 0.1, β₁ = 0.6, β₂ = 0.999, ε = 1e-8 (Algorithm 2).
        let eta = 0.1, b1 = 0.6, b2 = 0.999, eps = 1e-8
        let x0 = 1.0
        // t = 1: g = 2.
        let g1 = 2 * x0
        let v1 = (1 - b2) * g1 * g1
        let d1 = (1 - b1) / eta * ((v1 / (1 - b2)).squareRoot() + eps)  // = 4·(2 + ε)
        let z1 = (1 - b1) * g1 - d1 * x0                                    // σ₁ = d₁ − β₁·0
        let x1 = -z1 / d1                                                   // = 1 − 0.8/(8 + 4ε) ≈ 0.9
        // t = 2.
        let g2 = 2 * x1
        let v2 = b2 * v1 + (1 - b2) * g2 * g2
        let d2 = (1 - b1 * b1) / eta * ((v2 / (1 - b2 * b2)).squareRoot() + eps)
        let z2 = b1 * z1 + (1 - b1) * g2 - (d2 - b1 * d1) * x1
        let x2 = -z2 / d2
        // t = 3.
        let g3 = 2 * x2
        let v3 = b2 * v2 + (1 - b2) * g3 * g3
        let d3 = (1 - b1 * b1 * b1) / eta * ((v3 / (1 - b2 * b2 * b2)).squareRoot() + eps)
        let z3 = b1 * z2 + (1 - b1) * g3 - (d3 - b1 * d2) * x2
        let x3 = -z3 / d3
        #expect(HandOracles.close(x1, 0.9, rel: 1e-8))
        let p = try path("ftml", ["lr": .number(eta)], from: [x0], steps: 3, oracle: HandOracles.parabola)
        #expect(HandOracles.close(p.map { $0[0] }, [x0, x1, x2, x3]))
    }

    @Test func powerSignByHand() throws {
        // f = x², x0 = 1, η = 0.2, β = 0.9, α = e, f(t) = 1.
        // t1: g = 2, m = 0.2 (agree)              → x1 = 1 − 0.2·e·2 = 1 − 0.4e ≈ −0.087
        // t2: g = 2x1 < 0, m = 0.18 + 0.2x1 > 0   → x2 = x1 − 0.2·e⁻¹·2x1 = x1·(1 − 0.4/e)
        let e = Double.exp(1)
        let x1 = 1 - 0.4 * e
        #expect(0.18 + 0.1 * 2 * x1 > 0)  // m after step 2 still positive: disagreement
        let p = try path("powersign", ["lr": .number(0.2)], from: [1], steps: 2, oracle: HandOracles.parabola)
        #expect(HandOracles.close(p.map { $0[0] }, [1, x1, x1 * (1 - 0.4 / e)]))
    }

    @Test func addSignByHand() throws {
        // f = x², x0 = 1, η = 0.3, β = 0.9, α = 1.
        // t1: g = 2, m = 0.2 (agree)                 → x1 = 1 − 0.3·2·2 = −0.2
        // t2: g = −0.4, m = 0.18 − 0.04 = 0.14 > 0   → factor 1 − 1 = 0: x2 = −0.2
        // t3: g = −0.4, m = 0.126 − 0.04 = 0.086 > 0 → x3 = −0.2
        let p = try path("addsign", ["lr": .number(0.3)], from: [1], steps: 3, oracle: HandOracles.parabola)
        #expect(HandOracles.close(p.map { $0[0] }, [1, -0.2, -0.2, -0.2]))
        // Linear decay over T = 4: f(0) = 1, f(1) = 0.75.
        // t2: factor 1 − 0.75 = 0.25 → x2 = −0.2 − 0.3·0.25·(−0.4) = −0.17
        let decayed = try path("addsign", ["lr": .number(0.3), "decay": .word("linear"), "decay_steps": .number(4)],
                               from: [1], steps: 2, oracle: HandOracles.parabola)
        #expect(HandOracles.close(decayed.map { $0[0] }, [1, -0.2, -0.17]))
    }

    @Test func signDecayShapes() {
        let linear = SignDecay(kind: .linear, steps: 4, periods: 1)
        #expect([0, 1, 2, 4, 9].map(linear.factor) == [1, 0.75, 0.5, 0, 0])
        // cyclical: (1 + cos(2π·n·t/T))/2 with n = 1, T = 4: 1, 0.5, 0, 0.5, 1.
        let cyclical = SignDecay(kind: .cyclical, steps: 4, periods: 1)
        #expect(HandOracles.close([0, 1, 2, 3, 4].map(cyclical.factor), [1, 0.5, 0, 0.5, 1], rel: 0, abs: 1e-15))
        // restart: (1 + cos(π·((n·t) mod T)/T))/2 with n = 2, T = 4: t = 1 → 2 mod 4 = 2 → 0.5; t = 2 → 0 → 1.
        let restart = SignDecay(kind: .restart, steps: 4, periods: 2)
        #expect(HandOracles.close([1, 2, 3].map(restart.factor), [0.5, 1, 0.5], rel: 0, abs: 1e-15))
    }

    @Test func samByHand() throws {
        // x0 = (1, −2), g = (6, −10), ‖g‖ = √136; ε̂ = 0.05·g/√136; g_SAM = ∇f(x0 + ε̂); x1 = x0 − 0.1·g_SAM.
        let n = 136.0.squareRoot()
        let px = 1 + 0.05 * 6 / n, py = -2 + 0.05 * -10 / n
        let gx = 10 * px + 2 * py, gy = 2 * px + 6 * py
        let x1 = [1 - 0.1 * gx, -2 - 0.1 * gy]
        let counting = CountingOracle(HandOracles.quadratic)
        var sam = try make("sam", ["lr": .number(0.1)])
        var x = [1.0, -2.0]
        try sam.step(params: &x, gradient: [6, -10], lr: 0.1, oracle: counting.oracle)
        #expect(HandOracles.close(x, x1))
        #expect(counting.points.count == 1)
        #expect(HandOracles.close(counting.points[0], [px, py]))
        // Step 2 with momentum 0.5: b = 0.5·b₁ + g_SAM(x1).
        var heavy = try make("sam", ["lr": .number(0.1), "momentum": .number(0.5)])
        var y = [1.0, -2.0]
        try heavy.step(params: &y, gradient: [6, -10], lr: 0.1, oracle: HandOracles.quadratic)
        let g1 = [10 * x1[0] + 2 * x1[1], 2 * x1[0] + 6 * x1[1]]
        let n1 = (g1[0] * g1[0] + g1[1] * g1[1]).squareRoot()
        let q = [x1[0] + 0.05 * g1[0] / n1, x1[1] + 0.05 * g1[1] / n1]
        let s = [10 * q[0] + 2 * q[1], 2 * q[0] + 6 * q[1]]
        let b = [0.5 * gx + s[0], 0.5 * gy + s[1]]
        try heavy.step(params: &y, gradient: g1, lr: 0.1, oracle: HandOracles.quadratic)
        #expect(HandOracles.close(y, [x1[0] - 0.1 * b[0], x1[1] - 0.1 * b[1]]))
    }

    @Test func samAtAStationaryPointDoesNotPerturb() throws {
        let counting = CountingOracle(HandOracles.quadratic)
        var sam = try make("sam")
        var x = [0.0, 0.0]
        try sam.step(params: &x, gradient: [0, 0], lr: 0.1, oracle: counting.oracle)
        #expect(x == [0, 0])
        #expect(counting.points.isEmpty)
    }

    @Test func lionByHand() throws {
        // η = 0.1, β = (0.9, 0.99), λ = 0.5, x0 = (1, −2).
        // t1: g = (6, −10), c = 0.1g = (0.6, −1) → sign (1, −1);
        //     x1 = (1 − 0.1·(1 + 0.5), −2 − 0.1·(−1 − 1)) = (0.85, −1.8); m = 0.01g = (0.06, −0.1).
        // t2: g = (8.5 − 3.6, 1.7 − 10.8) = (4.9, −9.1), c = (0.054 + 0.49, −0.09 − 0.91) → sign (1, −1);
        //     x2 = (0.85 − 0.1·(1 + 0.425), −1.8 − 0.1·(−1 − 0.9)) = (0.7075, −1.61).
        let p = try path("lion", ["lr": .number(0.1), "weight_decay": .number(0.5)], from: [1, -2], steps: 2)
        #expect(HandOracles.close(p[1], [0.85, -1.8]))
        #expect(HandOracles.close(p[2], [0.7075, -1.61]))
        // Default: every coordinate moves by exactly η = 1e-4.
        let d = try path("lion", [:], from: [1, -2], steps: 1)
        #expect(HandOracles.close(d[1], [1 - 1e-4, -2 + 1e-4]))
    }

    @Test func newtonSolvesAQuadraticInOneStep() throws {
        let p = try path("newton", [:], from: [1.5, -1.2], steps: 1)
        #expect(HandOracles.close(p[1], [0, 0], rel: 0, abs: 1e-14))
        // Damped: lr = 0.5 goes half way.
        let half = try path("newton", ["lr": .number(0.5)], from: [1.5, -1.2], steps: 1)
        #expect(HandOracles.close(half[1], [0.75, -0.6], rel: 1e-12, abs: 1e-14))
    }

    @Test func newtonGoesToTheSaddle() throws {
        // f = x² − y²: ∇f = (2x, −2y), H = diag(2, −2), H⁻¹g = (x, y): one step to (0, 0).
        let saddle = GradientOracle(evaluate: { p, g in
            g[0] = 2 * p[0]; g[1] = -2 * p[1]
            return p[0] * p[0] - p[1] * p[1]
        }, hessian: { _ in [2, 0, 0, -2] })
        let p = try path("newton", [:], from: [1, 0.5], steps: 1, oracle: saddle)
        #expect(p[1] == [0, 0])
    }

    @Test func newtonWithASingularHessianStaysFinite() throws {
        // f = x² (y absent): H = [[2, 0], [0, 0]] is singular → gradient step x ← x − g.
        let flat = GradientOracle(evaluate: { p, g in
            g[0] = 2 * p[0]; g[1] = 0
            return p[0] * p[0]
        }, hessian: { _ in [2, 0, 0, 0] })
        let p = try path("newton", [:], from: [1, 1], steps: 3, oracle: flat)
        #expect(p == [[1, 1], [-1, 1], [1, 1], [-1, 1]])
        // No Hessian at all, and a NaN Hessian: also a gradient step.
        let none = try path("newton", ["lr": .number(0.1)], from: [1], steps: 1, oracle: HandOracles.parabola)
        #expect(HandOracles.close(none[1], [0.8]))
        let broken = GradientOracle(evaluate: HandOracles.parabola.evaluate, hessian: { _ in [.nan] })
        let nan = try path("newton", ["lr": .number(0.1)], from: [1], steps: 1, oracle: broken)
        #expect(HandOracles.close(nan[1], [0.8]))
    }

    @Test func linearSolveByHand() throws {
        // [[4, 1, 0], [1, 3, 1], [0, 1, 2]]·(1, 2, −1) = (6, 6, 0).
        let x = try #require(LinearSolve.solve([4, 1, 0, 1, 3, 1, 0, 1, 2], [6, 6, 0]))
        #expect(HandOracles.close(x, [1, 2, -1], rel: 1e-14, abs: 1e-15))
        // A zero first pivot needs the row swap: [[0, 1], [1, 0]]·(5, 3) = (3, 5).
        #expect(LinearSolve.solve([0, 1, 1, 0], [3, 5]) == [5, 3])
        #expect(LinearSolve.solve([1, 2, 2, 4], [1, 1]) == nil)
        #expect(LinearSolve.solve([0, 0, 0, 0], [1, 1]) == nil)
    }

    @Test func noisySGDIsSeeded() throws {
        let a = try path("noisy_sgd", [:], from: [1.5, -1.2], steps: 20, seed: 11)
        let b = try path("noisy_sgd", [:], from: [1.5, -1.2], steps: 20, seed: 11)
        let c = try path("noisy_sgd", [:], from: [1.5, -1.2], steps: 20, seed: 12)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func noisySGDNoiseIsUniformOnTheSphere() throws {
        // With g = 0 and η = 1 each step moves by −ξ.
        var opt = try make("noisy_sgd", ["lr": .number(1), "noise": .number(0.25)], seed: 99)
        let zero = GradientOracle(evaluate: { _, g in
            for i in g.indices { g[i] = 0 }
            return 0
        })
        var sum = [0.0, 0.0, 0.0], squares = [0.0, 0.0, 0.0]
        let samples = 30_000
        for _ in 0..<samples {
            var x = [0.0, 0.0, 0.0]
            try opt.step(params: &x, gradient: [0, 0, 0], lr: 1, oracle: zero)
            let r = (x[0] * x[0] + x[1] * x[1] + x[2] * x[2]).squareRoot()
            #expect(HandOracles.close(r, 0.25, rel: 1e-14))
            for i in 0..<3 { sum[i] += x[i]; squares[i] += x[i] * x[i] }
        }
        // Each coordinate of a uniform point on the sphere of radius r in 3-D has mean 0 and
        // variance r²/3.
        let n = Double(samples), variance = 0.25 * 0.25 / 3
        for i in 0..<3 {
            #expect(Swift.abs(sum[i] / n) < 5 * variance.squareRoot() / n.squareRoot())
            #expect(Swift.abs(squares[i] / n / variance - 1) < 0.03)
        }
    }

    @Test func nagEvaluatesTheLookaheadPoint() throws {
        // f = x², x0 = 1, η = 0.1, μ = 0.9.
        // t1: look at 1 + 0.9·0 = 1,             g = 2,      v = −0.2,                x1 = 0.8
        // t2: look at 0.8 + 0.9·(−0.2) = 0.62,  g = 1.24,   v = −0.18 − 0.124 = −0.304, x2 = 0.496
        // t3: look at 0.496 − 0.2736 = 0.2224,   g = 0.4448, v = −0.2736 − 0.04448 = −0.31808, x3 = 0.17792
        let counting = CountingOracle(HandOracles.parabola)
        var nag = try make("nag", ["lr": .number(0.1)])
        var x = [1.0]
        var xs: [Double] = []
        for _ in 0..<3 {
            try nag.step(params: &x, gradient: HandOracles.parabola.gradient(at: x), lr: 0.1, oracle: counting.oracle)
            xs.append(x[0])
        }
        #expect(HandOracles.close(counting.points.map { $0[0] }, [1, 0.62, 0.2224]))
        #expect(HandOracles.close(xs, [0.8, 0.496, 0.17792]))
    }
}
