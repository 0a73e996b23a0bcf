/// Rprop (resilient backpropagation): every coordinate has its own step size, which grows
/// while the gradient keeps its sign and shrinks when the sign flips; only the sign of the
/// gradient moves x. As `torch.optim.Rprop`.
///
/// With g = ∇f(x), (η₋, η₊) = `etas`, (Δmin, Δmax) = `step_sizes`, p the previous (masked)
/// gradient (0 at first) and Δ the step sizes (η at first), per coordinate and step:
///
///     s = sign(g·p)
///     Δ ← clamp(Δ·(η₊ if s > 0, η₋ if s < 0, 1 if s = 0), Δmin, Δmax)
///     g ← 0  where s < 0                 (after a sign flip, skip one move)
///     x ← x − sign(g)·Δ
///     p ← g
///
/// The learning rate only sets the initial step size (as in PyTorch, where `lr` is read when
/// the state is created): a schedule has no effect after the first step.
///
/// Reference: Riedmiller & Braun (1993), "A Direct Adaptive Method for Faster Backpropagation
/// Learning: The RPROP Algorithm".
public struct Rprop: Optimizer {
    public var learningRate: Double
    /// η₋ < 1 and η₊ > 1: the factors a step size shrinks by after a sign flip and grows by
    /// while the sign holds.
    public var etas: (minus: Double, plus: Double)
    /// The bounds [Δmin, Δmax] of every step size.
    public var stepSizes: (min: Double, max: Double)
    /// p (the previous masked gradient) and Δ.
    private var buffers = StateBuffer(vectors: 2)

    /// Throws ``SpecError`` unless 0 < η₋ < 1 < η₊, like PyTorch's `ValueError`.
    public init(lr: Double = 0.01, etas: (Double, Double) = (0.5, 1.2), stepSizes: (Double, Double) = (1e-6, 50)) throws {
        try Self.validate(etas: etas)
        learningRate = lr
        self.etas = etas
        self.stepSizes = stepSizes
    }

    /// PyTorch's check: 0 < η₋ < 1 < η₊.
    private static func validate(etas: (Double, Double)) throws(SpecError) {
        guard 0 < etas.0, etas.0 < 1, 1 < etas.1 else {
            throw SpecError("rprop: etas must satisfy 0 < η₋ < 1 < η₊, got (\(formatNumber(etas.0)), \(formatNumber(etas.1)))")
        }
    }

    public mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) {
        let first = buffers.prepare(length: params.count)
        let (etas, bounds) = (etas, stepSizes)
        buffers.update(&params, gradient) { x, gradient, s, n in
            let previous = s, size = s + n
            if first {
                for i in 0..<n { size[i] = lr }
            }
            for i in 0..<n {
                var g = gradient[i]
                let agreement = VectorArithmetic.sign(g * previous[i])
                let factor = agreement > 0 ? etas.plus : agreement < 0 ? etas.minus : agreement == 0 ? 1 : agreement
                size[i] = Swift.min(Swift.max(size[i] * factor, bounds.min), bounds.max)
                if factor == etas.minus { g = 0 }
                x[i] = TorchUpdate.fma(-VectorArithmetic.sign(g), size[i], x[i])
                previous[i] = g
            }
        }
    }

    /// The previous (masked) gradient p and the step sizes Δ.
    public var state: [StateVector] {
        [StateVector("prev", buffers.vector(0)), StateVector("step size", buffers.vector(1))]
    }

    public mutating func configure(_ c: Configuration) throws(SpecError) {
        let etas = c.tuple("etas"), sizes = c.tuple("step_sizes")
        try Self.validate(etas: (etas[0], etas[1]))
        learningRate = c.number("lr")
        self.etas = (etas[0], etas[1])
        stepSizes = (sizes[0], sizes[1])
    }

    public mutating func reset() { buffers.clear() }


    /// `rprop`: the registry entry, with PyTorch's defaults.
    public static let entry = OptimizerEntry(
        name: "rprop", summary: "per-coordinate step sizes that grow while the gradient's sign holds, move by the sign",
        reference: "torch.optim.Rprop; Riedmiller & Braun 1993",
        parameters: [
            .real("lr", 0.01, .nonNegative, "initial step size Δ of every coordinate"),
            .tuple("etas", [0.5, 1.2], .positive, "(η₋, η₊): step-size factors after a sign flip and while the sign holds (0 < η₋ < 1 < η₊)"),
            .tuple("step_sizes", [1e-6, 50], .nonNegative, "(Δmin, Δmax): bounds of the step sizes"),
        ]
    ) { c in try Rprop().configured(c) }
}
