import Testing
@testable import DescentCore

@Suite struct TransformTests {
    private func make(_ name: String, _ args: [String: Double] = [:], seed: UInt64 = 0) throws -> any GradientTransform {
        let entry = try #require(Transforms.all.first { $0.name == name })
        return try entry.make(args.map { SpecArgument($0.key, .number($0.value)) }, seed: seed)
    }

    private func applied(_ t: inout any GradientTransform, _ g: [Double], params: [Double] = [0, 0],
                         lr: Double = 0.1, step: Int = 0) -> (gradient: [Double], params: [Double]) {
        var g = g, p = params
        t.apply(gradient: &g, params: &p, lr: lr, step: step)
        return (g, p)
    }

    @Test func registry() {
        #expect(Transforms.all.map(\.name) == ["clip_norm", "clip_value", "noise", "annealed_noise", "weight_decay"])
    }

    @Test func clipNormRescalesOnlyLongGradients() throws {
        var t = try make("clip_norm")
        // ‖(3, 4)‖ = 5 > 1: g·(1/5).
        #expect(HandOracles.close(applied(&t, [3, 4]).gradient, [0.6, 0.8]))
        #expect(applied(&t, [0.3, 0.4]).gradient == [0.3, 0.4])
        #expect(applied(&t, [0, 0]).gradient == [0, 0])
        var two = try make("clip_norm", ["max_norm": 2])
        // ‖(−6, 8)‖ = 10: g·(2/10).
        #expect(HandOracles.close(applied(&two, [-6, 8]).gradient, [-1.2, 1.6]))
        // Exactly at the threshold: unchanged (no 1e-6 as in torch).
        #expect(applied(&two, [0, 2]).gradient == [0, 2])
    }

    @Test func clipValueClampsEachCoordinate() throws {
        var t = try make("clip_value", ["clip": 1])
        #expect(applied(&t, [-2, 0.5, 3], params: [0, 0, 0]).gradient == [-1, 0.5, 1])
    }

    @Test func decoupledWeightDecayShrinksParametersOnly() throws {
        var t = try make("weight_decay", ["weight_decay": 0.5])
        // x ← x − η·λ·x = x·(1 − 0.1·0.5) = 0.95x.
        let out = applied(&t, [7, 8], params: [2, -1], lr: 0.1)
        #expect(out.gradient == [7, 8])
        #expect(HandOracles.close(out.params, [1.9, -0.95]))
    }

    /// The noise added to a zero gradient of `count` coordinates at `step`.
    private func noise(_ t: inout any GradientTransform, count: Int, step: Int = 0) -> [Double] {
        var g = [Double](repeating: 0, count: count), p = g
        t.apply(gradient: &g, params: &p, lr: 0.1, step: step)
        return g
    }

    @Test func noiseIsSeeded() throws {
        var a = try make("noise", seed: 7), b = try make("noise", seed: 7), c = try make("noise", seed: 8)
        let first = noise(&a, count: 4)
        #expect(first == noise(&b, count: 4))
        #expect(first != noise(&c, count: 4))
        #expect(noise(&a, count: 4) != first)  // the stream moves on
    }

    /// Mean within 5 standard errors of 0 and variance within 3% of σ².
    private func expectGaussian(_ xs: [Double], sigma: Double) {
        let n = Double(xs.count)
        let mean = xs.reduce(0, +) / n
        let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        #expect(Swift.abs(mean) < 5 * sigma / n.squareRoot(), "mean \(mean)")
        #expect(Swift.abs(variance / (sigma * sigma) - 1) < 0.03, "variance \(variance) vs \(sigma * sigma)")
    }

    @Test func constantNoiseStatistics() throws {
        var t = try make("noise", ["sigma": 0.3], seed: 42)
        expectGaussian(noise(&t, count: 40_000), sigma: 0.3)
    }

    @Test func annealedNoiseStatistics() throws {
        var t = try make("annealed_noise", seed: 3)
        // σ_t² = η/(1 + t)^γ = 0.3/10^0.55 at t = 9; 10^0.55 = 3.548133892335755.
        let variance = 0.3 / 3.548133892335755
        expectGaussian(noise(&t, count: 40_000, step: 9), sigma: variance.squareRoot())
        // At t = 0 the variance is η.
        expectGaussian(noise(&t, count: 40_000, step: 0), sigma: 0.3.squareRoot())
        #expect(HandOracles.close(GradientNoise.Scale.annealed(eta: 0.3, gamma: 0.55).standardDeviation(at: 9),
                                  variance.squareRoot(), rel: 1e-14))
    }

    /// Records the steps it is applied at, and doubles the gradient.
    struct Recorder: GradientTransform {
        var steps: [Int] = []
        mutating func apply(gradient: inout [Double], params: inout [Double], lr: Double, step: Int) {
            steps.append(step)
            for i in gradient.indices { gradient[i] *= 2 }
        }
        mutating func reset() { steps = [] }
    }

    /// x ← x − η·g, recording the gradients it was given.
    struct PlainDescent: Optimizer {
        var learningRate = 0.1
        var seen: [[Double]] = []
        mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) {
            seen.append(gradient)
            for i in params.indices { params[i] -= lr * gradient[i] }
        }
        var state: [StateVector] { [StateVector("seen", seen.last ?? [])] }
        mutating func configure(_ configuration: Configuration) throws(SpecError) { learningRate = configuration.number("lr") }
        mutating func reset() { seen = [] }
    }

    @Test func transformedOptimizerChainsInOrder() throws {
        // Doubling then clipping to norm 1 differs from clipping then doubling.
        let clip = try make("clip_norm")
        var chained = TransformedOptimizer(transforms: [Recorder(), clip], inner: PlainDescent())
        var x = [1.0, 1.0]
        try chained.step(params: &x, gradient: [0.3, 0.4], lr: 0.5, oracle: HandOracles.quadratic)
        // (0.3, 0.4) → (0.6, 0.8) (norm 1, kept) → x − 0.5·(0.6, 0.8).
        #expect(HandOracles.close(x, [0.7, 0.6]))
        try chained.step(params: &x, gradient: [3, 4], lr: 0.5, oracle: HandOracles.quadratic)
        // (3, 4) → (6, 8) → (0.6, 0.8).
        #expect(HandOracles.close(x, [0.4, 0.2]))
        let recorder = try #require(chained.transforms[0] as? Recorder)
        #expect(recorder.steps == [0, 1])
        #expect(chained.stepCount == 2)
        let state = try #require(chained.state.first)
        #expect(state.name == "seen" && HandOracles.close(state.values, [0.6, 0.8]))
    }

    @Test func transformedOptimizerForwardsTheLearningRate() {
        var chained = TransformedOptimizer(transforms: [], inner: PlainDescent())
        #expect(chained.learningRate == 0.1)
        chained.learningRate = 0.25
        #expect(chained.inner.learningRate == 0.25)
    }

    @Test func weightDecayInFrontOfAnOptimizer() throws {
        var chained = TransformedOptimizer(transforms: [try make("weight_decay", ["weight_decay": 0.5])],
                                           inner: PlainDescent())
        var x = [2.0]
        try chained.step(params: &x, gradient: [1], lr: 0.1, oracle: HandOracles.parabola)
        // x ← 2 − 0.1·0.5·2 = 1.9, then 1.9 − 0.1·1 = 1.8.
        #expect(HandOracles.close(x, [1.8]))
    }
}
