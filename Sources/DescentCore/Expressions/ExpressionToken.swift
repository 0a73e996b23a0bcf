/// One token of an expression, with the 1-based column of its first character.
struct ExpressionToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A literal such as `2`, `0.5`, `.5`, `1e-3`.
        case number(Double)
        /// `pi` or `e`.
        case constant(Double)
        /// `x` or `y`.
        case variable(ExpressionVariable)
        /// A function name; a `(` must follow.
        case function(ExpressionFunction)
        /// A whole identifier of a rule expression (``ExpressionNames``), resolved by the parser.
        case name(String)
        /// One of `+ - * / ^ ( )`.
        case symbol(Character)
        /// The end of the text.
        case end
    }

    var kind: Kind
    /// The text as written (`sin`, `1e-3`, `+`); empty at the end.
    var text: String
    var column: Int

    /// Whether the token can begin an operand that follows another operand directly, which
    /// makes an implicit multiplication (`2x`, `x(y+1)`, `(x+1)(y-1)`, `2sin(x)`, `x y`).
    /// Number literals cannot: `x 2` is an error, not x·2.
    var beginsImplicitFactor: Bool {
        switch kind {
        case .constant, .variable, .function, .name, .symbol("("): true
        default: false
        }
    }
}

/// The two variables of a surface expression.
enum ExpressionVariable: Sendable, Equatable {
    case x, y
}
