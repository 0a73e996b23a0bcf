/// A parsed spec string: `NAME` or `NAME(key=value, ...)`.
public struct Spec: Sendable, Equatable {
    public var name: String
    /// The 1-based column of the name in the original text.
    public var column: Int
    public var arguments: [SpecArgument]

    public init(name: String, column: Int = 1, arguments: [SpecArgument] = []) {
        self.name = name
        self.column = column
        self.arguments = arguments
    }
}

/// Parses spec strings such as `adam(lr=0.01, betas=(0.9, 0.99), amsgrad=true)` and chains of
/// them joined by `|` (`clip_norm(max_norm=1) | sgd(lr=0.1)`: transforms first, optimizer last).
///
/// Values are numbers (`0.01`, `-3`, `1e-8`), `true`/`false`, tuples of numbers (`(0.9, 0.99)`)
/// or bare words (`triangular2`). Errors carry the 1-based column. A spec is at most
/// ``Limits/specLength`` characters, a chain at most ``Limits/specChain`` specs, a spec or a
/// tuple at most ``Limits/specArguments`` entries.
public struct SpecParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    /// Parses a single spec.
    public static func parse(_ text: String) throws(SpecError) -> Spec {
        var parser = try SpecParser(text)
        let spec = try parser.spec()
        parser.skipSpace()
        if !parser.atEnd {
            throw parser.error("unexpected '\(parser.scalars[parser.index])' after the spec")
        }
        return spec
    }

    /// Parses `spec | spec | ...`.
    public static func parseChain(_ text: String) throws(SpecError) -> [Spec] {
        var parser = try SpecParser(text)
        var specs = [try parser.spec()]
        parser.skipSpace()
        while parser.peek == "|" {
            guard specs.count < Limits.specChain else {
                throw parser.error("more than \(Limits.specChain) specs chained with '|' (the limit)")
            }
            parser.index += 1
            specs.append(try parser.spec())
            parser.skipSpace()
        }
        if !parser.atEnd {
            throw parser.error("unexpected '\(parser.scalars[parser.index])'; separate chained specs with '|'")
        }
        return specs
    }

    private init(_ text: String) throws(SpecError) {
        scalars = Array(text.unicodeScalars)
        guard scalars.count <= Limits.specLength else {
            throw SpecError("the spec has \(scalars.count) characters; at most \(Limits.specLength) (the limit)", column: Limits.specLength + 1)
        }
    }

    private var atEnd: Bool { index >= scalars.count }
    private var peek: Unicode.Scalar? { atEnd ? nil : scalars[index] }
    private var column: Int { index + 1 }

    private func error(_ message: String, at column: Int? = nil) -> SpecError {
        SpecError(message, column: column ?? self.column)
    }

    private mutating func skipSpace() {
        while let c = peek, c == " " || c == "\t" { index += 1 }
    }

    private static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
    }

    private static func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
        isIdentifierStart(c) || (c >= "0" && c <= "9")
    }

    private mutating func identifier(_ what: String) throws(SpecError) -> (String, Int) {
        skipSpace()
        guard let c = peek, Self.isIdentifierStart(c) else {
            if let c = peek { throw error("expected \(what), found '\(c)'") }
            throw error("expected \(what)")
        }
        let start = index
        while let c = peek, Self.isIdentifierContinue(c) { index += 1 }
        return (String(String.UnicodeScalarView(scalars[start..<index])), start + 1)
    }

    private mutating func spec() throws(SpecError) -> Spec {
        let (name, nameColumn) = try identifier("a name")
        var spec = Spec(name: name, column: nameColumn)
        skipSpace()
        guard peek == "(" else { return spec }
        let open = column
        index += 1
        skipSpace()
        if peek == ")" {
            index += 1
            return spec
        }
        while true {
            guard spec.arguments.count < Limits.specArguments else {
                throw error("more than \(Limits.specArguments) arguments (the limit)")
            }
            let (key, keyColumn) = try identifier("a parameter name")
            skipSpace()
            guard peek == "=" else { throw error("expected '=' after '\(key)'") }
            index += 1
            let value = try self.value(for: key)
            spec.arguments.append(SpecArgument(key, value, column: keyColumn))
            skipSpace()
            switch peek {
            case ",": index += 1
            case ")": index += 1; return spec
            case nil: throw error("'(' at column \(open) is never closed")
            case let c?: throw error("expected ',' or ')', found '\(c)'")
            }
        }
    }

    private mutating func value(for key: String) throws(SpecError) -> SpecValue {
        skipSpace()
        guard let c = peek else { throw error("expected a value for '\(key)'") }
        if c == "(" {
            let open = column
            index += 1
            var numbers: [Double] = []
            while true {
                skipSpace()
                if peek == ")", numbers.isEmpty { throw error("expected a number in the tuple for '\(key)'") }
                guard numbers.count < Limits.specArguments else {
                    throw error("more than \(Limits.specArguments) numbers in the tuple for '\(key)' (the limit)")
                }
                numbers.append(try number(for: key))
                skipSpace()
                switch peek {
                case ",": index += 1
                case ")": index += 1; return .tuple(numbers)
                case nil: throw error("'(' at column \(open) is never closed")
                case let c?: throw error("expected ',' or ')' in the tuple for '\(key)', found '\(c)'")
                }
            }
        }
        if Self.isIdentifierStart(c) {
            let (word, _) = try identifier("a value")
            switch word {
            case "true", "True": return .flag(true)
            case "false", "False": return .flag(false)
            case "inf": return .number(.infinity)
            default: return .word(word)
            }
        }
        return .number(try number(for: key))
    }

    private mutating func number(for key: String) throws(SpecError) -> Double {
        skipSpace()
        let start = index
        if let c = peek, c == "-" || c == "+" { index += 1 }
        var digits = 0
        while let c = peek, (c >= "0" && c <= "9") || c == "." {
            if c != "." { digits += 1 }
            index += 1
        }
        if digits > 0, let c = peek, c == "e" || c == "E" {
            index += 1
            if let s = peek, s == "-" || s == "+" { index += 1 }
            while let c = peek, c >= "0" && c <= "9" { index += 1 }
        }
        let text = String(String.UnicodeScalarView(scalars[start..<index]))
        guard digits > 0, let value = Double(text), value.isFinite else {
            if let c = peek, index == start { throw error("expected a number for '\(key)', found '\(c)'", at: start + 1) }
            throw error("'\(text)' is not a number (for '\(key)')", at: start + 1)
        }
        return value
    }
}
