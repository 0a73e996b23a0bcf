/// A value as it appears in a spec string, before it is checked against a schema.
public enum SpecValue: Sendable, Equatable {
    case number(Double)
    case flag(Bool)
    case tuple([Double])
    /// A bare word (`triangular2`), for choice parameters.
    case word(String)

    /// `a number`, `a tuple`: for error messages.
    var kindDescription: String {
        switch self {
        case .number(let v): return "the number \(formatNumber(v))"
        case .flag(let b): return b ? "true" : "false"
        case .tuple(let vs): return "a tuple of \(vs.count)"
        case .word(let w): return "'\(w)'"
        }
    }
}

/// One `key=value` of a spec string, with the 1-based column of the key.
public struct SpecArgument: Sendable, Equatable {
    public var key: String
    public var value: SpecValue
    public var column: Int?
    public init(_ key: String, _ value: SpecValue, column: Int? = nil) {
        self.key = key; self.value = value; self.column = column
    }
}
