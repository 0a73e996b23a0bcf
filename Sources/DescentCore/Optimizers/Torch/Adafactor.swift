import RealModule

/// Adafactor on a vector of parameters, as `torch.optim.Adafactor` treats a 1-dimensional
/// tensor (no row/column factoring there): an RMS-normalised step whose size is relative to the
/// parameters' own RMS, with a second-moment decay that tends to 1 and update clipping.
///
/// With g = ∇f(x), n parameters, c = `beta2_decay` (≤ 0), (ε₁, ε₂) = `eps`, ω = `weight_decay`,
/// per step t = 1, 2, ...:
///
///     ρₜ = min(η, 1/√t),   αₜ = max(ε₂, ‖x‖/√n)·ρₜ
///     x ← x(1 − ηω)                               (if ω ≠ 0)
///     v ← lerp(v, g², tᶜ)                          (1 − β₂ₜ = tᶜ)
///     u = g / √max(v, ε₁²)
///     x ← x − αₜ / max(1, ‖u‖ / (√n·d)) · u
///
/// PyTorch's default ε₁ is None, the machine epsilon of the parameters' type; here it is that
/// number, 2⁻⁵² for Double.
///
/// Reference: Shazeer & Stern (2018), "Adafactor: Adaptive Learning Rates with Sublinear Memory
/// Cost".
public struct Adafactor: Optimizer {
    public var learningRate: Double
    /// c ≤ 0: 1 − β₂ at step t is tᶜ.
    public var beta2Decay: Double
    /// ε₁ (the floor of v, squared) and ε₂ (the floor of the parameters' RMS).
    public var eps: (Double, Double)
    /// d ≥ 1, the clipping threshold of the update's RMS.
    public var d: Double
    /// Decoupled weight decay ω.
    public var weightDecay: Double
    /// The step count t (PyTorch's `step`).
    public private(set) var stepCount = 0
    /// v (PyTorch's `variance`) and the last update u.
    private var buffers = StateBuffer(vectors: 2)

    public init(lr: Double = 0.01, beta2Decay: Double = -0.8, eps: (Double, Double) = (Double.ulpOfOne, 1e-3),
                d: Double = 1, weightDecay: Double = 0) {
        learningRate = lr
        self.beta2Decay = beta2Decay
        self.eps = eps
        self.d = d
        self.weightDecay = weightDecay
    }

    public mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) {
        if buffers.prepare(length: params.count) {
            stepCount = 0
        }
        stepCount += 1
        let t = Double(stepCount)
        let oneMinusBeta2 = Double.pow(t, beta2Decay)
        let rho = Swift.min(lr, 1 / Double.pow(t, 0.5))
        let rootN = Double.pow(Double(params.count), 0.5)
        let alpha = Swift.max(eps.1, TorchVector.norm(params) / rootN) * rho
        let (floor, d, shrink) = (eps.0 * eps.0, d, 1 - lr * weightDecay)
        let decays = weightDecay != 0
        buffers.update(&params, gradient) { x, gradient, s, n in
            let v = s, u = s + n
            TorchUpdate.withLerp(weight: oneMinusBeta2) { lerp in
                for i in 0..<n {
                    if decays { x[i] *= shrink }
                    v[i] = lerp(v[i], gradient[i] * gradient[i])
                    u[i] = 1 / Swift.max(v[i], floor).squareRoot() * gradient[i]
                }
            }
            let scale = -alpha / Swift.max(1, TorchVector.norm(UnsafeBufferPointer(start: u, count: n)) / (rootN * d))
            for i in 0..<n {
                x[i] = TorchUpdate.fma(scale, u[i], x[i])
            }
        }
    }

    /// v and the last update direction u = g / √max(v, ε₁²) (before the step-size scaling).
    public var state: [StateVector] {
        [StateVector("variance", buffers.vector(0)), StateVector("u", buffers.vector(1))]
    }

    public mutating func configure(_ c: Configuration) throws(SpecError) {
        learningRate = c.number("lr")
        beta2Decay = c.number("beta2_decay")
        let eps = c.tuple("eps")
        self.eps = (eps[0], eps[1])
        d = c.number("d")
        weightDecay = c.number("weight_decay")
    }

    public mutating func reset() { buffers.clear() }


    /// `adafactor`: the registry entry, with PyTorch's defaults.
    public static let entry = OptimizerEntry(
        name: "adafactor", summary: "RMS-normalised steps relative to the parameters' RMS, with update clipping",
        reference: "torch.optim.Adafactor; Shazeer & Stern 2018",
        parameters: [
            TorchSchema.lr(0.01),
            .real("beta2_decay", -0.8, HyperParameter.Bounds(upper: 0), "c: the second-moment weight 1 − β₂ₜ = tᶜ"),
            .tuple("eps", [Double.ulpOfOne, 1e-3], .nonNegative,
                   "(ε₁, ε₂): floor of √v, and of the parameters' RMS in the step size (torch's None for ε₁ is 2⁻⁵²)"),
            .real("d", 1, .atLeast(1), "d: the update is scaled down to RMS at most d"),
            TorchSchema.weightDecay(decoupled: true),
        ]
    ) { c in try Adafactor().configured(c) }
}
