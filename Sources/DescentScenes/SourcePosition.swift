/// A place in a text file: 1-based line and 1-based column (counted in Unicode scalars, as the
/// TOML parser counts them).
public struct SourcePosition: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The start of a file.
    public static let start = SourcePosition(line: 1, column: 1)

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    /// `LINE:COLUMN`.
    public var description: String { "\(line):\(column)" }
}

/// Where a key and its value were written: the key (the name in `key = value`, or the name in a
/// `[table]` / `[[array]]` header) and the first character of the value.
public struct SourceEntry: Sendable, Equatable {
    public var key: SourcePosition
    public var value: SourcePosition
    /// True when the value is a one-line string whose content appears character for character
    /// after the opening quote (a literal string, or a basic string without escapes), so a
    /// column inside the string maps to a column in the file.
    public var isVerbatimString: Bool

    public init(key: SourcePosition, value: SourcePosition, isVerbatimString: Bool = false) {
        self.key = key
        self.value = value
        self.isVerbatimString = isVerbatimString
    }

    /// The file position of 1-based column `column` inside the string value, when the string is
    /// verbatim; the value's start otherwise.
    public func position(inString column: Int?) -> SourcePosition {
        guard isVerbatimString, let column, column >= 1 else { return value }
        return SourcePosition(line: value.line, column: value.column + column)
    }
}
