import DescentCore

/// A strict check of a scene file's TOML syntax that runs before the TOML library sees the
/// text, so that no input can abort the program or make it recurse or allocate without bound.
///
/// Why a guard rather than the library alone: TOMLKit 0.6.0 wraps toml++ 3, whose parser
/// checks its own invariants with `assert` (e.g. `[` followed by a newline reaches
/// `parse_key()`'s `TOML_ASSERT_ASSUME`, which aborts the process in a debug build and is
/// undefined behaviour in a release build, where it becomes `__builtin_assume`). TOMLKit's
/// package fixes its C++ settings (only `TOML_EXCEPTIONS=1`), and a dependent package cannot add
/// `TOML_ASSERT` or `NDEBUG` to them; no other TOML parser is available to this project. So this
/// guard accepts only text whose grammar is valid TOML 1.0 — where toml++'s invariants hold —
/// and refuses everything else with a one-line message at the offending position. toml++ then
/// only decides what the guard leaves to it: duplicate keys and redefined tables.
///
/// It also enforces ``Limits``: at most ``Limits/sceneFileBytes`` (checked by the caller on the
/// bytes), arrays and inline tables nested at most ``Limits/tomlDepth`` deep, at most
/// ``Limits/tomlKeyParts`` parts per dotted key and ``Limits/tomlKeys`` keys in all; no control
/// characters but tab and line breaks, no NUL even as an escape (`\u0000`); dates and times
/// (which no scene key takes) are refused. The check is iterative except for the bounded nesting.
struct TOMLGuard {
    /// A refused input: where and why.
    struct Failure: Error {
        var position: SourcePosition
        var message: String
        /// False for characters no text file should hold (control characters), true for TOML grammar.
        var isSyntax = true
    }

    private let scalars: [Unicode.Scalar]
    private var i = 0
    private var line = 1
    private var column = 1
    private var keys = 0

    /// Checks `text`; throws the first problem.
    static func check(_ text: String) throws(Failure) {
        var guardian = TOMLGuard(scalars: Array(text.unicodeScalars))
        try guardian.controlCharacters()
        try guardian.document()
    }

    private init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    private var current: Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }
    private func peek(_ offset: Int) -> Unicode.Scalar? { i + offset < scalars.count ? scalars[i + offset] : nil }
    private var position: SourcePosition { SourcePosition(line: line, column: column) }

    private func fail(_ message: String) -> Failure { Failure(position: position, message: message) }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count {
            guard let c = current else { return }
            i += 1
            if c == "\n" { line += 1; column = 1 } else { column += 1 }
        }
    }

    /// No C0 control character but tab and line feed (carriage return only before a line feed),
    /// and no DEL, anywhere.
    private mutating func controlCharacters() throws(Failure) {
        var position = SourcePosition.start
        for (k, c) in scalars.enumerated() {
            let allowed = c == "\t" || c == "\n" || (c == "\r" && k + 1 < scalars.count && scalars[k + 1] == "\n")
            if (c.value < 0x20 || c.value == 0x7F) && !allowed {
                throw Failure(position: position, message: c == "\0"
                              ? "a NUL character is not allowed in a TOML file"
                              : "control character \(Sanitizer.escape(c)) is not allowed in a TOML file", isSyntax: false)
            }
            if c == "\n" { position = SourcePosition(line: position.line + 1, column: 1) } else { position.column += 1 }
        }
    }

    // MARK: Structure

    private mutating func document() throws(Failure) {
        while true {
            skipSpace()
            guard let c = current else { return }
            switch c {
            case "\n", "\r": try lineEnd()
            case "#": skipComment()
            case "[": try header(); try lineEnd()
            default: try keyValue(depth: 0); try lineEnd()
            }
        }
    }

    /// Spaces, then an optional comment, then a line break or the end of the text.
    private mutating func lineEnd() throws(Failure) {
        skipSpace()
        if current == "#" { skipComment() }
        switch current {
        case nil: return
        case "\n"?: advance()
        case "\r"? where peek(1) == "\n": advance(2)
        case let c?: throw fail("expected the end of the line, found \(Sanitizer.quoted(c))")
        }
    }

    /// `[a.b]` or `[[a.b]]`.
    private mutating func header() throws(Failure) {
        let isArray = peek(1) == "["
        advance(isArray ? 2 : 1)
        skipSpace()
        try key()
        skipSpace()
        guard current == "]" else { throw fail("expected ']' to close the table header") }
        advance()
        if isArray {
            guard current == "]" else { throw fail("expected ']]' to close the array-of-tables header") }
            advance()
        }
    }

    /// `key = value`.
    private mutating func keyValue(depth: Int) throws(Failure) {
        try key()
        skipSpace()
        guard current == "=" else { throw fail("expected '=' after the key") }
        advance()
        skipSpace()
        try value(depth: depth)
    }

    /// A dotted key: simple keys joined by `.`.
    private mutating func key() throws(Failure) {
        keys += 1
        guard keys <= Limits.tomlKeys else { throw fail("more than \(Limits.tomlKeys) keys (the limit)") }
        var parts = 0
        while true {
            parts += 1
            guard parts <= Limits.tomlKeyParts else {
                throw fail("a dotted key of more than \(Limits.tomlKeyParts) parts (the limit)")
            }
            switch current {
            case "\""?:
                guard !(peek(1) == "\"" && peek(2) == "\"") else { throw fail("a key cannot be a multi-line string") }
                try basicString()
            case "'"?:
                guard !(peek(1) == "'" && peek(2) == "'") else { throw fail("a key cannot be a multi-line string") }
                try literalString()
            case let c? where Self.isBare(c):
                while let k = current, Self.isBare(k) { advance() }
            case let c?: throw fail("expected a key, found \(Sanitizer.quoted(c))")
            case nil: throw fail("expected a key, found the end of the file")
            }
            skipSpace()
            guard current == "." else { return }
            advance()
            skipSpace()
        }
    }

    // MARK: Values

    private mutating func value(depth: Int) throws(Failure) {
        switch current {
        case "\""?:
            if peek(1) == "\"" && peek(2) == "\"" { try multilineString(quote: "\"") } else { try basicString() }
        case "'"?:
            if peek(1) == "'" && peek(2) == "'" { try multilineString(quote: "'") } else { try literalString() }
        case "["?: try array(depth: depth + 1)
        case "{"?: try inlineTable(depth: depth + 1)
        case nil: throw fail("expected a value, found the end of the file")
        default: try scalar()
        }
    }

    private mutating func array(depth: Int) throws(Failure) {
        guard depth <= Limits.tomlDepth else { throw fail("arrays and inline tables nested more than \(Limits.tomlDepth) deep (the limit)") }
        advance()
        while true {
            skipBlankLines()
            if current == "]" { advance(); return }
            if current == nil { throw fail("the array is never closed with ']'") }
            try value(depth: depth)
            skipBlankLines()
            switch current {
            case ","?: advance()
            case "]"?: advance(); return
            case let c?: throw fail("expected ',' or ']' in the array, found \(Sanitizer.quoted(c))")
            case nil: throw fail("the array is never closed with ']'")
            }
        }
    }

    private mutating func inlineTable(depth: Int) throws(Failure) {
        guard depth <= Limits.tomlDepth else { throw fail("arrays and inline tables nested more than \(Limits.tomlDepth) deep (the limit)") }
        advance()
        skipSpace()
        if current == "}" { advance(); return }
        while true {
            skipSpace()
            try keyValue(depth: depth)
            skipSpace()
            switch current {
            case ","?: advance()
            case "}"?: advance(); return
            case let c?: throw fail("expected ',' or '}' in the inline table (on one line), found \(Sanitizer.quoted(c))")
            case nil: throw fail("the inline table is never closed with '}'")
            }
        }
    }

    /// true, false, or a number; a date or time is refused.
    private mutating func scalar() throws(Failure) {
        let start = position
        var word = ""
        while let c = current, Self.isBare(c) || c == "+" || c == "." || c == ":" {
            word.unicodeScalars.append(c)
            advance()
        }
        if word == "true" || word == "false" || Self.isNumber(word) { return }
        let looksLikeDate = word.count >= 5 && word.unicodeScalars.prefix(4).allSatisfy { ("0"..."9").contains($0) }
            && word.unicodeScalars.dropFirst(4).first == "-"
        if looksLikeDate || (word.count >= 5 && word.unicodeScalars.dropFirst(2).first == ":") {
            throw Failure(position: start, message: "dates and times are not used in scene files")
        }
        if word.isEmpty, let c = current { throw Failure(position: start, message: "expected a value, found \(Sanitizer.quoted(c))") }
        throw Failure(position: start, message: "expected a value (a string, number, true, false, array or table), found \(Sanitizer.quoted(word))")
    }

    /// TOML 1.0 integers (decimal, 0x, 0o, 0b, with `_` between digits) and floats (with a
    /// fraction and/or exponent, `inf`, `nan`, optionally signed).
    static func isNumber(_ word: String) -> Bool {
        var s = Substring(word)
        let signed = s.first == "+" || s.first == "-"
        if signed { s = s.dropFirst() }
        if s == "inf" || s == "nan" { return true }
        if !signed, s.count > 2, s.first == "0", let radix = s.dropFirst().first, "xob".contains(radix) {
            let digits: Set<Character> = radix == "x" ? Set("0123456789abcdefABCDEF") : radix == "o" ? Set("01234567") : Set("01")
            return isDigitRun(s.dropFirst(2), digits: digits)
        }
        let decimal = Set("0123456789")
        var mantissa = s, exponent: Substring?
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = s[..<e]
            exponent = s[s.index(after: e)...]
        }
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        guard isDigitRun(whole, digits: decimal), whole == "0" || whole.first != "0" else { return false }
        if parts.count == 2, !isDigitRun(parts[1], digits: decimal) { return false }
        if var exponent {
            if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
            return isDigitRun(exponent, digits: decimal)
        }
        return true
    }

    /// Digits from `digits` with single `_` between them.
    private static func isDigitRun(_ s: Substring, digits: Set<Character>) -> Bool {
        guard let first = s.first, let last = s.last, digits.contains(first), digits.contains(last) else { return false }
        var previousUnderscore = false
        for c in s {
            if c == "_" {
                if previousUnderscore { return false }
                previousUnderscore = true
            } else if digits.contains(c) {
                previousUnderscore = false
            } else {
                return false
            }
        }
        return true
    }

    // MARK: Strings

    /// `"..."` with escapes, on one line.
    private mutating func basicString() throws(Failure) {
        advance()
        while let c = current {
            switch c {
            case "\"": advance(); return
            case "\\": try escape(multiline: false)
            case "\n", "\r": throw fail("the string is never closed on its line")
            default: advance()
            }
        }
        throw fail("the string is never closed")
    }

    /// `'...'`, on one line.
    private mutating func literalString() throws(Failure) {
        advance()
        while let c = current {
            if c == "'" { advance(); return }
            if c == "\n" || c == "\r" { throw fail("the string is never closed on its line") }
            advance()
        }
        throw fail("the string is never closed")
    }

    /// `"""..."""` (with escapes) or `'''...'''`; up to two more quotes may end it.
    private mutating func multilineString(quote: Unicode.Scalar) throws(Failure) {
        advance(3)
        while let c = current {
            if c == quote && peek(1) == quote && peek(2) == quote {
                advance(3)
                for _ in 0..<2 where current == quote { advance() }
                return
            }
            if c == "\\" && quote == "\"" { try escape(multiline: true) } else { advance() }
        }
        throw fail("the multi-line string is never closed")
    }

    /// One escape sequence of a basic string (the current scalar is the backslash).
    private mutating func escape(multiline: Bool) throws(Failure) {
        let start = position
        advance()
        guard let e = current else { throw fail("the string is never closed") }
        switch e {
        case "b", "t", "n", "f", "r", "\"", "\\": advance()
        case "u", "U":
            let count = e == "u" ? 4 : 8
            advance()
            var value: UInt32 = 0
            for _ in 0..<count {
                guard let h = current, let digit = UInt32(String(h), radix: 16) else {
                    throw Failure(position: start, message: "\\\(e) needs \(count) hexadecimal digits")
                }
                value = value &* 16 &+ digit
                advance()
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw Failure(position: start, message: "\\\(e) escape is not a Unicode scalar value")
            }
            if scalar == "\0" { throw Failure(position: start, message: "a NUL character (\\u0000) is not allowed in a string") }
        case " ", "\t", "\n", "\r":
            // A line-ending backslash (multi-line strings only): only whitespace may follow it
            // up to the line break.
            guard multiline else { throw Failure(position: start, message: "a line-ending backslash only continues a multi-line string") }
            while let c = current, c == " " || c == "\t" { advance() }
            guard current == "\n" || (current == "\r" && peek(1) == "\n") else {
                throw Failure(position: start, message: "only a line break may follow a line-ending backslash")
            }
        default:
            throw Failure(position: start, message: "unknown escape \(Sanitizer.quoted("\\" + String(e)))")
        }
    }

    // MARK: Blanks

    private mutating func skipSpace() {
        while let c = current, c == " " || c == "\t" { advance() }
    }

    private mutating func skipComment() {
        while let c = current, c != "\n", c != "\r" { advance() }
    }

    /// Spaces, comments and line breaks (inside arrays).
    private mutating func skipBlankLines() {
        while let c = current {
            if c == " " || c == "\t" || c == "\n" { advance() }
            else if c == "\r" && peek(1) == "\n" { advance(2) }
            else if c == "#" { skipComment() }
            else { return }
        }
    }

    private static func isBare(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-"
    }
}
