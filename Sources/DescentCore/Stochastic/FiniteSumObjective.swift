/// An objective that is an average of per-sample losses over a data set — the structure that
/// makes minibatch gradients noisy in a specific, data-shaped way.
///
/// The parameters are θ = (θ₁, θ₂) (plotted as x, y), the data rows a_i ∈ ℝ² and labels y_i,
/// i = 1…n, and
///
///     f(θ) = (1/n) Σ_i f_i(θ),   f_i(θ) = ℓ(a_iᵀθ; y_i) + (λ/2)‖θ‖²
///     ∇f_i(θ) = ℓ′(a_iᵀθ; y_i)·a_i + λ·θ
///
/// with ℓ a ``LinearModelLoss`` (least squares or logistic regression) and λ ≥ 0 a ridge penalty.
/// The one-feature models have a_i = (x_i, 1), so a_iᵀθ = w·x_i + b with θ = (w, b); the sparse
/// least squares of Hogwild! has rows that are zero in one coordinate for most samples. Sample i
/// touches the coordinates of its support e_i = {j : a_ij ≠ 0} (every coordinate when λ > 0):
/// ∇f_i is zero outside it (``SampledObjective``). The per-sample gradients are exact (closed
/// form). The gradient covariance at θ is the population covariance of the per-sample gradients,
///
///     Σ(θ) = (1/n) Σ_i (∇f_i(θ) − ∇f(θ))(∇f_i(θ) − ∇f(θ))ᵀ
///
/// and the mean of a minibatch of B distinct samples drawn uniformly without replacement has
/// covariance (Σ/B)·(n − B)/(n − 1) (the finite-population correction: 0 when B = n).
///
/// ``surface`` is the same f as a ``Surface`` (value, AD gradient and Hessian over the plane),
/// with its view box centred on the minimizer θ* and θ* as its global minimum; its oracle, like
/// ``fullOracle`` and ``minibatchOracle(batchSize:seed:)``, carries the samples.
public struct FiniteSumObjective: Sendable {
    /// The registry name (`least_squares`, `logistic`, `sparse_least_squares`).
    public let name: String
    /// One line for listings.
    public let summary: String
    public let loss: LinearModelLoss
    /// a_i, row-major n × 2.
    public let rows: [Double]
    /// y_i (±1 for the logistic loss).
    public let labels: [Double]
    /// λ.
    public let ridge: Double
    /// θ* = argmin f, found by damped Newton's method.
    public let minimizer: [Double]
    private let formula: FiniteSumFormula

    /// Half the side of the default view box around θ*.
    public static let viewHalfWidth = 3.0

    /// The objective of `loss` on the rows a_i (row-major, two per sample) and labels y_i.
    /// Throws when the data are empty or of unequal lengths, or when f has no finite minimizer
    /// (logistic regression with λ = 0 on linearly separable data, least squares whose rows do
    /// not span the plane: all x_i equal, or a coordinate no sample touches).
    public init(name: String, summary: String, loss: LinearModelLoss, rows: [Double], labels: [Double], ridge: Double = 0) throws(SpecError) {
        guard !labels.isEmpty, rows.count == 2 * labels.count else {
            throw SpecError("\(name): needs as many labels as features, and at least one sample")
        }
        let formula = FiniteSumFormula(loss: loss, rows: rows, labels: labels, ridge: ridge)
        guard let minimizer = formula.minimizer() else {
            throw SpecError("\(name): the loss has no finite minimizer for these data (separable data need l2 > 0; every coordinate needs samples that move it)")
        }
        self.name = name
        self.summary = summary
        self.loss = loss
        self.rows = rows
        self.labels = labels
        self.ridge = ridge
        self.minimizer = minimizer
        self.formula = formula
    }

    /// The one-feature model on (x_i, y_i): rows a_i = (x_i, 1), so θ = (w, b) and
    /// a_iᵀθ = w·x_i + b.
    public init(name: String, summary: String, loss: LinearModelLoss, x: [Double], y: [Double], ridge: Double = 0) throws(SpecError) {
        guard x.count == y.count else {
            throw SpecError("\(name): needs as many labels as features, and at least one sample")
        }
        try self.init(name: name, summary: summary, loss: loss, rows: x.flatMap { [$0, 1] }, labels: y, ridge: ridge)
    }

    /// f over the plane, for plotting: the square of half-side ``viewHalfWidth`` centred on θ*
    /// is its view box, θ* its one critical point, and its oracle carries the samples.
    public var surface: Surface {
        let h = Self.viewHalfWidth
        return Surface(
            name: name, summary: summary, formula: formula.text,
            viewBox: ViewBox(x: (minimizer[0] - h)...(minimizer[0] + h), y: (minimizer[1] - h)...(minimizer[1] + h)),
            criticalPoints: [CriticalPoint(x: minimizer[0], y: minimizer[1], kind: .globalMinimum)],
            samples: self, function: formula)
    }

    /// n, the number of samples.
    public var count: Int { labels.count }

    /// a_iᵀθ.
    @inline(__always)
    private func prediction(_ i: Int, _ theta: [Double]) -> Double {
        theta[0] * rows[2 * i] + rows[2 * i + 1] * theta[1]
    }

    /// f_i(θ).
    public func sampleLoss(_ i: Int, at theta: [Double]) -> Double {
        loss.value(prediction(i, theta), label: labels[i])
            + 0.5 * ridge * (theta[0] * theta[0] + theta[1] * theta[1])
    }

    /// ∇f_i(θ) = ℓ′(a_iᵀθ; y_i)·a_i + λ·θ.
    public func sampleGradient(_ i: Int, at theta: [Double]) -> [Double] {
        let d = loss.derivative(prediction(i, theta), label: labels[i])
        return [d * rows[2 * i] + ridge * theta[0], d * rows[2 * i + 1] + ridge * theta[1]]
    }

    /// e_i = {j : a_ij ≠ 0}, or both coordinates when λ > 0 (the ridge term moves every one).
    public func support(_ i: Int) -> [Int] {
        guard ridge == 0 else { return [0, 1] }
        return (0..<2).filter { rows[2 * i + $0] != 0 }
    }

    /// The mean of f_i over `indices` (returned) and of ∇f_i (written into `gradient`, which has
    /// two elements): the full objective over all indices, a minibatch estimate over a batch.
    /// An empty index set gives NaN (which ends a run as diverged).
    public func meanLossAndGradient(over indices: some Collection<Int>, at theta: [Double], gradient: inout [Double]) -> Double {
        let w = theta[0], b = theta[1]
        var total = 0.0, gw = 0.0, gb = 0.0
        for i in indices {
            let u = prediction(i, theta)
            total += loss.value(u, label: labels[i])
            let d = loss.derivative(u, label: labels[i])
            gw += d * rows[2 * i]
            gb += d * rows[2 * i + 1]
        }
        let m = Double(indices.count)
        gradient[0] = gw / m + ridge * w
        gradient[1] = gb / m + ridge * b
        return total / m + 0.5 * ridge * (w * w + b * b)
    }

    /// f(θ).
    public func value(at theta: [Double]) -> Double {
        var g = [0.0, 0.0]
        return meanLossAndGradient(over: 0..<count, at: theta, gradient: &g)
    }

    /// ∇f(θ) = (1/n) Σ ∇f_i(θ).
    public func gradient(at theta: [Double]) -> [Double] {
        var g = [0.0, 0.0]
        _ = meanLossAndGradient(over: 0..<count, at: theta, gradient: &g)
        return g
    }

    /// The full-batch oracle: f and ∇f = (1/n) Σ ∇f_i exactly, the exact Hessian, and the samples.
    public var fullOracle: GradientOracle {
        let objective = self
        return GradientOracle(
            evaluate: { theta, g in objective.meanLossAndGradient(over: 0..<objective.count, at: theta, gradient: &g) },
            hessian: surface.oracle.hessian, samples: objective)
    }

    /// Σ(θ) = (1/n) Σ_i (∇f_i − ∇f)(∇f_i − ∇f)ᵀ: the covariance of the gradient of one sample
    /// drawn uniformly (the ridge term λθ is the same in every f_i and cancels).
    public func gradientCovariance(at theta: [Double]) -> GradientCovariance {
        let mean = gradient(at: theta)
        var c = GradientCovariance(xx: 0, xy: 0, yy: 0)
        for i in 0..<count {
            let g = sampleGradient(i, at: theta)
            let dw = g[0] - mean[0], db = g[1] - mean[1]
            c.xx += dw * dw
            c.xy += dw * db
            c.yy += db * db
        }
        return c.scaled(by: 1 / Double(count))
    }

    /// The covariance of the mean gradient of B samples drawn uniformly without replacement:
    /// (Σ(θ)/B)·(n − B)/(n − 1). B is clamped to 1…n (see ``clampedBatchSize(_:)``).
    public func minibatchCovariance(at theta: [Double], batchSize: Int) -> GradientCovariance {
        let b = clampedBatchSize(batchSize), n = count
        guard n > 1 else { return GradientCovariance(xx: 0, xy: 0, yy: 0) }
        return gradientCovariance(at: theta).scaled(by: Double(n - b) / (Double(b) * Double(n - 1)))
    }

    /// σ = √(tr C_B(θ) / 2): the per-coordinate standard deviation of isotropic Gaussian noise
    /// with the same total variance as the batch-B minibatch gradient at θ (θ* when nil).
    public func isotropicNoiseStandardDeviation(batchSize: Int, at theta: [Double]? = nil) -> Double {
        minibatchCovariance(at: theta ?? minimizer, batchSize: batchSize).isotropicStandardDeviation
    }

    /// The gradient transform g ← g + σ·ξ, ξ ~ N(0, I), σ from
    /// ``isotropicNoiseStandardDeviation(batchSize:at:)``: chained in front of full-batch gradient
    /// descent it gives "GD + isotropic noise of the same magnitude" as batch-B SGD
    /// (`TransformedOptimizer(transforms: [noise], inner: sgd)`).
    public func matchedIsotropicNoise(batchSize: Int, at theta: [Double]? = nil, seed: UInt64) -> GradientNoise {
        GradientNoise(scale: .constant(sigma: isotropicNoiseStandardDeviation(batchSize: batchSize, at: theta)), seed: seed)
    }

    /// min(max(B, 1), n): batch sizes outside 1…n mean a single sample or the full batch.
    public func clampedBatchSize(_ batchSize: Int) -> Int { min(max(batchSize, 1), count) }
}
