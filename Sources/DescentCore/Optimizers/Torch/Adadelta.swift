/// Adadelta: steps whose units match the parameters', the ratio of two running RMS values, as
/// `torch.optim.Adadelta`.
///
/// With g = ∇f(x), λ = `weight_decay`, ρ = `rho`, v = square average, u = accumulated
/// squared update, per step:
///
///     g ← g + λx                          (if λ ≠ 0)
///     v ← ρv + (1 − ρ)g²
///     Δ ← √(u + ε) / √(v + ε) · g
///     u ← ρu + (1 − ρ)Δ²
///     x ← x − ηΔ
///
/// Reference: Zeiler (2012), "ADADELTA: An Adaptive Learning Rate Method".
public struct Adadelta: Optimizer {
    public var learningRate: Double
    /// ρ, the decay rate of both running averages.
    public var rho: Double
    public var eps: Double
    /// L2 weight decay λ.
    public var weightDecay: Double
    /// v, u, and the ratio √(u + ε) / √(v + ε) of the last step.
    private var averages = StateBuffer(vectors: 3)
    private var lastLR = 0.0

    public init(lr: Double = 1.0, rho: Double = 0.9, eps: Double = 1e-6, weightDecay: Double = 0) {
        learningRate = lr
        self.rho = rho
        self.eps = eps
        self.weightDecay = weightDecay
    }

    public mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) {
        _ = averages.prepare(length: params.count)
        lastLR = lr
        let decay = WeightDecay(rate: weightDecay)
        let (rho, eps) = (rho, eps)
        averages.update(&params, gradient) { x, gradient, s, n in
            let v = s, u = s + n, ratio = s + 2 * n
            for i in 0..<n {
                let g = decay.apply(&x[i], gradient: gradient[i], lr: lr)
                v[i] = TorchUpdate.averageSquare(v[i], g, decay: rho)
                ratio[i] = (u[i] + eps).squareRoot() / (v[i] + eps).squareRoot()
                let delta = ratio[i] * g
                u[i] = TorchUpdate.averageSquare(u[i], delta, decay: rho)
                x[i] = TorchUpdate.fma(-lr, delta, x[i])
            }
        }
    }

    public var state: [StateVector] {
        [StateVector("square avg", averages.vector(0)),
         StateVector("acc delta", averages.vector(1)),
         StateVector("effective lr", averages.vector(2).map { lastLR * $0 })]
    }

    public mutating func configure(_ c: Configuration) throws(SpecError) {
        learningRate = c.number("lr")
        rho = c.number("rho")
        eps = c.number("eps")
        weightDecay = c.number("weight_decay")
    }

    public mutating func reset() { averages.clear() }


    /// `adadelta`: the registry entry, with PyTorch's defaults.
    public static let entry = OptimizerEntry(
        name: "adadelta", summary: "unit-consistent steps from running RMS of updates and gradients",
        reference: "torch.optim.Adadelta; Zeiler 2012",
        parameters: [
            TorchSchema.lr(1.0),
            .real("rho", 0.9, .unit, "ρ: decay rate of the running averages of g² and Δ²"),
            TorchSchema.eps(1e-6),
            TorchSchema.weightDecay(),
        ]
    ) { c in try Adadelta().configured(c) }
}
