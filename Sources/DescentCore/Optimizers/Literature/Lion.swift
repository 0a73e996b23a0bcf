/// Lion, EvoLved Sign Momentum (Chen et al. 2023, "Symbolic Discovery of Optimization
/// Algorithms", Program 1):
///
///     c = β₁m + (1 − β₁)g
///     x ← x − η·(sign(c) + λx)
///     m ← β₂m + (1 − β₂)g
///
/// Defaults from the paper: η = 1e-4, (β₁, β₂) = (0.9, 0.99), λ = 0. sign(0) = 0.
public struct Lion: Optimizer {
    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var weightDecay: Double
    private var average: [Double] = []

    public init(lr: Double = 1e-4, beta1: Double = 0.9, beta2: Double = 0.99, weightDecay: Double = 0) {
        learningRate = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.weightDecay = weightDecay
    }

    public mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) {
        if average.count != params.count { average = [Double](repeating: 0, count: params.count) }
        for i in params.indices {
            let g = gradient[i]
            let c = beta1 * average[i] + (1 - beta1) * g
            params[i] -= lr * (VectorArithmetic.sign(c) + weightDecay * params[i])
            average[i] = beta2 * average[i] + (1 - beta2) * g
        }
    }

    public var state: [StateVector] { [StateVector("momentum m", average)] }

    public mutating func configure(_ c: Configuration) throws(SpecError) {
        learningRate = c.number("lr")
        (beta1, beta2) = TorchSchema.betas(c)
        weightDecay = c.number("weight_decay")
    }

    public mutating func reset() { average = [] }

    /// torch's `cycle_momentum` rule: this optimizer's β₁ follows the schedule.
    public mutating func setCycledMomentum(_ value: Double) -> Bool { beta1 = value; return true }


    /// `lion`: the registry entry, with the paper's defaults.
    public static let entry = OptimizerEntry(
        name: "lion", summary: "sign of an interpolated momentum: every coordinate moves by lr",
        reference: "Chen et al. 2023",
        parameters: [
            LiteratureSchema.lr(1e-4),
            .tuple("betas", [0.9, 0.99], .unitHalfOpen, "(β₁, β₂): interpolation for the step, decay of m"),
            .real("weight_decay", 0, .nonNegative, "decoupled weight decay λ"),
        ]
    ) { c in try Lion().configured(c) }
}
