import RealModule

/// Averaged SGD: SGD with a decaying step size and an L2 pull towards zero, plus a running
/// (Polyak–Ruppert) average `ax` of the iterates that starts averaging after step t₀, as
/// `torch.optim.ASGD`. The optimizer moves x; `ax` is the estimate the method is about, shown by
/// the state inspector.
///
/// With g = ∇f(x), λ = `lambd`, α = `alpha`, ω = `weight_decay`, η₀ = lr, per step t = 1, 2, ...
/// (η starts at η₀ and μ at 1):
///
///     g ← g + ωx                                  (if ω ≠ 0)
///     x ← x(1 − λη)
///     x ← x − ηg
///     ax ← ax + μ(x − ax)     (ax ← x while μ = 1)
///     η ← η₀ / (1 + λη₀t)^α
///     μ ← 1 / max(1, t − t₀)
///
/// Reference: Polyak & Juditsky (1992), "Acceleration of Stochastic Approximation by
/// Averaging"; Bottou (2012) for the step-size schedule PyTorch uses.
public struct ASGD: Optimizer {
    public var learningRate: Double
    /// λ, the decay term: it both shrinks x and slows the step size down.
    public var lambd: Double
    /// α, the power of the step-size decay.
    public var alpha: Double
    /// t₀, the step after which averaging starts.
    public var t0: Double
    /// L2 weight decay ω.
    public var weightDecay: Double
    /// The step count t (PyTorch's `step`).
    public private(set) var stepCount = 0
    /// η, the step size of the next step (PyTorch's `eta`).
    public private(set) var eta = 0.0
    /// μ, the averaging weight of the next step (PyTorch's `mu`).
    public private(set) var mu = 1.0
    /// ax.
    private var average = StateBuffer(vectors: 1)

    public init(lr: Double = 0.01, lambd: Double = 1e-4, alpha: Double = 0.75, t0: Double = 1e6, weightDecay: Double = 0) {
        learningRate = lr
        self.lambd = lambd
        self.alpha = alpha
        self.t0 = t0
        self.weightDecay = weightDecay
    }

    public mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) {
        if average.prepare(length: params.count) {
            stepCount = 0
            eta = lr
            mu = 1
        }
        stepCount += 1
        let decay = WeightDecay(rate: weightDecay)
        let (shrink, eta, mu) = (1 - lambd * eta, eta, mu)
        average.update(&params, gradient) { x, gradient, ax, n in
            for i in 0..<n {
                let g = decay.apply(&x[i], gradient: gradient[i], lr: lr)
                x[i] *= shrink
                x[i] = TorchUpdate.fma(-eta, g, x[i])
                ax[i] = mu != 1 ? ax[i] + (x[i] - ax[i]) * mu : x[i]
            }
        }
        let t = Double(stepCount)
        self.eta = lr / Double.pow(1 + lambd * lr * t, alpha)
        self.mu = 1 / Swift.max(1, t - t0)
    }

    /// The average ax and the step size η of the next step (the same for every coordinate).
    public var state: [StateVector] {
        [StateVector("ax", average.vector(0)), StateVector("eta", [Double](repeating: eta, count: average.length))]
    }

    public mutating func configure(_ c: Configuration) throws(SpecError) {
        learningRate = c.number("lr")
        lambd = c.number("lambd")
        alpha = c.number("alpha")
        t0 = c.number("t0")
        weightDecay = c.number("weight_decay")
    }

    public mutating func reset() { average.clear() }


    /// `asgd`: the registry entry, with PyTorch's defaults.
    public static let entry = OptimizerEntry(
        name: "asgd", summary: "SGD with a decaying step and a running average ax of the iterates",
        reference: "torch.optim.ASGD; Polyak & Juditsky 1992",
        parameters: [
            TorchSchema.lr(0.01),
            .real("lambd", 1e-4, .nonNegative, "λ: decay term, x ← x(1 − λη) and η = η₀/(1 + λη₀t)^α"),
            .real("alpha", 0.75, .nonNegative, "α: power of the step-size decay"),
            .real("t0", 1e6, .any, "t₀: the step after which ax averages (before it, ax = x)"),
            TorchSchema.weightDecay(),
        ]
    ) { c in try ASGD().configured(c) }
}
