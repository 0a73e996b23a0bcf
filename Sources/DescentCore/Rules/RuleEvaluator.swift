import RealModule

/// Evaluates a parsed rule expression over `Double` slots: the tree as the parser built it
/// (constants folded), walked recursively — its depth is bounded by ``Limits/expressionDepth``.
enum RuleEvaluator {
    static func value(_ node: ExpressionNode, _ slots: UnsafeMutableBufferPointer<Double>) -> Double {
        switch node {
        case .constant(let c): return c
        case .slot(let i): return slots[i]
        case .variable: preconditionFailure("a rule expression has slots, not surface variables")
        case .negation(let operand): return -value(operand, slots)
        case .call(let function, let argument): return function.apply(value(argument, slots))
        case .call2(let function, let a, let b): return function.apply(value(a, slots), value(b, slots))
        case .binary(.power, let base, .constant(let c)):
            switch ExpressionExponent(c) {
            case .integer(let n): return pow(value(base, slots), n)
            case .real(let c): return Double.pow(value(base, slots), c)
            }
        case .binary(let op, let lhs, let rhs): return op.apply(value(lhs, slots), value(rhs, slots))
        }
    }
}
