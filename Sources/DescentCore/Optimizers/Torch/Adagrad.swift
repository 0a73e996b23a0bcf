/// Adagrad: per-coordinate steps scaled by the root of the summed squared gradients, as
/// `torch.optim.Adagrad`.
///
/// With g = ∇f(x), λ = `weight_decay`, δ = `lr_decay`, s₀ = `initial_accumulator_value`,
/// per step t = 1, 2, ...:
///
///     g ← g + λx                          (if λ ≠ 0)
///     η̃ ← η / (1 + (t − 1)δ)
///     s ← s + g²
///     x ← x − η̃ · g / (√s + ε)
///
/// Reference: Duchi, Hazan & Singer (2011), "Adaptive Subgradient Methods for Online Learning
/// and Stochastic Optimization".
public struct Adagrad: Optimizer {
    public var learningRate: Double
    /// δ: the learning rate decays as η / (1 + (t − 1)δ).
    public var lrDecay: Double
    /// L2 weight decay λ.
    public var weightDecay: Double
    /// s₀, the starting value of the squared-gradient sum.
    public var initialAccumulatorValue: Double
    public var eps: Double
    /// The step count t (PyTorch's `step`).
    public private(set) var stepCount = 0
    /// The squared-gradient sum s and the weight-decayed gradient.
    private var sum = StateBuffer(vectors: 2)
    private var lastRate = 0.0

    public init(lr: Double = 0.01, lrDecay: Double = 0, weightDecay: Double = 0,
                initialAccumulatorValue: Double = 0, eps: Double = 1e-10) {
        learningRate = lr
        self.lrDecay = lrDecay
        self.weightDecay = weightDecay
        self.initialAccumulatorValue = initialAccumulatorValue
        self.eps = eps
    }

    public mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) {
        if sum.prepare(length: params.count, initial: initialAccumulatorValue) { stepCount = 0 }
        stepCount += 1
        let decay = WeightDecay(rate: weightDecay)
        let rate = lr / (1 + Double(stepCount - 1) * lrDecay)
        lastRate = rate
        let eps = eps
        // Pass by pass, as torch's tensor ops, in the CPU's vector kernels (bit-identical on
        // every kernel set).
        let kernels = Kernels.best
        sum.update(&params, gradient) { x, gradient, s, n in
            let g = decay.apply(x, gradient: gradient, lr: lr, n, scratch: s + n, kernels: kernels)
            kernels.accumulateSquare(s, g, n)
            kernels.addQuotientByRoot(x, -rate, g, s, rootDivisor: 1, eps: eps, n)
        }
    }

    public var state: [StateVector] {
        let s = sum.vector(0)
        return [StateVector("sum", s), StateVector("effective lr", s.map { lastRate / ($0.squareRoot() + eps) })]
    }

    public mutating func configure(_ c: Configuration) throws(SpecError) {
        learningRate = c.number("lr")
        lrDecay = c.number("lr_decay")
        weightDecay = c.number("weight_decay")
        initialAccumulatorValue = c.number("initial_accumulator_value")
        eps = c.number("eps")
    }

    public mutating func reset() { sum.clear() }


    /// `adagrad`: the registry entry, with PyTorch's defaults.
    public static let entry = OptimizerEntry(
        name: "adagrad", summary: "per-coordinate steps shrinking with the summed squared gradients",
        reference: "torch.optim.Adagrad; Duchi, Hazan & Singer 2011",
        parameters: [
            TorchSchema.lr(0.01),
            .real("lr_decay", 0, .nonNegative, "δ: the learning rate decays as η / (1 + (t − 1)δ)"),
            TorchSchema.weightDecay(),
            .real("initial_accumulator_value", 0, .nonNegative, "s₀: the starting value of the squared-gradient sum"),
            TorchSchema.eps(1e-10),
        ]
    ) { c in try Adagrad().configured(c) }
}
