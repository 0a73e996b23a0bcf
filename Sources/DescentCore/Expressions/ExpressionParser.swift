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
/// `min(a, b)` and `max(a, b)` take two arguments.
///
/// The text is at most ``Limits/expressionLength`` characters and nests parentheses, calls,
/// signs and powers at most ``Limits/expressionDepth`` deep, so parsing (and everything that
/// walks the tree) recurses a bounded number of times whatever the input.
///
/// Rule expressions (``ExpressionNames``) use whole identifiers for their variables and may
/// also call the whole-vector reductions `norm(v)` and `dot(a, b)` of named vectors.
struct ExpressionParser {
    private var lexer: ExpressionLexer
    private var current: ExpressionToken
    private var previous: ExpressionToken?
    /// How deeply the rule being parsed is nested.
    private var depth = 0
    private let names: (any ExpressionNames)?

    /// Parses the whole text into a tree (constants folded); with `names`, as a rule expression
    /// whose identifiers they resolve.
    static func parse(_ text: String, names: (any ExpressionNames)? = nil) throws(ExpressionError) -> ExpressionNode {
        let length = text.count
        guard length <= Limits.expressionLength else {
            throw ExpressionError(expression: String(text.prefix(40)) + "…", column: Limits.expressionLength + 1,
                                  message: "the expression has \(length) characters; at most \(Limits.expressionLength) (the limit)")
        }
        var parser = try ExpressionParser(text, names: names)
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

    private init(_ text: String, names: (any ExpressionNames)?) throws(ExpressionError) {
        self.names = names
        lexer = ExpressionLexer(text, identifiers: names != nil)
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
        case .name(let word):
            try advance()
            return try resolve(word, at: token)
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

    /// "(" sum "," sum ")" after the name of a two-argument function.
    private mutating func twoArguments(of function: String) throws(ExpressionError) -> (ExpressionNode, ExpressionNode) {
        guard current.kind == .symbol("(") else { throw error("expected '(' after '\(function)'") }
        try advance()
        try enter()
        defer { depth -= 1 }
        let a = try sum()
        guard current.kind == .symbol(",") else { throw error("'\(function)' takes two arguments: expected ',' before '\(current.text)'") }
        try advance()
        let b = try sum()
        guard current.kind == .symbol(")") else { throw error("expected ')' to close '\(function)(' before '\(current.text)'") }
        try advance()
        return (a, b)
    }

    /// A rule expression's identifier (the current token is the one after it): a function call,
    /// a reduction `norm(v)` / `dot(a, b)`, a variable, `pi` or `e`; else an unknown-name error
    /// with the closest names.
    private mutating func resolve(_ word: String, at token: ExpressionToken) throws(ExpressionError) -> ExpressionNode {
        let names = self.names!
        if current.kind == .symbol("(") {
            if let function = ExpressionFunction(rawValue: word) { return .called(function, try parenthesised()) }
            if let function = ExpressionBinaryFunction(rawValue: word) {
                let (a, b) = try twoArguments(of: word)
                return .called(function, a, b)
            }
            if let reduction = ExpressionReduction(rawValue: word) { return try self.reduction(reduction, at: token) }
            throw lexer.error("unknown function '\(word)'; known: \(ExpressionFunction.knownNames), min, max, norm, dot", column: token.column)
        }
        if let slot = names.slot(for: word) { return .slot(slot) }
        switch word {
        case "pi": return .constant(Double.pi)
        case "e": return .constant(Double.exp(1))
        default:
            let close = suggestions(for: word, among: names.all)
            let hint = close.isEmpty ? "" : "did you mean \(close.prefix(3).map { "'\($0)'" }.joined(separator: " or "))? "
            throw lexer.error("unknown name '\(word)'; \(hint)known: \(names.all.joined(separator: ", "))", column: token.column)
        }
    }

    /// `norm(v)` or `dot(a, b)` of named vectors, the current token being the "(".
    private mutating func reduction(_ kind: ExpressionReduction, at token: ExpressionToken) throws(ExpressionError) -> ExpressionNode {
        try advance()
        var vectors: [String] = []
        while true {
            guard case .name(let vector) = current.kind else {
                throw error("'\(kind.rawValue)' takes vector names (\(names!.vectors.joined(separator: ", "))), not '\(current.text)'")
            }
            guard names!.vectors.contains(vector) else {
                throw error("'\(vector)' is not a vector; '\(kind.rawValue)' takes \(names!.vectors.joined(separator: ", "))")
            }
            vectors.append(vector)
            try advance()
            if current.kind == .symbol(",") { try advance(); continue }
            guard current.kind == .symbol(")") else { throw error("expected ',' or ')' in '\(kind.rawValue)(' before '\(current.text)'") }
            try advance()
            break
        }
        guard vectors.count == kind.arity else {
            throw lexer.error("'\(kind.rawValue)' takes \(kind.arity) vector\(kind.arity == 1 ? "" : "s"), got \(vectors.count)", column: token.column)
        }
        return .slot(names!.reductionSlot(kind, vectors))
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
