/// A rule compiled for evaluation: every name is a slot of one array of doubles, and every
/// step is a parsed expression over the slots that writes its result to a target slot.
///
/// Slots: 0 x, 1 g, 2 t, 3 lr (scheduled), then the hyperparameters other than `lr`, then the
/// state, then the whole-vector reductions the steps use.
struct RuleProgram: Sendable {
    /// A whole-vector value: ‖v‖₂ or a · b of vectors, identified by their slots (x, g or state).
    struct Reduction: Sendable, Equatable {
        var kind: ExpressionReduction
        var vectors: [Int]
    }

    static let xSlot = 0, gSlot = 1, tSlot = 2, lrSlot = 3

    let definition: RuleDefinition
    /// The hyperparameters with a slot of their own (all but `lr`), in declaration order.
    let hyperparameterNames: [String]
    let firstHyperparameterSlot: Int
    let firstStateSlot: Int
    let reductions: [Reduction]
    let steps: [(target: Int, expression: ExpressionNode)]
    let slotCount: Int

    /// Compiles `definition`, or throws the first problem with its place.
    init(_ definition: RuleDefinition) throws(RuleError) {
        self.definition = definition
        let names = try RuleNames(definition)
        var steps: [(Int, ExpressionNode)] = []
        for (k, text) in definition.steps.enumerated() {
            steps.append(try Self.compile(step: k, text, names: names))
        }
        self.steps = steps
        hyperparameterNames = names.hyperparameterNames
        firstHyperparameterSlot = names.firstHyperparameterSlot
        firstStateSlot = names.firstStateSlot
        reductions = names.reductions
        slotCount = names.slotCount
    }

    /// `target = expression`: the target's slot (a state variable or x) and the expression.
    private static func compile(step k: Int, _ text: String, names: RuleNames) throws(RuleError) -> (Int, ExpressionNode) {
        let characters = Array(text)
        guard let equals = characters.firstIndex(of: "=") else {
            throw RuleError(.step(k, column: 1), "expected 'name = expression' (assign to x or a state variable: \(names.assignable.joined(separator: ", ")))")
        }
        let target = String(characters[..<equals]).trimmingSpaces
        let targetColumn = (characters.firstIndex { $0 != " " && $0 != "\t" } ?? 0) + 1
        guard let slot = names.assignableSlot(target) else {
            let known = names.assignable
            let close = suggestions(for: target, among: known)
            let hint = close.isEmpty ? "" : "did you mean \(close.prefix(3).map { "'\($0)'" }.joined(separator: " or "))? "
            let what = target.isEmpty ? "nothing to assign to" : "cannot assign to '\(target)'"
            throw RuleError(.step(k, column: targetColumn), "\(what); \(hint)a step assigns to x or a declared state variable (\(known.joined(separator: ", ")))")
        }
        let expression = String(characters[(equals + 1)...])
        do {
            return (slot, try ExpressionParser.parse(expression, names: names))
        } catch {
            throw RuleError(.step(k, column: equals + 1 + error.column), error.message)
        }
    }
}

/// The names of a rule and their slots, checked: identifiers, no duplicates, none that shadow
/// x, g, t, a function or a constant, and `lr` declared as a hyperparameter.
final class RuleNames: ExpressionNames {
    private(set) var slots: [String: Int] = ["x": RuleProgram.xSlot, "g": RuleProgram.gSlot, "t": RuleProgram.tSlot,
                                             "lr": RuleProgram.lrSlot]
    let hyperparameterNames: [String]
    let stateNames: [String]
    let firstHyperparameterSlot = RuleProgram.lrSlot + 1
    let firstStateSlot: Int
    private(set) var reductions: [RuleProgram.Reduction] = []
    var slotCount: Int { firstStateSlot + stateNames.count + reductions.count }

    static let reserved: Set<String> = Set(["x", "g", "t", "pi", "e", "norm", "dot"]
        + ExpressionFunction.allCases.map(\.rawValue) + ExpressionBinaryFunction.allCases.map(\.rawValue))

    init(_ rule: RuleDefinition) throws(RuleError) {
        guard Self.isIdentifier(rule.name) else {
            throw RuleError(.name, "the name '\(rule.name)' must be an identifier (letters, digits and _, not starting with a digit)")
        }
        var seen: Set<String> = []
        for (k, h) in rule.hyperparameters.enumerated() {
            try Self.check(h.name, seen: &seen, place: .hyperparameter(k))
            guard h.value.isFinite else { throw RuleError(.hyperparameter(k), "'\(h.name)' must be a finite number") }
        }
        for (k, s) in rule.state.enumerated() {
            try Self.check(s.name, seen: &seen, place: .state(k))
            guard s.name != "lr" else { throw RuleError(.state(k), "'lr' is the learning rate: declare it under [hyperparameters]") }
            guard s.value.isFinite else { throw RuleError(.state(k), "'\(s.name)' must start at a finite number") }
        }
        guard let lr = rule.hyperparameters.first(where: { $0.name == "lr" }) else {
            throw RuleError(.rule, "declare the learning rate 'lr' under [hyperparameters] (schedules scale it; in the steps 'lr' is this step's scheduled rate)")
        }
        guard lr.value >= 0 else {
            throw RuleError(.hyperparameter(rule.hyperparameters.firstIndex(of: lr)!), "'lr' must be >= 0")
        }
        hyperparameterNames = rule.hyperparameters.map(\.name).filter { $0 != "lr" }
        stateNames = rule.state.map(\.name)
        firstStateSlot = firstHyperparameterSlot + hyperparameterNames.count
        for (k, name) in hyperparameterNames.enumerated() { slots[name] = firstHyperparameterSlot + k }
        for (k, name) in stateNames.enumerated() { slots[name] = firstStateSlot + k }
    }

    private static func check(_ name: String, seen: inout Set<String>, place: RuleError.Place) throws(RuleError) {
        guard isIdentifier(name) else {
            throw RuleError(place, "'\(name)' must be an identifier (letters, digits and _, not starting with a digit)")
        }
        guard !reserved.contains(name) else {
            throw RuleError(place, "'\(name)' is a built-in name (x, g, t, pi, e and the functions are taken)")
        }
        guard seen.insert(name).inserted else { throw RuleError(place, "'\(name)' is declared twice") }
    }

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || isLetter(first) else { return false }
        return name.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    private static func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }

    /// x and the state variables.
    var assignable: [String] { ["x"] + stateNames }

    func assignableSlot(_ name: String) -> Int? { assignable.contains(name) ? slots[name] : nil }

    // ExpressionNames

    func slot(for name: String) -> Int? { slots[name] }

    var all: [String] { ["x", "g", "t", "lr"] + hyperparameterNames + stateNames }

    var vectors: [String] { ["x", "g"] + stateNames }

    func reductionSlot(_ kind: ExpressionReduction, _ vectors: [String]) -> Int {
        let reduction = RuleProgram.Reduction(kind: kind, vectors: vectors.map { slots[$0]! })
        if let k = reductions.firstIndex(of: reduction) { return firstStateSlot + stateNames.count + k }
        reductions.append(reduction)
        return firstStateSlot + stateNames.count + reductions.count - 1
    }
}
