/// Recursive-descent parser for surface expressions.
///
/// Grammar, loosest binding first:
/// ```
/// sum      = product { ("+" | "-") product }
/// product  = unary { ("*" | "/") unary | implicit }     implicit: a power that starts with a
///                                                       name or "(" (2x, xy, 2sin(x), (x+1)(y-1))
/// unary    = ("-" | "+") unary | power
/// power    = primary [ "^" unary ]                      right-associative: 2^3^2 = 2^9
/// primary  = number | "pi" | "e" | "x" | "y" | function "(" sum ")" | "(" sum ")"
/// ```
/// So `-x^2` is -(x²), `x^-2` is x⁻², `2x^2` is 2·x², and implicit multiplication binds like
/// `*` (left to right): `1/2x` is (1/2)·x. Functions need parentheses: `sin x` is an error.
///
/// The text is at most ``Limits/expressionLength`` characters and nests parentheses, calls,
/// signs and powers at most ``Limits/expressionDepth`` deep, so parsing (and everything that
/// walks the tree) recurses a bounded number of times whatever the input.
struct ExpressionParser {
    private var lexer: ExpressionLexer
    private var current: ExpressionToken
    private var previous: ExpressionToken?
    /// How deeply the rule being parsed is nested.
    private var depth = 0

    /// Parses the whole text into a tree (constants folded).
    static func parse(_ text: String) throws(ExpressionError) -> ExpressionNode {
        let length = text.count
        guard length <= Limits.expressionLength else {
            throw ExpressionError(expression: String(text.prefix(40)) + "…", column: Limits.expressionLength + 1,
                                  message: "the expression has \(length) characters; at most \(Limits.expressionLength) (the limit)")
        }
        var parser = try ExpressionParser(text)
        guard parser.current.kind != .end else {
            throw parser.lexer.error("empty expression", column: 1)
        }
        let node = try parser.sum()
        switch parser.current.kind {
        case .end:
            return node
        case .symbol(")"):
            throw parser.error("unbalanced parenthesis: ')' at column \(parser.current.column) has no matching '('")
        default:
            throw parser.error("expected an operator before '\(parser.current.text)'")
        }
    }

    private init(_ text: String) throws(ExpressionError) {
        lexer = ExpressionLexer(text)
        current = try lexer.next()
    }

    private func error(_ message: String) -> ExpressionError {
        lexer.error(message, column: current.column)
    }

    /// Enters one level of nesting: an error past ``Limits/expressionDepth``.
    private mutating func enter() throws(ExpressionError) {
        depth += 1
        if depth > Limits.expressionDepth {
            throw error("nested more than \(Limits.expressionDepth) deep (the limit for parentheses, calls, signs and powers)")
        }
    }

    private mutating func advance() throws(ExpressionError) {
        previous = current
        current = try lexer.next()
    }

    private mutating func sum() throws(ExpressionError) -> ExpressionNode {
        var node = try product()
        while case .symbol(let s) = current.kind, s == "+" || s == "-", let op = ExpressionOperator(s) {
            try advance()
            node = .combined(op, node, try product())
        }
        return node
    }

    private mutating func product() throws(ExpressionError) -> ExpressionNode {
        var node = try unary()
        while true {
            if case .symbol(let s) = current.kind, s == "*" || s == "/", let op = ExpressionOperator(s) {
                try advance()
                node = .combined(op, node, try unary())
            } else if current.beginsImplicitFactor {
                node = .combined(.multiply, node, try power())
            } else {
                return node
            }
        }
    }

    private mutating func unary() throws(ExpressionError) -> ExpressionNode {
        switch current.kind {
        case .symbol("-"):
            try advance()
            try enter()
            defer { depth -= 1 }
            return .negated(try unary())
        case .symbol("+"):
            try advance()
            try enter()
            defer { depth -= 1 }
            return try unary()
        default:
            return try power()
        }
    }

    private mutating func power() throws(ExpressionError) -> ExpressionNode {
        let base = try primary()
        guard current.kind == .symbol("^") else { return base }
        try advance()
        try enter()
        defer { depth -= 1 }
        return .combined(.power, base, try unary())
    }

    private mutating func primary() throws(ExpressionError) -> ExpressionNode {
        let token = current
        switch token.kind {
        case .number(let value), .constant(let value):
            try advance()
            return .constant(value)
        case .variable(let variable):
            try advance()
            return .variable(variable)
        case .function(let function):
            try advance()
            guard current.kind == .symbol("(") else {
                throw error("expected '(' after '\(token.text)'")
            }
            return .called(function, try parenthesised())
        case .symbol("("):
            return try parenthesised()
        default:
            if let previous {
                throw error("expected an operand after '\(previous.text)'")
            }
            if token.kind == .symbol(")") {
                throw error("unbalanced parenthesis: ')' at column \(token.column) has no matching '('")
            }
            throw error("expected an operand before '\(token.text)'")
        }
    }

    /// "(" sum ")", the current token being the "(".
    private mutating func parenthesised() throws(ExpressionError) -> ExpressionNode {
        let open = current
        try advance()
        try enter()
        defer { depth -= 1 }
        let node = try sum()
        switch current.kind {
        case .symbol(")"):
            try advance()
            return node
        case .end:
            throw lexer.error("unbalanced parenthesis: '(' at column \(open.column) is never closed", column: open.column)
        default:
            throw error("expected an operator or ')' before '\(current.text)'")
        }
    }
}
