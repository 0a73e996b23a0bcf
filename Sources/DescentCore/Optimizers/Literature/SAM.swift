/// Sharpness-Aware Minimization (Foret, Kleiner, Mobahi & Neyshabur 2021, "Sharpness-Aware
/// Minimization for Efficiently Improving Generalization"), with p = 2 and SGD as the base
/// optimizer:
///
///     ε̂ = ρ·g/‖g‖₂                    (the ascent step to the worst point nearby)
///     g_SAM = ∇f(x + ε̂)               (one extra gradient from the oracle)
///     b ← μb + g_SAM,  x ← x − η·b    (SGD with heavy-ball momentum μ; μ = 0 is plain SGD)
///
/// ρ = 0.05 as in the paper. When g = 0 (or is not finite) there is no ascent direction:
/// g_SAM = g and the oracle is not called.
public struct SAM: Optimizer {
    public var learningRate: Double
    public var rho: Double
    public var momentum: Double
    private var buffer: [Double] = []

    public init(lr: Double = 0.01, rho: Double = 0.05, momentum: Double = 0) {
        learningRate = lr
        self.rho = rho
        self.momentum = momentum
    }

    public mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) {
        let norm = euclideanNorm(gradient)
        let sharpGradient = norm > 0 && norm.isFinite
            ? oracle.gradient(at: VectorArithmetic.adding(params, rho / norm, gradient))
            : gradient
        if buffer.count != params.count { buffer = [Double](repeating: 0, count: params.count) }
        for i in params.indices {
            buffer[i] = momentum * buffer[i] + sharpGradient[i]
            params[i] -= lr * buffer[i]
        }
    }

    public var state: [StateVector] { momentum != 0 ? [StateVector("momentum buffer", buffer)] : [] }

    public mutating func configure(_ c: Configuration) throws(SpecError) {
        learningRate = c.number("lr")
        rho = c.number("rho")
        momentum = c.number("momentum")
    }

    public mutating func reset() { buffer = [] }

    /// torch's `cycle_momentum` rule: this optimizer's momentum μ follows the schedule.
    public mutating func setCycledMomentum(_ value: Double) -> Bool { momentum = value; return true }


    /// `sam`: the registry entry.
    public static let entry = OptimizerEntry(
        name: "sam", summary: "SGD with the gradient taken at the worst point within rho",
        reference: "Foret et al. 2021",
        parameters: [
            LiteratureSchema.lr(0.01),
            .real("rho", 0.05, .nonNegative, "ρ: radius of the ascent step ε̂ = ρ·g/‖g‖"),
            LiteratureSchema.beta("momentum", 0, "heavy-ball momentum μ of the SGD step"),
        ]
    ) { c in try SAM().configured(c) }
}
