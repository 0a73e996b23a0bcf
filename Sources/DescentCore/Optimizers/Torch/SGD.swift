/// Stochastic gradient descent with optional momentum and Nesterov momentum, as
/// `torch.optim.SGD`.
///
/// With g = ∇f(x), λ = `weight_decay`, μ = `momentum`, τ = `dampening`, η = lr, per step:
///
///     g ← g + λx                                   (if λ ≠ 0)
///     b ← g  on the first step, else  b ← μb + (1 − τ)g      (if μ ≠ 0)
///     g ← g + μb  if nesterov,  else  g ← b                  (if μ ≠ 0)
///     x ← x − ηg
///
/// The first momentum step copies g into the buffer without dampening, as PyTorch does.
/// References: Robbins & Monro (1951); Polyak (1964) heavy-ball momentum; Sutskever et al.
/// (2013) for the Nesterov form PyTorch uses.
public struct SGD: Optimizer {
    public var learningRate: Double
    /// μ; 0 disables the momentum buffer.
    public var momentum: Double
    /// τ, the fraction of g left out of the momentum buffer.
    public var dampening: Double
    /// L2 weight decay λ.
    public var weightDecay: Double
    /// Whether to step along g + μb (Nesterov) instead of b.
    public var nesterov: Bool
    /// The momentum buffer b and the weight-decayed gradient.
    private var buffer = StateBuffer(vectors: 2)

    /// Throws ``SpecError`` for Nesterov momentum without momentum or with dampening, like
    /// PyTorch's `ValueError`.
    public init(lr: Double = 0.001, momentum: Double = 0, dampening: Double = 0, weightDecay: Double = 0,
                nesterov: Bool = false) throws {
        try Self.validate(momentum: momentum, dampening: dampening, nesterov: nesterov)
        learningRate = lr
        self.momentum = momentum
        self.dampening = dampening
        self.weightDecay = weightDecay
        self.nesterov = nesterov
    }

    /// PyTorch's check: Nesterov momentum needs μ > 0 and τ = 0.
    private static func validate(momentum: Double, dampening: Double, nesterov: Bool) throws(SpecError) {
        if nesterov && (momentum <= 0 || dampening != 0) {
            throw SpecError("sgd: nesterov momentum requires momentum > 0 and dampening = 0")
        }
    }

    public mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) {
        let first = buffer.prepare(length: params.count)
        let decay = WeightDecay(rate: weightDecay)
        let (momentum, dampening, nesterov) = (momentum, dampening, nesterov)
        // Pass by pass over the vectors, as torch's tensor ops, in the CPU's vector kernels
        // (bit-identical on every kernel set).
        let kernels = Kernels.best
        buffer.update(&params, gradient) { x, gradient, s, n in
            let b = s
            let g = decay.apply(x, gradient: gradient, lr: lr, n, scratch: s + n, kernels: kernels)
            guard momentum != 0 else { return kernels.addScaled(x, -lr, g, n) }
            if first {
                b.update(from: g, count: n)
            } else {
                kernels.momentum(b, g, mu: momentum, dampening: dampening, n)
            }
            if nesterov {
                kernels.nesterov(x, b, g, mu: momentum, k: -lr, n)
            } else {
                kernels.addScaled(x, -lr, b, n)
            }
        }
    }

    public var state: [StateVector] {
        momentum != 0 ? [StateVector("momentum buffer", buffer.vector(0))] : []
    }

    public mutating func configure(_ c: Configuration) throws(SpecError) {
        try Self.validate(momentum: c.number("momentum"), dampening: c.number("dampening"), nesterov: c.flag("nesterov"))
        learningRate = c.number("lr")
        momentum = c.number("momentum")
        dampening = c.number("dampening")
        weightDecay = c.number("weight_decay")
        nesterov = c.flag("nesterov")
    }

    public mutating func reset() { buffer.clear() }

    /// torch's `cycle_momentum` rule: this optimizer's momentum μ follows the schedule.
    public mutating func setCycledMomentum(_ value: Double) -> Bool { momentum = value; return true }


    /// `sgd`: the registry entry, with PyTorch's defaults.
    public static let entry = OptimizerEntry(
        name: "sgd", summary: "gradient descent, with optional (Nesterov) momentum",
        reference: "torch.optim.SGD; Robbins & Monro 1951, Polyak 1964, Sutskever et al. 2013",
        parameters: [
            TorchSchema.lr(0.001),
            .real("momentum", 0, .nonNegative, "momentum μ: the buffer b ← μb + (1 − τ)g"),
            .real("dampening", 0, .any, "dampening τ: how much of g the momentum buffer leaves out"),
            TorchSchema.weightDecay(),
            .flag("nesterov", false, "Nesterov momentum: step along g + μb (needs μ > 0, τ = 0)"),
        ]
    ) { c in try SGD().configured(c) }
}
