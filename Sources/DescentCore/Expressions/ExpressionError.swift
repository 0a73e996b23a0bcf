/// Why an expression string could not be parsed: what was expected, and the 1-based column
/// (in characters) it points at. A column one past the end means the text ended too early.
public struct ExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The expression as written.
    public var expression: String
    /// The 1-based column of the offending character or token.
    public var column: Int
    /// What went wrong, phrased as what was expected (`expected an operand after '+'`).
    public var message: String

    public init(expression: String, column: Int, message: String) {
        self.expression = expression
        self.column = column
        self.message = message
    }

    /// `column 8: expected an operand after '+'`.
    public var description: String { "column \(column): \(message)" }

    /// Two lines: the expression (tabs shown as spaces, so the caret lines up) and a caret under
    /// the column followed by the message:
    /// ```
    /// 5x^2 + * y
    ///        ^ expected an operand after '+'
    /// ```
    public var diagnostic: String {
        let line = String(expression.map { $0 == "\t" ? " " : $0 })
        return line + "\n" + String(repeating: " ", count: max(column - 1, 0)) + "^ " + message
    }
}
