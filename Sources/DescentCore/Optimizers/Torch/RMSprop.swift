/// RMSprop: gradient steps divided by a running root-mean-square of the gradient, as
/// `torch.optim.RMSprop`.
///
/// With g = ∇f(x), λ = `weight_decay`, α = `alpha`, μ = `momentum`, per step:
///
///     g ← g + λx                                   (if λ ≠ 0)
///     v ← αv + (1 − α)g²
///     ḡ ← lerp(ḡ, g, 1 − α),  a ← √(v − ḡ²) + ε    (centered)
///     a ← √v + ε                                   (otherwise)
///     b ← μb + g / a,  x ← x − ηb                  (if μ > 0)
///     x ← x − η g / a                              (otherwise)
///
/// References: Hinton, Srivastava & Swersky (2012), Neural Networks for Machine Learning,
/// lecture 6e; Graves (2013), "Generating Sequences With Recurrent Neural Networks" (centered).
public struct RMSprop: Optimizer {
    public var learningRate: Double
    /// α, the decay rate of the running averages.
    public var alpha: Double
    public var eps: Double
    /// L2 weight decay λ.
    public var weightDecay: Double
    /// μ; 0 steps along g / a directly.
    public var momentum: Double
    /// Whether to divide by the running standard deviation √(v − ḡ²) instead of the RMS √v.
    public var centered: Bool
    /// v, ḡ, the momentum buffer b, the weight-decayed gradient and v − ḡ².
    private var averages = StateBuffer(vectors: 5)
    private var lastLR = 0.0

    public init(lr: Double = 0.01, alpha: Double = 0.99, eps: Double = 1e-8, weightDecay: Double = 0,
                momentum: Double = 0, centered: Bool = false) {
        learningRate = lr
        self.alpha = alpha
        self.eps = eps
        self.weightDecay = weightDecay
        self.momentum = momentum
        self.centered = centered
    }

    public mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) {
        _ = averages.prepare(length: params.count)
        lastLR = lr
        let decay = WeightDecay(rate: weightDecay)
        let (alpha, eps, momentum, centered) = (alpha, eps, momentum, centered)
        // Pass by pass over the vectors, as torch's tensor ops, in the CPU's vector kernels
        // (bit-identical on every kernel set).
        let kernels = Kernels.best
        averages.update(&params, gradient) { x, gradient, s, n in
            let v = s, mean = s + n, b = s + 2 * n, variance = s + 4 * n
            let g = decay.apply(x, gradient: gradient, lr: lr, n, scratch: s + 3 * n, kernels: kernels)
            kernels.averageSquare(v, g, decay: alpha, n)
            // a = √spread + ε: spread is v, or v − ḡ² (centered).
            var spread = UnsafePointer(v)
            if centered {
                kernels.lerp(mean, toward: g, weight: 1 - alpha, n)
                for i in 0..<n { variance[i] = TorchUpdate.fma(-mean[i], mean[i], v[i]) }
                spread = UnsafePointer(variance)
            }
            if momentum > 0 {
                for i in 0..<n { b[i] = b[i] * momentum + g[i] / (spread[i].squareRoot() + eps) }
                kernels.addScaled(x, -lr, b, n)
            } else {
                kernels.addQuotientByRoot(x, -lr, g, spread, rootDivisor: 1, eps: eps, n)
            }
        }
    }

    /// a = √(v − ḡ²) + ε (centered) or √v + ε.
    @inline(__always)
    private static func denominator(_ v: Double, _ mean: Double, centered: Bool, eps: Double) -> Double {
        (centered ? TorchUpdate.fma(-mean, mean, v).squareRoot() : v.squareRoot()) + eps
    }

    public var state: [StateVector] {
        let v = averages.vector(0), mean = averages.vector(1)
        var vectors = [StateVector("square avg", v)]
        if centered { vectors.append(StateVector("grad avg", mean)) }
        if momentum > 0 { vectors.append(StateVector("momentum buffer", averages.vector(2))) }
        let rates = zip(v, mean).map { lastLR / Self.denominator($0, $1, centered: centered, eps: eps) }
        vectors.append(StateVector("effective lr", rates))
        return vectors
    }

    public mutating func configure(_ c: Configuration) throws(SpecError) {
        learningRate = c.number("lr")
        alpha = c.number("alpha")
        eps = c.number("eps")
        weightDecay = c.number("weight_decay")
        momentum = c.number("momentum")
        centered = c.flag("centered")
    }

    public mutating func reset() { averages.clear() }

    /// torch's `cycle_momentum` rule: this optimizer's momentum μ follows the schedule.
    public mutating func setCycledMomentum(_ value: Double) -> Bool { momentum = value; return true }


    /// `rmsprop`: the registry entry, with PyTorch's defaults.
    public static let entry = OptimizerEntry(
        name: "rmsprop", summary: "steps divided by a running RMS of the gradient",
        reference: "torch.optim.RMSprop; Hinton, Srivastava & Swersky 2012, Graves 2013 (centered)",
        parameters: [
            TorchSchema.lr(0.01),
            .real("alpha", 0.99, .nonNegative, "α: decay rate of the running average of g²"),
            TorchSchema.eps(1e-8),
            TorchSchema.weightDecay(),
            .real("momentum", 0, .nonNegative, "momentum μ: the buffer b ← μb + g / a"),
            .flag("centered", false, "divide by the running standard deviation √(v − ḡ²) instead of √v"),
        ]
    ) { c in try RMSprop().configured(c) }
}
