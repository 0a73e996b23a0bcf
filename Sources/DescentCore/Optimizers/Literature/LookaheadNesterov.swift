/// Nesterov's accelerated gradient in its look-ahead form (Sutskever, Martens, Dahl & Hinton
/// 2013, "On the importance of initialization and momentum in deep learning", eq. 3–4):
///
///     v ← μv − η·∇f(x + μv)      (the gradient at the look-ahead point, from the oracle)
///     x ← x + v
///
/// Unlike torch's `nesterov=True` (a rewritten form that needs only ∇f(x)), this evaluates the
/// gradient where momentum is about to carry the iterate: one oracle call per step, and the
/// gradient handed in at x is not used. μ = 0.9.
public struct LookaheadNesterov: Optimizer {
    public var learningRate: Double
    public var momentum: Double
    private var velocity: [Double] = []

    public init(lr: Double = 0.01, momentum: Double = 0.9) {
        learningRate = lr
        self.momentum = momentum
    }

    public mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) {
        if velocity.count != params.count { velocity = [Double](repeating: 0, count: params.count) }
        let lookahead = oracle.gradient(at: VectorArithmetic.adding(params, momentum, velocity))
        for i in params.indices {
            velocity[i] = momentum * velocity[i] - lr * lookahead[i]
            params[i] += velocity[i]
        }
    }

    public var state: [StateVector] { [StateVector("velocity v", velocity)] }

    public mutating func configure(_ c: Configuration) throws(SpecError) {
        learningRate = c.number("lr")
        momentum = c.number("momentum")
    }

    public mutating func reset() { velocity = [] }

    /// torch's `cycle_momentum` rule: this optimizer's momentum μ follows the schedule.
    public mutating func setCycledMomentum(_ value: Double) -> Bool { momentum = value; return true }


    /// `nag`: the registry entry.
    public static let entry = OptimizerEntry(
        name: "nag", summary: "Nesterov momentum with the gradient at the look-ahead point x + μv",
        reference: "Sutskever et al. 2013; Nesterov 1983",
        parameters: [
            LiteratureSchema.lr(0.01),
            LiteratureSchema.beta("momentum", 0.9, "μ in v ← μv − η∇f(x + μv)"),
        ]
    ) { c in try LookaheadNesterov().configured(c) }
}
