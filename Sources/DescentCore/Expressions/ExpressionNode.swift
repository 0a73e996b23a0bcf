import RealModule

/// A parsed expression as a tree. The builders fold constant subtrees (`2*pi`, `3^2`) into
/// single constants, so nothing constant is recomputed per evaluation.
indirect enum ExpressionNode: Sendable, Equatable {
    case constant(Double)
    case variable(ExpressionVariable)
    case negation(ExpressionNode)
    case binary(ExpressionOperator, ExpressionNode, ExpressionNode)
    case call(ExpressionFunction, ExpressionNode)
    case call2(ExpressionBinaryFunction, ExpressionNode, ExpressionNode)
    /// A numbered value of a rule expression (``ExpressionNames``): a per-coordinate variable,
    /// a hyperparameter or a whole-vector reduction. Rules evaluate their trees directly
    /// (``RuleEvaluator``); surface expressions never contain one.
    case slot(Int)

    /// -operand, folded when constant.
    static func negated(_ operand: ExpressionNode) -> ExpressionNode {
        if case .constant(let c) = operand { return .constant(-c) }
        return .negation(operand)
    }

    /// lhs op rhs, folded when both are constant.
    static func combined(_ op: ExpressionOperator, _ lhs: ExpressionNode, _ rhs: ExpressionNode) -> ExpressionNode {
        if case .constant(let a) = lhs, case .constant(let b) = rhs { return .constant(op.apply(a, b)) }
        return .binary(op, lhs, rhs)
    }

    /// f(a, b), folded when both are constant.
    static func called(_ function: ExpressionBinaryFunction, _ a: ExpressionNode, _ b: ExpressionNode) -> ExpressionNode {
        if case .constant(let u) = a, case .constant(let v) = b { return .constant(function.apply(u, v)) }
        return .call2(function, a, b)
    }

    /// f(argument), folded when the argument is constant.
    static func called(_ function: ExpressionFunction, _ argument: ExpressionNode) -> ExpressionNode {
        if case .constant(let a) = argument { return .constant(function.apply(a)) }
        return .call(function, argument)
    }
}

/// The binary operators `+ - * / ^`.
enum ExpressionOperator: Sendable, Equatable {
    case add, subtract, multiply, divide, power

    init?(_ symbol: Character) {
        switch symbol {
        case "+": self = .add
        case "-": self = .subtract
        case "*": self = .multiply
        case "/": self = .divide
        case "^": self = .power
        default: return nil
        }
    }

    /// a op b for constants (constant folding); a power follows ``ExpressionExponent``.
    func apply(_ a: Double, _ b: Double) -> Double {
        switch self {
        case .add: a + b
        case .subtract: a - b
        case .multiply: a * b
        case .divide: a / b
        case .power:
            switch ExpressionExponent(b) {
            case .integer(let n): pow(a, n)
            case .real(let c): Double.pow(a, c)
            }
        }
    }
}

/// How a constant exponent is applied: an integer (|n| ≤ 64) by exact integer power, so that
/// (-2)^3 = -8 and x^3 is defined for negative x; any other constant as a real power (NaN for a
/// negative base). A non-constant exponent means a^b = exp(b log a), defined for a > 0.
enum ExpressionExponent: Sendable, Equatable {
    case integer(Int)
    case real(Double)

    init(_ c: Double) {
        if let n = Int(exactly: c), Swift.abs(n) <= 64 { self = .integer(n) } else { self = .real(c) }
    }
}
