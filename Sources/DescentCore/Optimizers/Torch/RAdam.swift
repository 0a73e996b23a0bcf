import RealModule

/// RAdam: Adam whose adaptive step is switched on only once the variance of the adaptive
/// learning rate is tractable, and then rectified, as `torch.optim.RAdam`.
///
/// With g = ∇f(x), λ = `weight_decay`, per step t = 1, 2, ...:
///
///     x ← x(1 − ηλ)  if decoupled,  else  g ← g + λx        (if λ ≠ 0)
///     m ← lerp(m, g, 1 − β₁)
///     v ← β₂v + (1 − β₂)g²
///     m̂ = m / (1 − β₁ᵗ)
///     ρ∞ = 2 / (1 − β₂) − 1,   ρₜ = ρ∞ − 2tβ₂ᵗ / (1 − β₂ᵗ)
///     if ρₜ > 5:  rₜ = √((ρₜ − 4)(ρₜ − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρₜ))
///                 x ← x − m̂ · η · √(1 − β₂ᵗ) / (√v + ε) · rₜ
///     else:       x ← x − m̂ · η
///
/// References: Liu et al. (2020), "On the Variance of the Adaptive Learning Rate and Beyond";
/// Loshchilov & Hutter (2019) for the decoupled weight decay.
public struct RAdam: Optimizer {
    public var learningRate: Double
    /// β₁, the decay rate of the first moment m.
    public var beta1: Double
    /// β₂, the decay rate of the second moment v.
    public var beta2: Double
    public var eps: Double
    /// Weight decay λ.
    public var weightDecay: Double
    /// Whether λ shrinks x directly (AdamW-style) instead of entering the gradient as g + λx.
    public var decoupledWeightDecay: Bool
    /// The step count t (PyTorch's `step`).
    public private(set) var stepCount = 0
    /// m and v.
    private var moments = StateBuffer(vectors: 2)
    private var correction1 = BiasCorrection()
    private var correction2 = BiasCorrection()
    private var lastLR = 0.0

    public init(lr: Double = 0.001, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8, weightDecay: Double = 0,
                decoupledWeightDecay: Bool = false) {
        learningRate = lr
        (beta1, beta2) = betas
        self.eps = eps
        self.weightDecay = weightDecay
        self.decoupledWeightDecay = decoupledWeightDecay
    }

    /// The current step's scalars: 1 − β₁ᵗ, √(1 − β₂ᵗ), and rₜ, or nil while ρₜ ≤ 5 (no
    /// adaptive step). The powers are ``BiasCorrection``'s running products, and rₜ is a
    /// `squareRoot()` where PyTorch has `** 0.5`.
    private var coefficients: (correction1: Double, correction2Root: Double, rectification: Double?) {
        let t = Double(stepCount)
        let rhoInfinity = 2 / (1 - beta2) - 1
        let rho = rhoInfinity - 2 * t * correction2.power / correction2.value
        guard rho > 5 else { return (correction1.value, correction2.root, nil) }
        let r = ((rho - 4) * (rho - 2) * rhoInfinity / ((rhoInfinity - 4) * (rhoInfinity - 2) * rho)).squareRoot()
        return (correction1.value, correction2.root, r)
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
        let (correction1, correction2Root, rectification) = coefficients
        let (beta2, eps) = (beta2, eps)
        moments.update(&params, gradient) { x, gradient, s, n in
            let m = s, v = s + n
            TorchUpdate.withLerp(weight: 1 - beta1) { lerp in
                for i in 0..<n {
                    let g = decay.apply(&x[i], gradient: gradient[i], lr: lr)
                    m[i] = lerp(m[i], g)
                    v[i] = TorchUpdate.averageSquare(v[i], g, decay: beta2)
                    let corrected = m[i] / correction1
                    if let r = rectification {
                        x[i] -= corrected * lr * (1 / (v[i].squareRoot() + eps) * correction2Root) * r
                    } else {
                        x[i] -= corrected * lr
                    }
                }
            }
        }
    }

    /// m, v and the effective learning rate: η·rₜ·√(1 − β₂ᵗ) / ((√v + ε)(1 − β₁ᵗ)) once
    /// rectified, η / (1 − β₁ᵗ) before.
    public var state: [StateVector] {
        let (correction1, correction2Root, rectification) = coefficients
        let v = moments.vector(1)
        let rates = v.map { vi in
            rectification.map { r in lastLR * (1 / (vi.squareRoot() + eps) * correction2Root) * r } ?? lastLR
        }
        return [StateVector("m", moments.vector(0)), StateVector("v", v), StateVector("effective lr", rates.map { $0 / correction1 })]
    }

    public mutating func configure(_ c: Configuration) throws(SpecError) {
        learningRate = c.number("lr")
        (beta1, beta2) = TorchSchema.betas(c)
        eps = c.number("eps")
        weightDecay = c.number("weight_decay")
        decoupledWeightDecay = c.flag("decoupled_weight_decay")
    }

    public mutating func reset() { moments.clear() }

    /// torch's `cycle_momentum` rule: this optimizer's β₁ follows the schedule.
    public mutating func setCycledMomentum(_ value: Double) -> Bool { beta1 = value; return true }


    /// `radam`: the registry entry, with PyTorch's defaults.
    public static let entry = OptimizerEntry(
        name: "radam", summary: "Adam with a rectified, warm-started adaptive step",
        reference: "torch.optim.RAdam; Liu et al. 2020",
        parameters: [
            TorchSchema.lr(0.001), TorchSchema.betas, TorchSchema.eps(1e-8), TorchSchema.weightDecay(),
            TorchSchema.decoupledWeightDecay,
        ]
    ) { c in try RAdam().configured(c) }
}
