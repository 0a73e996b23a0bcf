/// AddSign (Bello, Zoph, Vasudevan & Le 2017, "Neural Optimizer Search with Reinforcement
/// Learning"):
///
///     m ← βm + (1 − β)g
///     x ← x − η·(α + f(t)·sign(g)·sign(m))·g
///
/// α = 1 (so the factor is 2 where g and m agree, 0 where they disagree), β = 0.9, f(t) from
/// ``SignDecay``. The default η = 0.1 is that of TensorFlow's `AddSignOptimizer`.
public struct AddSign: Optimizer {
    public var learningRate: Double
    /// α.
    public var alpha: Double
    var agreement: SignAgreement

    public init(lr: Double = 0.1, alpha: Double = 1, beta: Double = 0.9,
                decay: SignDecay = SignDecay(kind: .constant, steps: 1000, periods: 1)) {
        learningRate = lr
        self.alpha = alpha
        agreement = SignAgreement(beta: beta, decay: decay)
    }

    public mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) {
        let a = agreement.agreement(gradient)
        for i in params.indices { params[i] -= lr * (alpha + a[i]) * gradient[i] }
    }

    public var state: [StateVector] { [StateVector("average m", agreement.average)] }

    public mutating func configure(_ c: Configuration) throws(SpecError) {
        learningRate = c.number("lr")
        alpha = c.number("alpha")
        agreement.configure(c)
    }

    public mutating func reset() { agreement.reset() }


    /// `addsign`: the registry entry.
    public static let entry = OptimizerEntry(
        name: "addsign", summary: "double the gradient where its sign agrees with its average, drop it where not",
        reference: "Bello et al. 2017",
        parameters: [
            LiteratureSchema.lr(0.1),
            .real("alpha", 1, .nonNegative, "α in α + f(t)·sign(g)·sign(m)"),
            SignAgreement.betaParameter,
        ] + SignDecay.parameters
    ) { c in try AddSign().configured(c) }
}
