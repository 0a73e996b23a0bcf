/// An expression as a flat postfix program: the first stage of compilation, from which
/// ``CompiledExpression`` builds the register program that is evaluated.
struct ExpressionProgram: Sendable {
    /// One postfix instruction: push an operand, or replace the top one or two with a result.
    enum Instruction: Sendable, Equatable {
        case constant(Double)
        case variable(ExpressionVariable)
        case negate
        case add, subtract, multiply, divide
        /// top ^ n, exactly (repeated multiplication for small n).
        case integerPower(Int)
        /// top ^ c for a constant non-integer c.
        case realPower(Double)
        /// second ^ top = exp(top · log second).
        case power
        case call(ExpressionFunction)
    }

    private(set) var instructions: [Instruction] = []

    init(_ node: ExpressionNode) {
        emit(node)
    }

    private mutating func emit(_ node: ExpressionNode) {
        switch node {
        case .constant(let c):
            instructions.append(.constant(c))
        case .variable(let v):
            instructions.append(.variable(v))
        case .negation(let operand):
            emit(operand)
            instructions.append(.negate)
        case .call(let function, let argument):
            emit(argument)
            instructions.append(.call(function))
        case .call2, .slot:
            preconditionFailure("rule expressions are evaluated by RuleEvaluator, not compiled for surfaces")
        case .binary(.power, let base, .constant(let c)):
            emit(base)
            switch ExpressionExponent(c) {
            case .integer(let n): instructions.append(.integerPower(n))
            case .real(let c): instructions.append(.realPower(c))
            }
        case .binary(let op, let lhs, let rhs):
            emit(lhs)
            emit(rhs)
            switch op {
            case .add: instructions.append(.add)
            case .subtract: instructions.append(.subtract)
            case .multiply: instructions.append(.multiply)
            case .divide: instructions.append(.divide)
            case .power: instructions.append(.power)
            }
        }
    }
}
