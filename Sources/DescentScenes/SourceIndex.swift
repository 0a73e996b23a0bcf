/// Where every key of a TOML document was written, by key path: `title`, `surface.view.x`,
/// `optimizer[2].spec`, `notes[0].step`, `run.start[1]` (array elements are indexed from 0,
/// arrays of tables count their `[[headers]]`, and the array itself is at its first header).
///
/// TOMLKit (toml++) gives values but no positions, so this scanner reads the source text once
/// more: tables, arrays of tables, dotted keys, quoted keys, inline tables, nested arrays,
/// all four string forms and comments. It is meant for text the TOML parser has accepted; on
/// anything else it records what it can and never fails.
public struct SourceIndex: Sendable {
    /// The entries by key path.
    public private(set) var entries: [String: SourceEntry] = [:]

    /// Indexes `text`.
    public init(_ text: String) {
        var scanner = TOMLScanner(text)
        scanner.scanDocument()
        entries = scanner.entries
    }

    /// The entry of `path`, if it was written in the file.
    public subscript(path: String) -> SourceEntry? { entries[path] }

    /// The position of the key at `path`, or of its nearest written ancestor (a key that is
    /// missing is reported at the table that should hold it), or the start of the file.
    public func keyPosition(_ path: String) -> SourcePosition {
        var current = path
        while true {
            if let entry = entries[current] { return entry.key }
            guard let parent = SourceIndex.parent(of: current) else { return .start }
            current = parent
        }
    }

    /// The position of the value at `path` (or as ``keyPosition(_:)`` when it is missing).
    public func valuePosition(_ path: String) -> SourcePosition {
        entries[path]?.value ?? keyPosition(path)
    }

    /// `a.b[2]` → `a.b`, `a.b` → `a`, `a` → nil.
    static func parent(of path: String) -> String? {
        guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return nil }
        return cut == path.startIndex ? nil : String(path[..<cut])
    }
}

/// The scanner behind ``SourceIndex``.
struct TOMLScanner {
    private let scalars: [Unicode.Scalar]
    private var i = 0
    private var line = 1
    private var column = 1
    private(set) var entries: [String: SourceEntry] = [:]
    /// How many `[[headers]]` each array-of-tables path has had.
    private var arrayCounts: [String: Int] = [:]
    /// The path of the current `[table]` (empty at the top level).
    private var table = ""

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    private var atEnd: Bool { i >= scalars.count }
    private var current: Unicode.Scalar? { atEnd ? nil : scalars[i] }
    private func peek(_ offset: Int) -> Unicode.Scalar? { i + offset < scalars.count ? scalars[i + offset] : nil }
    private var position: SourcePosition { SourcePosition(line: line, column: column) }

    private mutating func advance() {
        guard let c = current else { return }
        i += 1
        if c == "\n" { line += 1; column = 1 } else { column += 1 }
    }

    mutating func scanDocument() {
        while !atEnd {
            skipBlank(newlines: true)
            guard let c = current else { return }
            if c == "[" {
                scanHeader()
            } else if c == "=" || c == "]" || c == "}" || c == "," {
                advance()  // stray punctuation in a broken file: step over it
            } else {
                scanKeyValue(in: table)
            }
        }
    }

    /// `[a.b]` or `[[a.b]]`.
    private mutating func scanHeader() {
        let isArray = peek(1) == "["
        advance()
        if isArray { advance() }
        skipBlank(newlines: false)
        let keyStart = position
        let parts = scanKey()
        var path = ""
        for (n, part) in parts.enumerated() {
            path = join(path, part.name)
            let isLast = n == parts.count - 1
            if isLast && isArray {
                let count = arrayCounts[path, default: 0]
                arrayCounts[path] = count + 1
                // The array itself is where its first header is.
                if entries[path] == nil { record(path, key: part.position, value: keyStart) }
                path += "[\(count)]"
                record(path, key: part.position, value: keyStart)
            } else if let count = arrayCounts[path] {
                if isLast { record(path, key: part.position, value: keyStart) }
                path += "[\(count - 1)]"
            } else if isLast || entries[path] == nil {
                record(path, key: part.position, value: keyStart)
            }
        }
        table = path
        skipToLineEnd()
    }

    /// `key = value` (the key possibly dotted) inside the table at `prefix`.
    private mutating func scanKeyValue(in prefix: String) {
        let parts = scanKey()
        guard !parts.isEmpty else { skipToLineEnd(); return }
        var path = prefix
        for part in parts.dropLast() {
            path = join(path, part.name)
            if entries[path] == nil { record(path, key: part.position, value: part.position) }
        }
        path = join(path, parts[parts.count - 1].name)
        skipBlank(newlines: false)
        guard current == "=" else { return }
        advance()
        skipBlank(newlines: false)
        scanValue(path, key: parts[parts.count - 1].position)
    }

    /// A dotted key: its parts with the position of each.
    private mutating func scanKey() -> [(name: String, position: SourcePosition)] {
        var parts: [(String, SourcePosition)] = []
        while let c = current {
            let start = position
            if c == "\"" || c == "'" {
                parts.append((scanString(), start))
            } else if isBareKeyCharacter(c) {
                var name = ""
                while let k = current, isBareKeyCharacter(k) { name.unicodeScalars.append(k); advance() }
                parts.append((name, start))
            } else {
                break
            }
            skipBlank(newlines: false)
            guard current == "." else { break }
            advance()
            skipBlank(newlines: false)
        }
        return parts
    }

    private func isBareKeyCharacter(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-"
    }

    /// A value at `path`: records it, and descends into arrays and inline tables.
    private mutating func scanValue(_ path: String, key: SourcePosition) {
        let start = position
        switch current {
        case "\""?, "'"?:
            let (_, verbatim) = scanStringValue()
            record(path, key: key, value: start, verbatim: verbatim)
        case "["?:
            record(path, key: key, value: start)
            advance()
            var index = 0
            while true {
                skipBlank(newlines: true)
                guard let c = current else { return }
                if c == "]" { advance(); return }
                if c == "," { advance(); continue }
                let before = i
                let elementPath = path + "[\(index)]"
                scanValue(elementPath, key: position)
                index += 1
                if i == before { advance() }
            }
        case "{"?:
            record(path, key: key, value: start)
            advance()
            while true {
                skipBlank(newlines: true)
                guard let c = current else { return }
                if c == "}" { advance(); return }
                if c == "," { advance(); continue }
                let before = i
                scanKeyValue(in: path)
                if i == before { advance() }
            }
        default:
            record(path, key: key, value: start)
            while let c = current, !" \t\r\n,]}#".unicodeScalars.contains(c) { advance() }
        }
    }

    /// A string in any of the four forms, decoded; for keys.
    private mutating func scanString() -> String { scanStringValue().text }

    /// A string in any of the four forms: its text (escapes decoded) and whether it is a
    /// one-line string written without escapes.
    private mutating func scanStringValue() -> (text: String, verbatim: Bool) {
        guard let quote = current else { return ("", false) }
        let isLiteral = quote == "'"
        if peek(1) == quote && peek(2) == quote {
            advance(); advance(); advance()
            var text = ""
            while let c = current {
                if c == quote && peek(1) == quote && peek(2) == quote {
                    // Up to two more quotes may close a multi-line string: `""""` ends with one inside.
                    var extra = 0
                    while peek(3 + extra) == quote && extra < 2 { extra += 1 }
                    for _ in 0..<extra { text.unicodeScalars.append(quote); advance() }
                    advance(); advance(); advance()
                    return (text, false)
                }
                if !isLiteral && c == "\\" { advance(); advance(); continue }
                text.unicodeScalars.append(c)
                advance()
            }
            return (text, false)
        }
        advance()
        var text = ""
        var verbatim = true
        while let c = current, c != "\n" {
            if c == quote { advance(); return (text, verbatim) }
            if !isLiteral && c == "\\" {
                verbatim = false
                advance()
                if let e = current {
                    switch e {
                    case "n": text += "\n"
                    case "t": text += "\t"
                    default: text.unicodeScalars.append(e)
                    }
                    advance()
                }
                continue
            }
            text.unicodeScalars.append(c)
            advance()
        }
        return (text, false)
    }

    /// Spaces, tabs, comments and (if `newlines`) line breaks.
    private mutating func skipBlank(newlines: Bool) {
        while let c = current {
            if c == " " || c == "\t" || (newlines && (c == "\n" || c == "\r")) {
                advance()
            } else if c == "#" {
                while let k = current, k != "\n" { advance() }
            } else {
                return
            }
        }
    }

    private mutating func skipToLineEnd() {
        while let c = current, c != "\n" { advance() }
    }

    private mutating func record(_ path: String, key: SourcePosition, value: SourcePosition, verbatim: Bool = false) {
        entries[path] = SourceEntry(key: key, value: value, isVerbatimString: verbatim)
    }

    private func join(_ prefix: String, _ name: String) -> String { prefix.isEmpty ? name : prefix + "." + name }
}
