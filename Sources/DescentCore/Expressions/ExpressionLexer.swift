import RealModule

/// Splits an expression into tokens on demand, so that errors surface in reading order.
///
/// Names are runs of letters split greedily into the longest known names, which is how
/// implicit products of names read: `xy` is x·y, `pix` is pi·x, `ex` is e·x, `exp` is the
/// function. A run that cannot be split is an unknown variable (one letter), an unknown function
/// (followed by `(`) or an unknown name.
///
/// In rule mode (`identifiers`), names are whole identifiers (`beta1`, `my_rate`: a letter or
/// `_`, then letters, digits and `_`), returned as `.name` for the parser to resolve, so `lr` is
/// one name, not l·r.
struct ExpressionLexer {
    private let characters: [Character]
    private let text: String
    private let identifiers: Bool
    private var position = 0
    private var pending: [ExpressionToken] = []

    init(_ text: String, identifiers: Bool = false) {
        self.text = text
        self.identifiers = identifiers
        characters = Array(text)
    }

    /// The known names, longest first so that the greedy split prefers `sinh` over `sin`.
    private static let names: [(name: [Character], kind: ExpressionToken.Kind)] = {
        let functions = ExpressionFunction.allCases.map { (Array($0.rawValue), ExpressionToken.Kind.function($0)) }
        let others: [([Character], ExpressionToken.Kind)] = [
            (["p", "i"], .constant(Double.pi)), (["e"], .constant(Double.exp(1))),
            (["x"], .variable(.x)), (["y"], .variable(.y)),
        ]
        return (functions + others).sorted { $0.0.count > $1.0.count }.map { (name: $0.0, kind: $0.1) }
    }()

    /// An error at a 1-based column.
    func error(_ message: String, column: Int) -> ExpressionError {
        ExpressionError(expression: text, column: column, message: message)
    }

    /// The next token (`.end` once the text is exhausted).
    mutating func next() throws(ExpressionError) -> ExpressionToken {
        if !pending.isEmpty { return pending.removeFirst() }
        while position < characters.count, characters[position] == " " || characters[position] == "\t" {
            position += 1
        }
        guard position < characters.count else {
            return ExpressionToken(kind: .end, text: "", column: characters.count + 1)
        }
        let c = characters[position]
        if Self.isDigit(c) || (c == "." && position + 1 < characters.count && Self.isDigit(characters[position + 1])) {
            return try number()
        }
        if identifiers, Self.isLetter(c) || c == "_" {
            let start = position
            while position < characters.count, Self.isLetter(characters[position]) || Self.isDigit(characters[position])
                    || characters[position] == "_" {
                position += 1
            }
            let word = String(characters[start..<position])
            return ExpressionToken(kind: .name(word), text: word, column: start + 1)
        }
        if Self.isLetter(c) {
            pending = try names()
            return pending.removeFirst()
        }
        guard "+-*/^()".contains(c) || (identifiers && c == ",") else {
            throw error("unexpected character '\(c)'", column: position + 1)
        }
        position += 1
        return ExpressionToken(kind: .symbol(c), text: String(c), column: position)
    }

    /// digits [. digits] [(e|E) [+|-] digits], or . digits; an `e` not followed by digits is left
    /// for the name lexer (`2e` is 2·e).
    private mutating func number() throws(ExpressionError) -> ExpressionToken {
        let start = position
        skipDigits()
        if position < characters.count, characters[position] == "." {
            position += 1
            skipDigits()
        }
        if position < characters.count, characters[position] == "e" || characters[position] == "E" {
            var end = position + 1
            if end < characters.count, characters[end] == "+" || characters[end] == "-" { end += 1 }
            if end < characters.count, Self.isDigit(characters[end]) {
                position = end
                skipDigits()
            }
        }
        let literal = String(characters[start..<position])
        guard let value = Double(literal), value.isFinite else {
            throw error("number '\(literal)' is out of range", column: start + 1)
        }
        return ExpressionToken(kind: .number(value), text: literal, column: start + 1)
    }

    private mutating func skipDigits() {
        while position < characters.count, Self.isDigit(characters[position]) { position += 1 }
    }

    /// The tokens of one run of letters, split greedily into known names.
    private mutating func names() throws(ExpressionError) -> [ExpressionToken] {
        let start = position
        while position < characters.count, Self.isLetter(characters[position]) { position += 1 }
        let run = characters[start..<position]
        var tokens: [ExpressionToken] = []
        var index = start
        while index < position {
            guard let match = Self.names.first(where: { run[index...].starts(with: $0.name) }) else {
                // A function name cannot be followed by letters, so a failure right after one
                // means the whole word is unknown (`sinn`, not `sin` then `n`).
                var wordStart = index
                if let last = tokens.last, case .function = last.kind { wordStart = last.column - 1 }
                throw unknownName(String(characters[wordStart..<position]), column: wordStart + 1)
            }
            tokens.append(ExpressionToken(kind: match.kind, text: String(match.name), column: index + 1))
            index += match.name.count
        }
        return tokens
    }

    /// The error for a word that is no known name.
    private func unknownName(_ word: String, column: Int) -> ExpressionError {
        var after = position
        while after < characters.count, characters[after] == " " || characters[after] == "\t" { after += 1 }
        if word.count == 1 {
            return error("unknown variable '\(word)' (only x and y)", column: column)
        }
        if after < characters.count, characters[after] == "(" {
            return error("unknown function '\(word)'; known: \(ExpressionFunction.knownNames)", column: column)
        }
        return error("unknown name '\(word)'; the variables are x and y, the constants pi and e", column: column)
    }

    private static func isDigit(_ c: Character) -> Bool { ("0"..."9").contains(c) }
    private static func isLetter(_ c: Character) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
}
