import RealModule

/// PowerSign (Bello, Zoph, Vasudevan & Le 2017, "Neural Optimizer Search with Reinforcement
/// Learning"): the gradient, scaled up where it agrees in sign with its moving average and down
/// where it does not.
///
///     m ← βm + (1 − β)g
///     x ← x − η·α^{f(t)·sign(g)·sign(m)}·g
///
/// α = e (`base`), β = 0.9, f(t) from ``SignDecay`` (1 by default). The default η = 0.1 is that
/// of TensorFlow's `PowerSignOptimizer`.
public struct PowerSign: Optimizer {
    public var learningRate: Double
    /// α.
    public var base: Double
    var agreement: SignAgreement

    public init(lr: Double = 0.1, base: Double = Double.exp(1), beta: Double = 0.9,
                decay: SignDecay = SignDecay(kind: .constant, steps: 1000, periods: 1)) {
        learningRate = lr
        self.base = base
        agreement = SignAgreement(beta: beta, decay: decay)
    }

    public mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) {
        let a = agreement.agreement(gradient)
        for i in params.indices { params[i] -= lr * Double.pow(base, a[i]) * gradient[i] }
    }

    public var state: [StateVector] { [StateVector("average m", agreement.average)] }

    public mutating func configure(_ c: Configuration) throws(SpecError) {
        learningRate = c.number("lr")
        base = c.number("base")
        agreement.configure(c)
    }

    public mutating func reset() { agreement.reset() }


    /// `powersign`: the registry entry.
    public static let entry = OptimizerEntry(
        name: "powersign", summary: "scale the gradient by e^(±1) as its sign agrees with its average",
        reference: "Bello et al. 2017",
        parameters: [
            LiteratureSchema.lr(0.1),
            .real("base", Double.exp(1), .positive, "α in α^{f(t)·sign(g)·sign(m)}"),
            SignAgreement.betaParameter,
        ] + SignDecay.parameters
    ) { c in try PowerSign().configured(c) }
}
