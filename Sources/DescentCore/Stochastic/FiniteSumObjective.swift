/// An objective that is an average of per-sample losses over a data set — the structure that
/// makes minibatch gradients noisy in a specific, data-shaped way.
///
/// The parameters are θ = (w, b) (plotted as x = w, y = b), the data (x_i, y_i), i = 1…n, and
///
///     f(θ) = (1/n) Σ_i f_i(θ),   f_i(θ) = ℓ(w·x_i + b; y_i) + (λ/2)(w² + b²)
///     ∇f_i(θ) = ℓ′(u_i)·(x_i, 1) + λ·θ,   u_i = w·x_i + b
///
/// with ℓ a ``LinearModelLoss`` (least squares or logistic regression) and λ ≥ 0 a ridge penalty.
/// The per-sample gradients are exact (closed form). The gradient covariance at θ is the
/// population covariance of the per-sample gradients,
///
///     Σ(θ) = (1/n) Σ_i (∇f_i(θ) − ∇f(θ))(∇f_i(θ) − ∇f(θ))ᵀ
///
/// and the mean of a minibatch of B distinct samples drawn uniformly without replacement has
/// covariance (Σ/B)·(n − B)/(n − 1) (the finite-population correction: 0 when B = n).
///
/// ``surface`` is the same f as a ``Surface`` (value, AD gradient and Hessian over the plane),
/// with its view box centred on the minimizer θ* and θ* as its global minimum.
public struct FiniteSumObjective: Sendable {
    /// The registry name (`least_squares`, `logistic`).
    public let name: String
    public let loss: LinearModelLoss
    /// x_i.
    public let features: [Double]
    /// y_i (±1 for the logistic loss).
    public let labels: [Double]
    /// λ.
    public let ridge: Double
    /// θ* = argmin f, found by damped Newton's method.
    public let minimizer: [Double]
    /// f over the plane, for plotting.
    public let surface: Surface

    /// Half the side of the default view box around θ*.
    public static let viewHalfWidth = 3.0

    /// The surface of a finite-sum objective with one global minimizer θ*: its view box is the
    /// square of half-side ``viewHalfWidth`` centred on θ*, its one critical point θ*.
    static func surface<F: SurfaceFormula>(name: String, summary: String, formula: String, minimizer: [Double],
                                           function: F) -> Surface {
        let h = viewHalfWidth
        return Surface(
            name: name, summary: summary, formula: formula,
            viewBox: ViewBox(x: (minimizer[0] - h)...(minimizer[0] + h), y: (minimizer[1] - h)...(minimizer[1] + h)),
            criticalPoints: [CriticalPoint(x: minimizer[0], y: minimizer[1], kind: .globalMinimum)],
            function: function)
    }

    /// The objective of `loss` on the data (x, y). Throws when the data are empty or of unequal
    /// lengths, or when f has no finite minimizer (logistic regression with λ = 0 on linearly
    /// separable data, least squares with all x_i equal).
    public init(name: String, summary: String, loss: LinearModelLoss, x: [Double], y: [Double], ridge: Double = 0) throws(SpecError) {
        guard !x.isEmpty, x.count == y.count else {
            throw SpecError("\(name): needs as many labels as features, and at least one sample")
        }
        let formula = FiniteSumFormula(loss: loss, features: x, labels: y, ridge: ridge)
        guard let minimizer = formula.minimizer() else {
            throw SpecError("\(name): the loss has no finite minimizer for these data (separable data need l2 > 0)")
        }
        self.name = name
        self.loss = loss
        features = x
        labels = y
        self.ridge = ridge
        self.minimizer = minimizer
        surface = Self.surface(name: name, summary: summary, formula: formula.text, minimizer: minimizer, function: formula)
    }

    /// n, the number of samples.
    public var count: Int { features.count }

    /// f_i(θ).
    public func sampleLoss(_ i: Int, at theta: [Double]) -> Double {
        loss.value(theta[0] * features[i] + theta[1], label: labels[i])
            + 0.5 * ridge * (theta[0] * theta[0] + theta[1] * theta[1])
    }

    /// ∇f_i(θ) = ℓ′(w·x_i + b; y_i)·(x_i, 1) + λ·θ.
    public func sampleGradient(_ i: Int, at theta: [Double]) -> [Double] {
        let d = loss.derivative(theta[0] * features[i] + theta[1], label: labels[i])
        return [d * features[i] + ridge * theta[0], d + ridge * theta[1]]
    }

    /// The mean of f_i over `indices` (returned) and of ∇f_i (written into `gradient`, which has
    /// two elements): the full objective over all indices, a minibatch estimate over a batch.
    /// An empty index set gives NaN (which ends a run as diverged).
    public func meanLossAndGradient(over indices: some Collection<Int>, at theta: [Double], gradient: inout [Double]) -> Double {
        let w = theta[0], b = theta[1]
        var total = 0.0, gw = 0.0, gb = 0.0
        for i in indices {
            let u = w * features[i] + b
            total += loss.value(u, label: labels[i])
            let d = loss.derivative(u, label: labels[i])
            gw += d * features[i]
            gb += d
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

    /// The full-batch oracle: f and ∇f = (1/n) Σ ∇f_i exactly, and the exact Hessian.
    public var fullOracle: GradientOracle {
        let objective = self
        return GradientOracle(
            evaluate: { theta, g in objective.meanLossAndGradient(over: 0..<objective.count, at: theta, gradient: &g) },
            hessian: surface.oracle.hessian)
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
