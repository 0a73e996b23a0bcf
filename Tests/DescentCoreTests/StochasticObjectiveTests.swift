import Testing
@testable import DescentCore

@Suite struct StochasticObjectiveTests {
    /// Four hand-checkable points: x = (−1, 0, 1, 2), y = (1, 2, 2, 4).
    static func handLeastSquares() throws -> FiniteSumObjective {
        try FiniteSumObjective(name: "hand", summary: "", loss: .squared, x: [-1, 0, 1, 2], y: [1, 2, 2, 4])
    }

    static func leastSquares() throws -> FiniteSumObjective { try StochasticObjectives.objective("least_squares") }
    static func logistic() throws -> FiniteSumObjective { try StochasticObjectives.objective("logistic") }

    @Test func leastSquaresByHand() throws {
        let f = try Self.handLeastSquares()
        // OLS: x̄ = 0.5, ȳ = 2.25, Sxx = 5, Sxy = 4.5 → w = 0.9, b = ȳ − w·x̄ = 1.8.
        #expect(HandOracles.close(f.minimizer, [0.9, 1.8], rel: 1e-12))
        // At θ = (1, 0): residuals r = x − y = (−2, −2, −1, −2), ∇f_i = r_i·(x_i, 1).
        let theta = [1.0, 0.0]
        #expect(f.sampleGradient(0, at: theta) == [2, -2])
        #expect(f.sampleGradient(3, at: theta) == [-4, -2])
        #expect(HandOracles.close(f.sampleLoss(2, at: theta), 0.5))
        // f = mean ½r² = 13/8, ∇f = mean ∇f_i = (−3/4, −7/4).
        #expect(HandOracles.close(f.value(at: theta), 1.625))
        #expect(HandOracles.close(f.gradient(at: theta), [-0.75, -1.75]))
        // Deviations (2.75, −.25), (.75, −.25), (−.25, .75), (−3.25, −.25):
        // Σ = (1/4)·(18.75, −0.25, 0.75).
        let sigma = f.gradientCovariance(at: theta)
        #expect(HandOracles.close([sigma.xx, sigma.xy, sigma.yy], [4.6875, -0.0625, 0.1875]))
        // B = 2 of n = 4: factor (n − B)/(B(n − 1)) = 1/3.
        let batch = f.minibatchCovariance(at: theta, batchSize: 2)
        #expect(HandOracles.close([batch.xx, batch.xy, batch.yy], [1.5625, -0.0625 / 3, 0.0625]))
        // Isotropic noise of the same total variance: σ² = tr/2 = (1.5625 + 0.0625)/2.
        #expect(HandOracles.close(f.isotropicNoiseStandardDeviation(batchSize: 2, at: theta), 0.8125.squareRoot()))
        // The full batch has no noise.
        #expect(f.minibatchCovariance(at: theta, batchSize: 4) == GradientCovariance(xx: 0, xy: 0, yy: 0))
    }

    /// The covariance formula with the finite-population factor against exhaustive enumeration
    /// of every B-subset (each equally likely under sampling without replacement).
    @Test(arguments: [1, 2, 3, 6])
    func minibatchCovarianceMatchesEnumeration(batchSize: Int) throws {
        let f = try StochasticObjectives.objective("logistic(n=7, seed=4, l2=0.1)")
        let theta = [0.3, -0.7]
        let means = subsets(of: 7, size: batchSize).map { subset -> [Double] in
            var g = [0.0, 0.0]
            for i in subset {
                let gi = f.sampleGradient(i, at: theta)
                g[0] += gi[0] / Double(batchSize)
                g[1] += gi[1] / Double(batchSize)
            }
            return g
        }
        #expect(HandOracles.close(SampleStatistics.mean(means), f.gradient(at: theta), rel: 1e-12, abs: 1e-15))
        let c = f.minibatchCovariance(at: theta, batchSize: batchSize)
        #expect(HandOracles.close(SampleStatistics.covariance(means, 0, 0).value, c.xx, rel: 1e-10, abs: 1e-15))
        #expect(HandOracles.close(SampleStatistics.covariance(means, 0, 1).value, c.xy, rel: 1e-10, abs: 1e-15))
        #expect(HandOracles.close(SampleStatistics.covariance(means, 1, 1).value, c.yy, rel: 1e-10, abs: 1e-15))
    }

    private func subsets(of n: Int, size k: Int) -> [[Int]] {
        guard k > 0 else { return [[]] }
        guard n >= k else { return [] }
        return subsets(of: n - 1, size: k - 1).map { $0 + [n - 1] } + subsets(of: n - 1, size: k)
    }

    /// Central differences of f_i and of f (h = 1e-6) against the closed-form gradients.
    @Test(arguments: ["least_squares", "logistic"])
    func gradientsMatchCentralDifferences(name: String) throws {
        let f = try StochasticObjectives.objective(name)
        let theta = [0.7, -0.4], h = 1e-6
        for i in [0, 17, 199] {
            let g = f.sampleGradient(i, at: theta)
            let dw = (f.sampleLoss(i, at: [theta[0] + h, theta[1]]) - f.sampleLoss(i, at: [theta[0] - h, theta[1]])) / (2 * h)
            let db = (f.sampleLoss(i, at: [theta[0], theta[1] + h]) - f.sampleLoss(i, at: [theta[0], theta[1] - h])) / (2 * h)
            #expect(HandOracles.close(g, [dw, db], rel: 1e-6, abs: 1e-8))
        }
        // The plotted surface is the same function, with the same gradient by AD.
        let surface = f.surface
        #expect(HandOracles.close(surface.value(theta[0], theta[1]), f.value(at: theta), rel: 1e-12))
        let ad = surface.gradient(theta[0], theta[1])
        #expect(HandOracles.close([ad.x, ad.y], f.gradient(at: theta), rel: 1e-10, abs: 1e-14))
        // Its Hessian against central differences of the gradient.
        let hess = surface.hessian(theta[0], theta[1])
        let gp = f.gradient(at: [theta[0] + h, theta[1]]), gm = f.gradient(at: [theta[0] - h, theta[1]])
        let gq = f.gradient(at: [theta[0], theta[1] + h]), gn = f.gradient(at: [theta[0], theta[1] - h])
        #expect(HandOracles.close([hess.xx, hess.xy, hess.yy],
                                  [(gp[0] - gm[0]) / (2 * h), (gq[0] - gn[0]) / (2 * h), (gq[1] - gn[1]) / (2 * h)],
                                  rel: 1e-6, abs: 1e-8))
    }

    @Test func logisticLossIsStableForLargeMargins() {
        // softplus(−y·u) for u = ±800: log(1 + e^{800}) = 800 (to rounding), log(1 + e^{−800}) = 0.
        #expect(LinearModelLoss.logistic.value(800.0, label: -1) == 800)
        #expect(LinearModelLoss.logistic.value(800.0, label: 1) == 0)
        #expect(LinearModelLoss.logistic.derivative(800, label: -1) == 1)
        #expect(LinearModelLoss.logistic.derivative(-800, label: -1) == 0)
        let d = LinearModelLoss.logistic.value(Dual2.x(0), label: 1)
        // At u = 0: log 2, ℓ′ = −σ(0) = −½.
        #expect(HandOracles.close(d.value, 0.6931471805599453) && d.dx == -0.5)
    }

    @Test(arguments: ["least_squares", "logistic", "least_squares(n=20, noise=2, seed=9)", "logistic(n=30, l2=0.5, seed=2)"])
    func minimizerIsStationaryAndCentresTheView(spec: String) throws {
        let f = try StochasticObjectives.objective(spec)
        let g = f.gradient(at: f.minimizer)
        #expect(g.allSatisfy { Swift.abs($0) < 1e-10 }, "∇f(θ*) = \(g)")
        let box = f.surface.viewBox
        #expect(HandOracles.close([(box.x.lowerBound + box.x.upperBound) / 2, (box.y.lowerBound + box.y.upperBound) / 2],
                                  f.minimizer, rel: 1e-12, abs: 1e-12))
        #expect(f.surface.criticalPoints == [CriticalPoint(x: f.minimizer[0], y: f.minimizer[1], kind: .globalMinimum)])
        let h = f.surface.hessian(f.minimizer[0], f.minimizer[1])
        #expect(h.xx > 0 && h.xx * h.yy - h.xy * h.xy > 0)
    }

    @Test func leastSquaresRecoversTheGeneratingLine() throws {
        // With no label noise the data lie on y = 2x − 1 exactly.
        let f = try StochasticObjectives.objective("least_squares(noise=0)")
        #expect(HandOracles.close(f.minimizer, [2, -1], rel: 1e-12, abs: 1e-12))
        // And every per-sample gradient vanishes there: no minibatch noise at the optimum.
        #expect(f.gradientCovariance(at: f.minimizer).trace < 1e-24)
    }

    @Test func separableDataWithoutRidgeHasNoMinimizer() {
        #expect(throws: SpecError.self) {
            try FiniteSumObjective(name: "sep", summary: "", loss: .logistic, x: [-2, -1, 1, 2], y: [-1, -1, 1, 1], ridge: 0)
        }
        #expect(throws: SpecError.self) {
            try FiniteSumObjective(name: "flat", summary: "", loss: .squared, x: [1, 1, 1], y: [0, 1, 2])
        }
        #expect(throws: SpecError.self) {
            try FiniteSumObjective(name: "empty", summary: "", loss: .squared, x: [], y: [])
        }
    }

    @Test func registeredAsSurfaces() throws {
        let surface = try Registry.builtin.surface("least_squares(n=50, seed=3)")
        #expect(surface.name == "least_squares")
        #expect(surface.criticalPoints.count == 1)
        let logistic = try Registry.builtin.surface("logistic")
        #expect(logistic.name == "logistic")
        #expect(throws: SpecError.self) { try Registry.builtin.surface("least_squares(n=1)") }
        #expect(throws: SpecError.self) { try StochasticObjectives.objective("beale") }
        #expect(throws: SpecError.self) { try StochasticObjectives.objective("logistic(batch=3)") }
        // The data seed decides the data.
        let a = try StochasticObjectives.objective("logistic(seed=1)"), b = try StochasticObjectives.objective("logistic(seed=2)")
        #expect(a.rows != b.rows)
        #expect(try StochasticObjectives.objective("logistic(seed=1)").labels == a.labels)
    }

    /// The sparse least squares: rows zero off each sample's support, a fraction `overlap` of
    /// samples touching both parameters, θ* = H⁻¹r in closed form, and per-sample gradients
    /// zero off the support.
    @Test func sparseLeastSquares() throws {
        let f = try StochasticObjectives.objective("sparse_least_squares(n=400, overlap=0.25, noise=0, seed=4)")
        #expect(f.count == 400 && f.rows.count == 800)
        let both = (0..<f.count).filter { f.support($0) == [0, 1] }.count
        #expect(abs(Double(both) / 400 - 0.25) < 5 * (0.25 * 0.75 / 400).squareRoot())
        for i in 0..<f.count {
            let g = f.sampleGradient(i, at: [0.3, 0.7])
            for j in 0..<2 where !f.support(i).contains(j) { #expect(g[j] == 0 && f.rows[2 * i + j] == 0) }
        }
        // Without label noise the data are fitted exactly by θ° = (1, −1).
        #expect(HandOracles.close(f.minimizer, [1, -1], rel: 1e-9))
        #expect(f.value(at: [1, -1]) < 1e-20)
        // The one-feature models touch both coordinates, except where x_i = 0 moves only the bias.
        let hand = try Self.handLeastSquares()
        #expect((0..<4).map { hand.support($0) } == [[0, 1], [1], [0, 1], [0, 1]])
        // Registered as a surface whose oracle carries the samples; a coordinate no sample moves has no minimizer.
        let surface = try Registry.builtin.surface("sparse_least_squares(overlap=0.1)")
        #expect(surface.name == "sparse_least_squares" && surface.oracle.samples?.count == 200)
        #expect(try Registry.builtin.surface("beale").oracle.samples == nil)
        #expect(throws: SpecError.self) {
            try FiniteSumObjective(name: "x only", summary: "", loss: .squared, rows: [1, 0, 2, 0], labels: [1, 2])
        }
    }
}
