/// Adamax: Adam with the second moment replaced by an exponentially weighted infinity norm, as
/// `torch.optim.Adamax`.
///
/// With g = ∇f(x), λ = `weight_decay`, per step t = 1, 2, ...:
///
///     g ← g + λx                          (if λ ≠ 0)
///     m ← lerp(m, g, 1 − β₁)
///     u ← max(β₂u, |g| + ε)
///     x ← x − (η / (1 − β₁ᵗ)) · m / u
///
/// Reference: Kingma & Ba (2015), "Adam: A Method for Stochastic Optimization", section 7.1.
public struct Adamax: Optimizer {
    public var learningRate: Double
    /// β₁, the decay rate of the first moment m.
    public var beta1: Double
    /// β₂, the decay rate of the infinity norm u.
    public var beta2: Double
    public var eps: Double
    /// L2 weight decay λ.
    public var weightDecay: Double
    /// The step count t (PyTorch's `step`).
    public private(set) var stepCount = 0
    /// m and u.
    private var moments = StateBuffer(vectors: 2)
    private var correction1 = BiasCorrection()
    private var lastLR = 0.0

    public init(lr: Double = 0.002, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8, weightDecay: Double = 0) {
        learningRate = lr
        (beta1, beta2) = betas
        self.eps = eps
        self.weightDecay = weightDecay
    }

    public mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) {
        if moments.prepare(length: params.count) {
            stepCount = 0
        }
        stepCount += 1
        correction1.update(beta: beta1, step: stepCount)
        lastLR = lr
        let decay = WeightDecay(rate: weightDecay)
        let stepSize = lr / correction1.value
        let (beta2, eps) = (beta2, eps)
        moments.update(&params, gradient) { x, gradient, s, n in
            let m = s, u = s + n
            TorchUpdate.withLerp(weight: 1 - beta1) { lerp in
                for i in 0..<n {
                    let g = decay.apply(&x[i], gradient: gradient[i], lr: lr)
                    m[i] = lerp(m[i], g)
                    u[i] = Swift.max(u[i] * beta2, Swift.abs(g) + eps)
                    x[i] += -stepSize * m[i] / u[i]
                }
            }
        }
    }

    public var state: [StateVector] {
        let stepSize = lastLR / correction1.value
        let u = moments.vector(1)
        return [StateVector("m", moments.vector(0)), StateVector("u", u), StateVector("effective lr", u.map { stepSize / $0 })]
    }

    public mutating func configure(_ c: Configuration) throws(SpecError) {
        learningRate = c.number("lr")
        (beta1, beta2) = TorchSchema.betas(c)
        eps = c.number("eps")
        weightDecay = c.number("weight_decay")
    }

    public mutating func reset() { moments.clear() }

    /// torch's `cycle_momentum` rule: this optimizer's β₁ follows the schedule.
    public mutating func setCycledMomentum(_ value: Double) -> Bool { beta1 = value; return true }


    /// `adamax`: the registry entry, with PyTorch's defaults.
    public static let entry = OptimizerEntry(
        name: "adamax", summary: "Adam with an infinity-norm second moment",
        reference: "torch.optim.Adamax; Kingma & Ba 2015",
        parameters: [TorchSchema.lr(0.002), TorchSchema.betas, TorchSchema.eps(1e-8), TorchSchema.weightDecay()]
    ) { c in try Adamax().configured(c) }
}
