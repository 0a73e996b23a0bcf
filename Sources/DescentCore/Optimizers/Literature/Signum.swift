/// signSGD and Signum (Bernstein, Wang, Azizzadenesheli & Anandkumar 2018, "signSGD:
/// Compressed Optimisation for Non-Convex Problems"): step by the sign of the gradient, or of
/// its moving average.
///
///     m ← βm + (1 − β)g          (Signum; signSGD is β = 0, m = g)
///     x ← x − η·sign(m)
///
/// sign(0) = 0. Every coordinate moves by exactly η (or not at all), whatever the gradient's
/// size. The paper tunes η per task; the default 0.01 and β = 0.9 are MXNet's `Signum` defaults.
public struct Signum: Optimizer {
    public var learningRate: Double
    /// β; 0 gives signSGD.
    public var momentum: Double
    /// Whether β is a hyperparameter (`signum`), so that a momentum-cycling schedule drives it;
    /// not for `signsgd`.
    var hasMomentum = true
    private var average: [Double] = []

    public init(lr: Double = 0.01, momentum: Double = 0.9) {
        learningRate = lr
        self.momentum = momentum
    }

    public mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) {
        if average.count != params.count { average = [Double](repeating: 0, count: params.count) }
        for i in params.indices {
            average[i] = momentum * average[i] + (1 - momentum) * gradient[i]
            params[i] -= lr * VectorArithmetic.sign(average[i])
        }
    }

    public var state: [StateVector] { momentum != 0 ? [StateVector("momentum m", average)] : [] }

    /// Takes a `signum` or `signsgd` configuration (`signsgd` has no `momentum`: β stays 0).
    public mutating func configure(_ c: Configuration) throws(SpecError) {
        learningRate = c.number("lr")
        if c.values["momentum"] != nil { momentum = c.number("momentum") }
    }

    public mutating func reset() { average = [] }

    /// torch's `cycle_momentum` rule: `signum`'s β follows the schedule; `signsgd` has none.
    public mutating func setCycledMomentum(_ value: Double) -> Bool {
        if hasMomentum { momentum = value }
        return hasMomentum
    }

    /// `signsgd`: x ← x − η·sign(g).
    public static let signSGDEntry = OptimizerEntry(
        name: "signsgd", summary: "step by the sign of the gradient: every coordinate moves by lr",
        reference: "Bernstein et al. 2018", parameters: [LiteratureSchema.lr(0.01)]
    ) { c in
        var signSGD = Signum(momentum: 0)
        signSGD.hasMomentum = false
        return try signSGD.configured(c)
    }

    /// `signum`: signSGD on the moving average of the gradient.
    public static let entry = OptimizerEntry(
        name: "signum", summary: "step by the sign of the gradient's moving average",
        reference: "Bernstein et al. 2018",
        parameters: [
            LiteratureSchema.lr(0.01),
            LiteratureSchema.beta("momentum", 0.9, "β in m ← βm + (1 − β)g"),
        ]
    ) { c in try Signum().configured(c) }
}
