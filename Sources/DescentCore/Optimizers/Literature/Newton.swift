/// Newton's method, damped by a learning rate: x ← x − η·H⁻¹g, with H = ∇²f(x) from the
/// oracle's Hessian and H⁻¹g found by Gaussian elimination with partial pivoting (any
/// dimension). η = 1 is the pure Newton step, which lands on the minimum of a convex quadratic
/// in one step.
///
/// Newton's method is attracted to saddle points: it jumps to the stationary point of the local
/// quadratic model whatever that point's curvature — a maximum or saddle as readily as a
/// minimum (on x² − y² it goes straight to the saddle at the origin).
///
/// When the oracle has no Hessian, or H is singular (a pivot at most 1e-12 times H's largest
/// entry) or not finite, the step falls back to gradient descent, x ← x − η·g, so the run keeps
/// going and never picks up NaN from the solve. The state shows the direction last used.
public struct Newton: Optimizer {
    public var learningRate: Double
    private var direction: [Double] = []

    public init(lr: Double = 1) { learningRate = lr }

    public mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) {
        direction = oracle.hessian.flatMap { LinearSolve.solve($0(params), gradient) } ?? gradient
        for i in params.indices { params[i] -= lr * direction[i] }
    }

    public var state: [StateVector] { [StateVector("direction H⁻¹g", direction)] }

    public mutating func configure(_ c: Configuration) throws(SpecError) {
        learningRate = c.number("lr")
    }

    public mutating func reset() { direction = [] }


    /// `newton`: the registry entry.
    public static let entry = OptimizerEntry(
        name: "newton", summary: "step to the stationary point of the local quadratic model",
        reference: "Newton's method (e.g. Nocedal & Wright 2006, ch. 3)",
        parameters: [LiteratureSchema.lr(1)]
    ) { c in try Newton().configured(c) }
}
