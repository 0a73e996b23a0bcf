import RealModule

/// FTML, Follow the Moving Leader (Zheng & Kwok 2017, "Follow the Moving Leader in Deep
/// Learning", Algorithm 2), per coordinate at step t = 1, 2, ...:
///
///     v_t = β₂v_{t−1} + (1 − β₂)g²
///     d_t = (1 − β₁ᵗ)/η_t · (√(v_t/(1 − β₂ᵗ)) + ε)
///     σ_t = d_t − β₁d_{t−1}
///     z_t = β₁z_{t−1} + (1 − β₁)g − σ_t·x_{t−1}
///     x_t = −z_t/d_t
///
/// with v₀ = d₀ = z₀ = 0. The paper's β₁ = 0.6, β₂ = 0.999, ε = 1e-8; the default η = 0.0025 is
/// that of the MXNet and Keras implementations. Since d_t divides by η_t, a step with η ≤ 0
/// leaves the parameters and the state unchanged.
public struct FTML: Optimizer {
    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var eps: Double
    private var t = 0
    private var v: [Double] = []
    private var d: [Double] = []
    private var z: [Double] = []

    public init(lr: Double = 0.0025, beta1: Double = 0.6, beta2: Double = 0.999, eps: Double = 1e-8) {
        learningRate = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
    }

    public mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) {
        guard lr > 0 else { return }
        if v.count != params.count {
            t = 0
            v = [Double](repeating: 0, count: params.count)
            d = v
            z = v
        }
        t += 1
        let correction1 = 1 - Double.pow(beta1, t), correction2 = 1 - Double.pow(beta2, t)
        for i in params.indices {
            let g = gradient[i]
            v[i] = beta2 * v[i] + (1 - beta2) * g * g
            let dNew = correction1 / lr * ((v[i] / correction2).squareRoot() + eps)
            let sigma = dNew - beta1 * d[i]
            z[i] = beta1 * z[i] + (1 - beta1) * g - sigma * params[i]
            d[i] = dNew
            params[i] = -z[i] / dNew
        }
    }

    public var state: [StateVector] { [StateVector("v", v), StateVector("d", d), StateVector("z", z)] }

    public mutating func configure(_ c: Configuration) throws(SpecError) {
        learningRate = c.number("lr")
        beta1 = c.number("beta1")
        beta2 = c.number("beta2")
        eps = c.number("eps")
    }

    public mutating func reset() {
        (v, d, z) = ([], [], [])
        t = 0
    }


    /// `ftml`: the registry entry, with the paper's defaults.
    public static let entry = OptimizerEntry(
        name: "ftml", summary: "follow the moving leader: an FTRL view of Adam-like steps",
        reference: "Zheng & Kwok 2017",
        parameters: [
            LiteratureSchema.lr(0.0025),
            LiteratureSchema.beta("beta1", 0.6, "β₁: how fast the leader moves on"),
            LiteratureSchema.beta("beta2", 0.999, "β₂ of the squared-gradient average v"),
            .real("eps", 1e-8, .positive, "ε added to √v̂"),
        ]
    ) { c in try FTML().configured(c) }
}
