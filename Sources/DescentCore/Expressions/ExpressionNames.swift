/// What the identifiers of a rule expression mean: each variable is a numbered slot of the
/// values the expression is evaluated on, and each whole-vector reduction (`norm(g)`,
/// `dot(g, m)`) is a slot computed once per step before the per-coordinate updates.
protocol ExpressionNames: AnyObject {
    /// The slot of a per-coordinate or scalar variable, or nil for an unknown name.
    func slot(for name: String) -> Int?
    /// Every name, for "did you mean" hints and error messages.
    var all: [String] { get }
    /// The names `norm` and `dot` accept.
    var vectors: [String] { get }
    /// The slot of `kind` applied to `vectors` (names from ``vectors``, as many as its arity),
    /// allocating one the first time it is asked for.
    func reductionSlot(_ kind: ExpressionReduction, _ vectors: [String]) -> Int
}

/// A whole-vector value available to rule expressions.
enum ExpressionReduction: String, Sendable, Equatable {
    /// ‖v‖₂.
    case norm
    /// a · b.
    case dot

    /// How many vectors it takes.
    var arity: Int { self == .norm ? 1 : 2 }
}
