/// An optimizer running a compiled rule (``RuleDefinition``): per step t, first the
/// whole-vector values (`norm(g)`, `dot(g, m)`, …) from x, g and the state as they are, then
/// for every coordinate i the rule's steps in order over (xᵢ, gᵢ, t, lr, hyperparameters,
/// stateᵢ), writing back xᵢ and stateᵢ. The hyperparameters live in the value (``configure(_:)``
/// changes them between two steps); the state starts at the declared initial values.
public struct RuleOptimizer: Optimizer {
    let program: RuleProgram
    public var learningRate: Double
    /// The hyperparameters other than `lr`, in declaration order.
    private var hyperparameters: [Double]
    /// State variable s of coordinate i at `values[s·n + i]`; empty before the first step.
    private var values: [Double] = []
    private var dimension = 0
    private var t = 0

    init(program: RuleProgram) {
        self.program = program
        learningRate = program.definition.hyperparameters.first { $0.name == "lr" }!.value
        hyperparameters = program.hyperparameterNames.map { name in
            program.definition.hyperparameters.first { $0.name == name }!.value
        }
    }

    public mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) {
        let n = params.count
        let stateCount = program.definition.state.count
        if values.isEmpty || dimension != n {
            dimension = n
            values = program.definition.state.flatMap { [Double](repeating: $0.value, count: n) }
            t = 0
        }
        t += 1
        var slots = [Double](repeating: 0, count: program.slotCount)
        slots[RuleProgram.tSlot] = Double(t)
        slots[RuleProgram.lrSlot] = lr
        for (k, h) in hyperparameters.enumerated() { slots[program.firstHyperparameterSlot + k] = h }
        let firstReduction = program.firstStateSlot + stateCount
        for (k, reduction) in program.reductions.enumerated() {
            slots[firstReduction + k] = value(of: reduction, params, gradient)
        }
        let steps = program.steps
        let firstState = program.firstStateSlot
        slots.withUnsafeMutableBufferPointer { slots in
            for i in 0..<n {
                slots[RuleProgram.xSlot] = params[i]
                slots[RuleProgram.gSlot] = gradient[i]
                for s in 0..<stateCount { slots[firstState + s] = values[s * n + i] }
                for step in steps { slots[step.target] = RuleEvaluator.value(step.expression, slots) }
                params[i] = slots[RuleProgram.xSlot]
                for s in 0..<stateCount { values[s * n + i] = slots[firstState + s] }
            }
        }
    }

    /// ‖v‖₂ or a · b over the whole vectors at the start of the step.
    private func value(of reduction: RuleProgram.Reduction, _ x: [Double], _ g: [Double]) -> Double {
        let vectors = reduction.vectors.map { slot -> ArraySlice<Double> in
            switch slot {
            case RuleProgram.xSlot: return x[...]
            case RuleProgram.gSlot: return g[...]
            default:
                let s = slot - program.firstStateSlot
                return values[(s * dimension)..<((s + 1) * dimension)]
            }
        }
        switch reduction.kind {
        case .norm: return euclideanNorm(Array(vectors[0]))
        case .dot: return zip(vectors[0], vectors[1]).reduce(0) { $0 + $1.0 * $1.1 }
        }
    }

    /// The declared state vectors.
    public var state: [StateVector] {
        guard !values.isEmpty else { return [] }
        return program.definition.state.enumerated().map { s, declared in
            StateVector(declared.name, Array(values[(s * dimension)..<((s + 1) * dimension)]))
        }
    }

    public mutating func configure(_ c: Configuration) throws(SpecError) {
        learningRate = c.number("lr")
        hyperparameters = program.hyperparameterNames.map { c.number($0) }
    }

    /// torch's `cycle_momentum` rule over the rule's scalar hyperparameters: `momentum` if
    /// declared, else `beta1`.
    public mutating func setCycledMomentum(_ value: Double) -> Bool {
        let names = program.hyperparameterNames
        guard let i = names.firstIndex(of: "momentum") ?? names.firstIndex(of: "beta1") else { return false }
        hyperparameters[i] = value
        return true
    }

    public mutating func reset() {
        values = []
        t = 0
    }
}

extension RuleDefinition {
    /// The registry entry of this rule: compiled once, a fresh ``RuleOptimizer`` per use. Its
    /// hyperparameters are real numbers (`lr` ≥ 0) with the file's defaults.
    public func entry() throws(RuleError) -> OptimizerEntry {
        let program = try RuleProgram(self)
        let parameters = hyperparameters.map { h in
            h.name == "lr" ? HyperParameter.real("lr", h.value, .nonNegative, "learning rate η (in the steps: this step's scheduled rate)")
                : HyperParameter.real(h.name, h.value, .any, "declared in \(source)")
        }
        return OptimizerEntry(name: name, summary: summary, reference: "rule file \(source)", parameters: parameters) { c in
            try RuleOptimizer(program: program).configured(c)
        }
    }
}
