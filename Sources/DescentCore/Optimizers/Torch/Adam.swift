/// Adam: steps along bias-corrected running averages of the gradient and its square, as
/// `torch.optim.Adam` (and, with decoupled weight decay, `torch.optim.AdamW`).
///
/// With g = ∇f(x), λ = `weight_decay`, per step t = 1, 2, ...:
///
///     x ← x(1 − ηλ)  if decoupled,  else  g ← g + λx        (if λ ≠ 0)
///     m ← lerp(m, g, 1 − β₁)
///     v ← β₂v + (1 − β₂)g²
///     v̂max ← max(v̂max, v)  and use v̂max for v below        (amsgrad)
///     x ← x − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
///
/// References: Kingma & Ba (2015), "Adam: A Method for Stochastic Optimization"; Reddi, Kale &
/// Kumar (2018), "On the Convergence of Adam and Beyond" (AMSGrad); Loshchilov & Hutter (2019),
/// "Decoupled Weight Decay Regularization" (AdamW).
public struct Adam: Optimizer {
    public var learningRate: Double
    /// β₁, the decay rate of the first moment m.
    public var beta1: Double
    /// β₂, the decay rate of the second moment v.
    public var beta2: Double
    public var eps: Double
    /// Weight decay λ.
    public var weightDecay: Double
    /// Whether λ shrinks x directly (AdamW) instead of entering the gradient as g + λx.
    public var decoupledWeightDecay: Bool
    /// Whether to normalise by the running maximum of v (AMSGrad).
    public var amsgrad: Bool
    /// The step count t (PyTorch's `step`).
    public private(set) var stepCount = 0
    /// m, v, v̂max and the weight-decayed gradient.
    private var moments = StateBuffer(vectors: 4)
    private var correction1 = BiasCorrection()
    private var correction2 = BiasCorrection()
    private var lastLR = 0.0

    public init(lr: Double = 0.001, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
                weightDecay: Double = 0, decoupledWeightDecay: Bool = false, amsgrad: Bool = false) {
        learningRate = lr
        (beta1, beta2) = betas
        self.eps = eps
        self.weightDecay = weightDecay
        self.decoupledWeightDecay = decoupledWeightDecay
        self.amsgrad = amsgrad
    }

    public mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) {
        if moments.prepare(length: params.count) {
            stepCount = 0
        }
        stepCount += 1
        correction1.update(beta: beta1, step: stepCount)
        correction2.update(beta: beta2, step: stepCount)
        lastLR = lr
        let decay = WeightDecay(rate: weightDecay, decoupled: decoupledWeightDecay)
        let stepSize = lr / correction1.value
        let correction2Root = correction2.root
        let (beta1, beta2, eps, amsgrad) = (beta1, beta2, eps, amsgrad)
        // Pass by pass over the vectors, as torch's tensor ops, in the CPU's vector kernels
        // (bit-identical on every kernel set).
        let kernels = Kernels.best
        moments.update(&params, gradient) { x, gradient, s, n in
            let m = s, v = s + n, vMax = s + 2 * n
            let g = decay.apply(x, gradient: gradient, lr: lr, n, scratch: s + 3 * n, kernels: kernels)
            kernels.lerp(m, toward: g, weight: 1 - beta1, n)
            kernels.averageSquare(v, g, decay: beta2, n)
            if amsgrad {
                for i in 0..<n { vMax[i] = Swift.max(vMax[i], v[i]) }
            }
            kernels.addQuotientByRoot(x, -stepSize, m, amsgrad ? vMax : v, rootDivisor: correction2Root, eps: eps, n)
        }
    }

    /// m, v, v̂max (AMSGrad) and the effective learning rate η / (√v̂ + ε), v̂ = v / (1 − β₂ᵗ):
    /// the step per unit of the bias-corrected momentum m̂ = m / (1 − β₁ᵗ).
    public var state: [StateVector] {
        let v = moments.vector(1), vMax = moments.vector(2)
        var vectors = [StateVector("m", moments.vector(0)), StateVector("v", v)]
        if amsgrad { vectors.append(StateVector("v̂max", vMax)) }
        let correction2Root = correction2.root
        let second = amsgrad ? vMax : v
        vectors.append(StateVector("effective lr", second.map { lastLR / ($0.squareRoot() / correction2Root + eps) }))
        return vectors
    }

    /// `adam`: the registry entry, with PyTorch's defaults.
    public static let entry = OptimizerEntry(
        name: "adam", summary: "bias-corrected running averages of g and g², per-coordinate steps",
        reference: "torch.optim.Adam; Kingma & Ba 2015, Reddi et al. 2018 (AMSGrad)",
        parameters: schema(weightDecay: TorchSchema.weightDecay(), extra: [TorchSchema.decoupledWeightDecay])
    ) { c in try Adam().configured(c) }

    /// The schema shared by `adam` and `adamw`.
    static func schema(weightDecay: HyperParameter, extra: [HyperParameter]) -> [HyperParameter] {
        [TorchSchema.lr(0.001), TorchSchema.betas, TorchSchema.eps(1e-8), weightDecay,
         .flag("amsgrad", false, "AMSGrad: normalise by the running maximum of v")] + extra
    }

    /// Takes an `adam` or `adamw` configuration (`adamw` has no `decoupled_weight_decay` key:
    /// its decay is always decoupled, set by its entry).
    public mutating func configure(_ c: Configuration) throws(SpecError) {
        learningRate = c.number("lr")
        (beta1, beta2) = TorchSchema.betas(c)
        eps = c.number("eps")
        weightDecay = c.number("weight_decay")
        amsgrad = c.flag("amsgrad")
        if case .flag(let decoupled)? = c.values["decoupled_weight_decay"] { decoupledWeightDecay = decoupled }
    }

    public mutating func reset() { moments.clear() }

    /// torch's `cycle_momentum` rule: this optimizer's β₁ follows the schedule.
    public mutating func setCycledMomentum(_ value: Double) -> Bool { beta1 = value; return true }
}
