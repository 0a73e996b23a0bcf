/// A hyperparameter value as written in a spec string: a number, `true`/`false`, or a tuple of
/// numbers such as `betas=(0.9, 0.999)` or `milestones=(30, 80)`.
public enum HyperValue: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case flag(Bool)
    case tuple([Double])

    /// The spec-string spelling: `0.01`, `true`, `(0.9, 0.999)`.
    public var description: String {
        switch self {
        case .number(let v): return formatNumber(v)
        case .flag(let b): return b ? "true" : "false"
        case .tuple(let vs): return "(" + vs.map(formatNumber).joined(separator: ", ") + ")"
        }
    }
}

/// The shortest decimal spelling that reads back as the same `Double` (`0.1`, `2`, `1e-08`).
public func formatNumber(_ v: Double) -> String {
    if v == v.rounded(), Swift.abs(v) < 1e15 { return String(Int(v)) }
    return "\(v)"
}
