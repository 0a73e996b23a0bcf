import RealModule

/// NAdam: Adam with Nesterov momentum and a warming-up momentum schedule, as `torch.optim.NAdam`.
///
/// With g = ∇f(x), λ = `weight_decay`, ψ = `momentum_decay`, Π the running product of the
/// μ's (Π₀ = 1), per step t = 1, 2, ...:
///
///     x ← x(1 − ηλ)  if decoupled,  else  g ← g + λx        (if λ ≠ 0)
///     μₜ = β₁(1 − ½·0.96^(tψ)),   μₜ₊₁ = β₁(1 − ½·0.96^((t+1)ψ))
///     Π ← Π·μₜ
///     m ← lerp(m, g, 1 − β₁)
///     v ← β₂v + (1 − β₂)g²
///     d = √(v / (1 − β₂ᵗ)) + ε
///     x ← x − η(1 − μₜ)/(1 − Π) · g / d
///     x ← x − ημₜ₊₁/(1 − Π·μₜ₊₁) · m / d
///
/// References: Dozat (2016), "Incorporating Nesterov Momentum into Adam"; Loshchilov & Hutter
/// (2019) for the decoupled weight decay.
public struct NAdam: Optimizer {
    public var learningRate: Double
    /// β₁, the decay rate of the first moment m (and the ceiling of μₜ).
    public var beta1: Double
    /// β₂, the decay rate of the second moment v.
    public var beta2: Double
    public var eps: Double
    /// Weight decay λ.
    public var weightDecay: Double
    /// ψ, how fast μₜ warms up towards β₁.
    public var momentumDecay: Double
    /// Whether λ shrinks x directly (AdamW-style) instead of entering the gradient as g + λx.
    public var decoupledWeightDecay: Bool
    /// The step count t (PyTorch's `step`).
    public private(set) var stepCount = 0
    /// Π = μ₁μ₂⋯μₜ (PyTorch's `mu_product`).
    public private(set) var muProduct = 1.0
    /// m and v.
    private var moments = StateBuffer(vectors: 2)
    private var correction2 = BiasCorrection()
    /// μₜ₊₁ of the last step: μ of the next one.
    private var upcomingMu = 0.0
    private var lastLR = 0.0

    public init(lr: Double = 0.002, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8, weightDecay: Double = 0,
                momentumDecay: Double = 0.004, decoupledWeightDecay: Bool = false) {
        learningRate = lr
        (beta1, beta2) = betas
        self.eps = eps
        self.weightDecay = weightDecay
        self.momentumDecay = momentumDecay
        self.decoupledWeightDecay = decoupledWeightDecay
    }

    /// μ at step `t`: β₁(1 − ½·0.96^(tψ)).
    private func mu(_ t: Int) -> Double {
        beta1 * (1 - 0.5 * Double.pow(0.96, Double(t) * momentumDecay))
    }

    public mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) {
        if moments.prepare(length: params.count) {
            stepCount = 0
            muProduct = 1
        }
        stepCount += 1
        correction2.update(beta: beta2, step: stepCount)
        lastLR = lr
        let decay = WeightDecay(rate: weightDecay, decoupled: decoupledWeightDecay)
        let correction2 = correction2.value
        let muNow = stepCount == 1 ? mu(1) : upcomingMu
        let muNext = mu(stepCount + 1)
        upcomingMu = muNext
        muProduct *= muNow
        let gradientScale = -lr * (1 - muNow) / (1 - muProduct)
        let momentScale = -lr * muNext / (1 - muProduct * muNext)
        let (beta2, eps) = (beta2, eps)
        moments.update(&params, gradient) { x, gradient, s, n in
            let m = s, v = s + n
            TorchUpdate.withLerp(weight: 1 - beta1) { lerp in
                for i in 0..<n {
                    let g = decay.apply(&x[i], gradient: gradient[i], lr: lr)
                    m[i] = lerp(m[i], g)
                    v[i] = TorchUpdate.averageSquare(v[i], g, decay: beta2)
                    let d = (v[i] / correction2).squareRoot() + eps
                    x[i] += gradientScale * g / d
                    x[i] += momentScale * m[i] / d
                }
            }
        }
    }

    /// m, v and the effective learning rate η / (√(v / (1 − β₂ᵗ)) + ε) that scales both the
    /// gradient and the momentum term.
    public var state: [StateVector] {
        let correction2 = correction2.value
        let v = moments.vector(1)
        return [StateVector("m", moments.vector(0)), StateVector("v", v),
                StateVector("effective lr", v.map { lastLR / (($0 / correction2).squareRoot() + eps) })]
    }

    public mutating func configure(_ c: Configuration) throws(SpecError) {
        learningRate = c.number("lr")
        (beta1, beta2) = TorchSchema.betas(c)
        eps = c.number("eps")
        weightDecay = c.number("weight_decay")
        momentumDecay = c.number("momentum_decay")
        decoupledWeightDecay = c.flag("decoupled_weight_decay")
    }

    public mutating func reset() { moments.clear() }

    /// torch's `cycle_momentum` rule: this optimizer's β₁ follows the schedule.
    public mutating func setCycledMomentum(_ value: Double) -> Bool { beta1 = value; return true }


    /// `nadam`: the registry entry, with PyTorch's defaults.
    public static let entry = OptimizerEntry(
        name: "nadam", summary: "Adam with Nesterov momentum and a momentum warm-up",
        reference: "torch.optim.NAdam; Dozat 2016",
        parameters: [
            TorchSchema.lr(0.002), TorchSchema.betas, TorchSchema.eps(1e-8), TorchSchema.weightDecay(),
            .real("momentum_decay", 0.004, .nonNegative, "ψ: μₜ = β₁(1 − ½·0.96^(tψ)) warms up towards β₁"),
            TorchSchema.decoupledWeightDecay,
        ]
    ) { c in try NAdam().configured(c) }
}
