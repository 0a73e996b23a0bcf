import Testing
@testable import DescentCore

/// The noise transform through the registry, chained in front of SGD, as scenes use it.
@Suite struct StochasticNoiseTests {
    /// The noisy gradients g + σ_t·ξ_t that `spec` (a chain ending in `sgd(lr=1)`, so that
    /// x_{t+1} = x_t − g̃_t) steps on, at a constant true gradient g.
    private func noisyGradients(_ spec: String, gradient g: [Double], steps: Int, seed: UInt64) throws -> [[Double]] {
        var optimizer = try Registry.builtin.optimizer(spec, seed: seed).optimizer
        let constant = GradientOracle(evaluate: { _, out in
            out = g
            return 0
        })
        var x = [0.0, 0.0]
        return try (0..<steps).map { _ in
            let before = x
            try optimizer.step(params: &x, gradient: g, lr: 1, oracle: constant)
            return [before[0] - x[0], before[1] - x[1]]
        }
    }

    /// Mean g (within 5 standard errors σ/√M), per-coordinate variance σ² (within 5 standard
    /// errors, σ²√(2/M) for Gaussian draws) and no correlation between coordinates (within 5
    /// standard errors, σ²/√M), over M = 20 000 steps.
    @Test(arguments: [0.05, 0.5, 3.0])
    func constantNoiseHasTheRequestedMeanAndVariance(sigma: Double) throws {
        let g = [1.0, -2.0]
        let draws = try noisyGradients("noise(sigma=\(sigma)) | sgd(lr=1)", gradient: g, steps: 20_000, seed: 21)
        let m = Double(draws.count), variance = sigma * sigma
        let mean = SampleStatistics.mean(draws)
        for j in 0..<2 {
            #expect(Swift.abs(mean[j] - g[j]) < 5 * sigma / m.squareRoot(), "mean \(mean)")
            let v = SampleStatistics.covariance(draws, j, j).value
            #expect(Swift.abs(v - variance) < 5 * variance * (2 / m).squareRoot(), "variance \(v) vs \(variance)")
        }
        #expect(Swift.abs(SampleStatistics.covariance(draws, 0, 1).value) < 5 * variance / m.squareRoot())
    }

    /// Annealed noise: (g̃_t − g)/σ_t with σ_t² = η/(1 + t)^γ is standard normal at every step.
    @Test func annealedNoiseIsStandardisedBySigmaT() throws {
        let g = [0.5, 0.25]
        let scale = GradientNoise.Scale.annealed(eta: 1, gamma: 0.55)
        let draws = try noisyGradients("annealed_noise(eta=1, gamma=0.55) | sgd(lr=1)", gradient: g, steps: 20_000, seed: 8)
        let standardised = draws.enumerated().map { t, d in
            let s = scale.standardDeviation(at: t)
            return [(d[0] - g[0]) / s, (d[1] - g[1]) / s]
        }
        let m = Double(standardised.count)
        let mean = SampleStatistics.mean(standardised)
        for j in 0..<2 {
            #expect(Swift.abs(mean[j]) < 5 / m.squareRoot())
            #expect(Swift.abs(SampleStatistics.covariance(standardised, j, j).value - 1) < 5 * (2 / m).squareRoot())
        }
        // σ_t really decays: (1 + 9999)^(−0.55/2) = 10^(−1.1) at t = 9999.
        #expect(HandOracles.close(scale.standardDeviation(at: 9999), 0.07943282347242814, rel: 1e-12))
    }

    @Test func noiseIsReproducibleBySeed() throws {
        let a = try noisyGradients("noise(sigma=1) | sgd(lr=1)", gradient: [0, 0], steps: 10, seed: 1)
        #expect(a == (try noisyGradients("noise(sigma=1) | sgd(lr=1)", gradient: [0, 0], steps: 10, seed: 1)))
        #expect(a != (try noisyGradients("noise(sigma=1) | sgd(lr=1)", gradient: [0, 0], steps: 10, seed: 2)))
    }
}
