/// L-BFGS: quasi-Newton steps along −H∇f, where H approximates the inverse Hessian from the
/// last m pairs of parameter and gradient changes, with a fixed step or a strong-Wolfe line
/// search, as `torch.optim.LBFGS`.
///
/// One step is one call of PyTorch's `step(closure)`: up to `max_iter` inner iterations and
/// `max_eval` evaluations, every closure call one evaluation of the oracle (the first, at x,
/// included: the step evaluates f and ∇f there itself and does not use the gradient it is
/// passed, so gradient transforms before `lbfgs` have no effect). With g = ∇f(x), per iteration
/// k (counted over all steps):
///
///     k = 1:  d = −g
///     k > 1:  y = g − g₋,  s = t₋d₋;  if ⟨y, s⟩ > 10⁻¹⁰: remember (s, y, ρ = 1/⟨y, s⟩) (the last m)
///             and γ = ⟨y, s⟩/⟨y, y⟩
///             d = −H g by the two-loop recursion:  q = −g;  for i newest to oldest:
///             aᵢ = ρᵢ⟨sᵢ, q⟩, q ← q − aᵢyᵢ;  r = γq;  for i oldest to newest:
///             bᵢ = ρᵢ⟨yᵢ, r⟩, r ← r + (aᵢ − bᵢ)sᵢ;  d = r
///     t = min(1, 1/‖g‖₁)·η  if k = 1,  else  t = η
///     stop if ⟨g, d⟩ > −tolerance_change
///     t ← the strong-Wolfe step from t (``StrongWolfe``), if line_search_fn = strong_wolfe
///     x ← x + td,  then f and g at the new x (no evaluation after the last allowed iteration
///     without a line search)
///
/// and the step ends early once max |gᵢ| ≤ tolerance_grad, max |tdᵢ| ≤ tolerance_change,
/// |Δf| < tolerance_change or the evaluations reach max_eval. The memory (s, y, ρ, d, t, g₋)
/// carries over from step to step.
///
/// References: Liu & Nocedal (1989), "On the Limited Memory BFGS Method for Large Scale
/// Optimization"; Nocedal & Wright (2006), "Numerical Optimization", algorithm 7.4.
public struct LBFGS: Optimizer {
    /// How the step length of an iteration is chosen.
    public enum LineSearch: String, Sendable, CaseIterable {
        /// t = η (after the first iteration).
        case none
        /// A step satisfying the strong Wolfe conditions, from t = η.
        case strongWolfe = "strong_wolfe"
    }

    public var learningRate: Double
    /// Inner iterations per step at most.
    public var maxIterations: Int
    /// Oracle evaluations per step at most (checked after each iteration).
    public var maxEvaluations: Int
    /// A step ends once max |gᵢ| is at most this.
    public var toleranceGrad: Double
    /// A step ends once the step, the change of f or the directional derivative is below this.
    public var toleranceChange: Double
    /// m, the number of (s, y) pairs remembered.
    public var historySize: Int
    public var lineSearch: LineSearch
    /// Oracle evaluations so far, over all steps (PyTorch's `func_evals`).
    public private(set) var evaluationCount = 0
    /// ``evaluationCount``, which the legends show.
    public var functionEvaluations: Int? { evaluationCount }
    /// Inner iterations so far, over all steps (PyTorch's `n_iter`).
    public private(set) var iterations = 0
    private var memory = Memory()

    /// The state PyTorch keeps between steps.
    private struct Memory {
        /// The number of parameters the memory is for.
        var dimension = 0
        /// d and t of the last iteration.
        var direction: [Double] = []
        var t = 0.0
        /// The remembered pairs, oldest first: y (PyTorch's `old_dirs`), s (`old_stps`), ρ = 1/⟨y, s⟩.
        var gradientChanges: [[Double]] = []
        var steps: [[Double]] = []
        var rho: [Double] = []
        /// γ, the scale of the initial inverse Hessian (PyTorch's `H_diag`).
        var scale = 1.0
        /// g and f where the last iteration started.
        var previousGradient: [Double] = []
        var previousLoss = 0.0
    }

    /// `maxEvaluations` nil means ⌊5·maxIterations/4⌋, PyTorch's default.
    public init(lr: Double = 1, maxIterations: Int = 20, maxEvaluations: Int? = nil, toleranceGrad: Double = 1e-7,
                toleranceChange: Double = 1e-9, historySize: Int = 100, lineSearch: LineSearch = .none) {
        learningRate = lr
        self.maxIterations = maxIterations
        self.maxEvaluations = maxEvaluations ?? maxIterations * 5 / 4
        self.toleranceGrad = toleranceGrad
        self.toleranceChange = toleranceChange
        self.historySize = historySize
        self.lineSearch = lineSearch
    }

    public mutating func step(params: inout [Double], gradient _: [Double], lr: Double, oracle: GradientOracle) {
        let n = params.count
        if memory.dimension != n {
            memory = Memory(dimension: n)
            evaluationCount = 0
            iterations = 0
        }
        var g = [Double](repeating: 0, count: n)
        var loss = oracle.evaluate(params, &g)
        var evaluations = 1
        evaluationCount += 1
        var optimal = TorchVector.maxMagnitude(g) <= toleranceGrad
        if optimal { return }

        var k = 0
        while k < maxIterations {
            k += 1
            iterations += 1
            memory.direction = iterations == 1 ? g.map { -$0 } : direction(gradient: g)
            memory.previousGradient = g
            memory.previousLoss = loss
            var t = iterations == 1 ? Self.pythonMin(1, 1 / g.reduce(0) { $0 + Swift.abs($1) }) * lr : lr
            memory.t = t
            let d = memory.direction
            let slope = TorchVector.dot(g, d)
            if slope > -toleranceChange { break }

            var used = 0
            switch lineSearch {
            case .strongWolfe:
                let start = params
                let search = StrongWolfe(evaluate: { t in
                    var g = [Double](repeating: 0, count: n)
                    let f = oracle.evaluate(Self.moved(start, t, d), &g)
                    return (f, g)
                }, toleranceChange: toleranceChange)
                let result = search.search(d: d, t: t, loss: loss, gradient: g, slope: slope,
                                           maxEvaluations: maxEvaluations - evaluations)
                (loss, g, t, used) = (result.loss, result.gradient, result.t, result.evaluations)
                memory.t = t
                params = Self.moved(params, t, d)
                optimal = TorchVector.maxMagnitude(g) <= toleranceGrad
            case .none:
                params = Self.moved(params, t, d)
                if k != maxIterations {
                    loss = oracle.evaluate(params, &g)
                    optimal = TorchVector.maxMagnitude(g) <= toleranceGrad
                    used = 1
                }
            }
            evaluations += used
            evaluationCount += used

            if k == maxIterations || evaluations >= maxEvaluations || optimal { break }
            if TorchVector.maxMagnitude(d.lazy.map { $0 * t }) <= toleranceChange { break }
            if Swift.abs(loss - memory.previousLoss) < toleranceChange { break }
        }
    }

    /// Updates the memory with the last iteration's (s, y) and returns d = −H g by the two-loop
    /// recursion.
    private mutating func direction(gradient g: [Double]) -> [Double] {
        let y = zip(g, memory.previousGradient).map { $0 - $1 }
        let t = memory.t
        let s = memory.direction.map { $0 * t }
        let ys = TorchVector.dot(y, s)
        if ys > 1e-10 {
            if memory.gradientChanges.count == historySize {
                memory.gradientChanges.removeFirst()
                memory.steps.removeFirst()
                memory.rho.removeFirst()
            }
            memory.gradientChanges.append(y)
            memory.steps.append(s)
            memory.rho.append(1 / ys)
            memory.scale = ys / TorchVector.dot(y, y)
        }
        let count = memory.gradientChanges.count
        var a = [Double](repeating: 0, count: count)
        var q = g.map { -$0 }
        for i in stride(from: count - 1, through: 0, by: -1) {
            a[i] = TorchVector.dot(memory.steps[i], q) * memory.rho[i]
            Self.addScaled(&q, -a[i], memory.gradientChanges[i])
        }
        let scale = memory.scale
        var r = q.map { $0 * scale }
        for i in 0..<count {
            let b = TorchVector.dot(memory.gradientChanges[i], r) * memory.rho[i]
            Self.addScaled(&r, a[i] - b, memory.steps[i])
        }
        return r
    }

    /// x + td, elementwise one fused multiply-add (`p.add_(d, alpha=t)`).
    private static func moved(_ x: [Double], _ t: Double, _ d: [Double]) -> [Double] {
        zip(x, d).map { TorchUpdate.fma(t, $1, $0) }
    }

    /// v ← v + c·w (`v.add_(w, alpha=c)`).
    private static func addScaled(_ v: inout [Double], _ c: Double, _ w: [Double]) {
        for i in v.indices { v[i] = TorchUpdate.fma(c, w[i], v[i]) }
    }

    /// Python's `min(a, b)`: a unless b < a.
    private static func pythonMin(_ a: Double, _ b: Double) -> Double { b < a ? b : a }

    /// The last direction d, and (the same for every coordinate) the step length t along it and
    /// the oracle evaluations so far.
    public var state: [StateVector] {
        let n = memory.direction.count
        return [StateVector("direction d", memory.direction),
                StateVector("step length t", [Double](repeating: memory.t, count: n)),
                StateVector(StateVector.evaluationsName, [Double](repeating: Double(evaluationCount), count: n))]
    }

    public mutating func configure(_ c: Configuration) throws(SpecError) {
        learningRate = c.number("lr")
        maxIterations = c.integer("max_iter")
        let maxEvaluations = c.integer("max_eval")
        self.maxEvaluations = maxEvaluations == 0 ? maxIterations * 5 / 4 : maxEvaluations
        toleranceGrad = c.number("tolerance_grad")
        toleranceChange = c.number("tolerance_change")
        historySize = c.integer("history_size")
        lineSearch = LineSearch.allCases[c.choice("line_search_fn")]
    }

    public mutating func reset() {
        memory = Memory()
        evaluationCount = 0
        iterations = 0
    }


    /// `lbfgs`: the registry entry, with PyTorch's defaults.
    public static let entry = OptimizerEntry(
        name: "lbfgs", summary: "limited-memory quasi-Newton steps, optionally with a strong-Wolfe line search",
        reference: "torch.optim.LBFGS; Liu & Nocedal 1989",
        parameters: [
            TorchSchema.lr(1),
            .integer("max_iter", 20, HyperParameter.Bounds(lower: 1, upper: 10_000), "inner iterations per step at most"),
            .integer("max_eval", 0, HyperParameter.Bounds(lower: 0, upper: 100_000),
                     "oracle evaluations per step at most; 0: ⌊5·max_iter/4⌋ (torch's None)"),
            .real("tolerance_grad", 1e-7, .nonNegative, "a step ends once max |gᵢ| is at most this"),
            .real("tolerance_change", 1e-9, .nonNegative, "a step ends once the step, Δf or ⟨g, d⟩ is below this"),
            .integer("history_size", 100, HyperParameter.Bounds(lower: 1, upper: 1_000), "m: (s, y) pairs remembered"),
            .choice("line_search_fn", LineSearch.allCases.map(\.rawValue), default: "none",
                    "step length: none (t = η) or strong_wolfe (a strong-Wolfe line search from t = η)"),
        ]
    ) { c in try LBFGS().configured(c) }
}
