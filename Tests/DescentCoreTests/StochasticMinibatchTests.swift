import Testing
@testable import DescentCore

@Suite struct StochasticMinibatchTests {
    private func draws(_ oracle: GradientOracle, at theta: [Double], count: Int) -> [[Double]] {
        (0..<count).map { _ in oracle.gradient(at: theta) }
    }

    /// When B divides n, the batches of one epoch partition the data, so their mean gradient is
    /// the full gradient exactly (to rounding), epoch after epoch.
    @Test(arguments: [1, 20, 50, 200])
    func epochAverageIsTheFullGradient(batchSize: Int) throws {
        let f = try StochasticObjectiveTests.leastSquares()
        let theta = [0.5, 0.5]
        let oracle = f.minibatchOracle(batchSize: batchSize, seed: 11)
        let perEpoch = 200 / batchSize
        for _ in 0..<3 {
            let epoch = SampleStatistics.mean(draws(oracle, at: theta, count: perEpoch))
            #expect(HandOracles.close(epoch, f.gradient(at: theta), rel: 1e-12, abs: 1e-13))
        }
    }

    /// With B = 30 of n = 200 (20 samples skipped per epoch) no epoch is exact, but the mean of
    /// many batch gradients is within 5 standard errors of ∇f, and their sample covariance
    /// within 5 standard errors of (Σ/B)(n − B)/(n − 1). The i.i.d. standard error is
    /// conservative for the mean: disjoint batches of one epoch are negatively correlated.
    @Test(arguments: [("least_squares", [0.0, 0.0]), ("logistic", [1.0, -1.0])])
    func batchGradientsHaveTheTrueMeanAndCovariance(name: String, theta: [Double]) throws {
        let f = try StochasticObjectives.objective(name)
        let samples = draws(f.minibatchOracle(batchSize: 30, seed: 5), at: theta, count: 12_000)
        let full = f.gradient(at: theta)
        let c = f.minibatchCovariance(at: theta, batchSize: 30)
        let mean = SampleStatistics.mean(samples)
        let m = Double(samples.count)
        #expect(Swift.abs(mean[0] - full[0]) < 5 * (c.xx / m).squareRoot(), "mean \(mean) vs \(full)")
        #expect(Swift.abs(mean[1] - full[1]) < 5 * (c.yy / m).squareRoot(), "mean \(mean) vs \(full)")
        for (a, b, expected) in [(0, 0, c.xx), (0, 1, c.xy), (1, 1, c.yy)] {
            let sample = SampleStatistics.covariance(samples, a, b)
            #expect(Swift.abs(sample.value - expected) < 5 * sample.standardError,
                    "Cov[\(a)\(b)] \(sample.value) vs \(expected) ± \(sample.standardError)")
        }
        // Not isotropic: the point of the minibatch-vs-isotropic-noise scene.
        #expect(Swift.abs(c.xx - c.yy) > 0.1 * c.trace)
    }

    @Test func minibatchOracleIsSeededAndFreshPerCall() throws {
        let f = try StochasticObjectiveTests.logistic()
        let theta = [0.2, 0.1]
        let a = draws(f.minibatchOracle(batchSize: 8, seed: 3), at: theta, count: 40)
        #expect(a == draws(f.minibatchOracle(batchSize: 8, seed: 3), at: theta, count: 40))
        #expect(a != draws(f.minibatchOracle(batchSize: 8, seed: 4), at: theta, count: 40))
        // B ≥ n is the full batch; B < 1 is one sample.
        #expect(HandOracles.close(f.minibatchOracle(batchSize: 500, seed: 1).gradient(at: theta), f.gradient(at: theta)))
        #expect(f.clampedBatchSize(0) == 1 && f.clampedBatchSize(500) == 200)
    }

    /// The batch loss is the batch mean of f_i: a batch of one sample gives exactly some f_i.
    @Test func singleSampleBatchesVisitEverySampleOncePerEpoch() throws {
        let f = try StochasticObjectiveTests.handLeastSquares()
        let theta = [1.0, 0.0]
        let oracle = f.minibatchOracle(batchSize: 1, seed: 9)
        var g = [0.0, 0.0]
        var seen: [[Double]] = []
        for _ in 0..<4 {
            _ = oracle.evaluate(theta, &g)
            seen.append(g)
        }
        let expected = (0..<4).map { f.sampleGradient($0, at: theta) }
        #expect(seen.sorted { $0.lexicographicallyPrecedes($1) } == expected.sorted { $0.lexicographicallyPrecedes($1) })
    }

    /// A run on the minibatch oracle with the full oracle as reference records the full-data loss
    /// but steps on (and records) the minibatch gradients.
    @Test func runRecordsTheFullLossWhileSteppingOnMinibatches() throws {
        let f = try StochasticObjectiveTests.leastSquares()
        var run = Run(label: "sgd", spec: "sgd(lr=0.1)", optimizer: try Registry.builtin.optimizer("sgd(lr=0.1)").optimizer,
                      oracle: f.minibatchOracle(batchSize: 10, seed: 2), start: [-1, 2], reference: f.fullOracle)
        run.advance(toStep: 50)
        #expect(run.steps == 50)
        for k in [0, 1, 25, 50] {
            #expect(HandOracles.close(run.losses[k], f.value(at: run.point(k)), rel: 1e-12))
        }
        // The first step used the recorded (minibatch) gradient: x₁ = x₀ − 0.1·g₀.
        let g0 = run.gradient(0)
        #expect(HandOracles.close(run.point(1), [-1 - 0.1 * g0[0], 2 - 0.1 * g0[1]]))
        #expect(!HandOracles.close(g0, f.gradient(at: [-1, 2]), rel: 1e-6))
        // And minibatch SGD gets close to θ* (within the noise ball).
        #expect(distance(run.current, f.minimizer) < 0.5)
    }

    /// The two runs of the minibatch-vs-isotropic-noise scene: both record the full-data loss,
    /// both end near θ*, and they differ (different noise shapes).
    @Test func noiseComparisonRuns() throws {
        let f = try StochasticObjectiveTests.leastSquares()
        var sgd = try f.minibatchRun(spec: "sgd(lr=0.1)", batchSize: 5, start: [-1, 2], seed: 3, registry: .builtin)
        var gd = try f.isotropicNoiseRun(spec: "sgd(lr=0.1)", batchSize: 5, start: [-1, 2], seed: 3, registry: .builtin)
        sgd.advance(toStep: 200)
        gd.advance(toStep: 200)
        for run in [sgd, gd] {
            #expect(run.steps == 200 && distance(run.current, f.minimizer) < 0.5)
            #expect(HandOracles.close(run.losses[200], f.value(at: run.current), rel: 1e-12))
        }
        #expect(sgd.points != gd.points)
        #expect(gd.label.hasPrefix("noise(sigma=") && sgd.label == "sgd(lr=0.1)")
        // Seeded: the same seed replays the same minibatch run.
        var again = try f.minibatchRun(spec: "sgd(lr=0.1)", batchSize: 5, start: [-1, 2], seed: 3, registry: .builtin)
        again.advance(toStep: 200)
        #expect(again.points == sgd.points)
    }

    /// GD + isotropic noise of the same magnitude: the transform's σ² equals tr C_B / 2, and the
    /// chained optimizer runs on the full oracle.
    @Test func matchedIsotropicNoise() throws {
        let f = try StochasticObjectiveTests.leastSquares()
        let c = f.minibatchCovariance(at: f.minimizer, batchSize: 10)
        let noise = f.matchedIsotropicNoise(batchSize: 10, seed: 4)
        #expect(noise.scale == .constant(sigma: (c.trace / 2).squareRoot()))
        #expect(c.trace > 0)
        var run = Run(label: "gd+noise", spec: "", optimizer: TransformedOptimizer(
            transforms: [noise], inner: try Registry.builtin.optimizer("sgd(lr=0.1)").optimizer),
            oracle: f.fullOracle, start: [-1, 2])
        run.advance(toStep: 100)
        #expect(run.steps == 100 && distance(run.current, f.minimizer) < 0.5)
    }
}
