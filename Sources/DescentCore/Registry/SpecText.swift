extension Spec {
    /// The spec written back as text that parses to the same spec: `adam(lr=0.01, betas=(0.9, 0.99))`.
    /// Numbers use ``formatNumber(_:)``, so every value reads back bit for bit.
    public var text: String {
        guard !arguments.isEmpty else { return name }
        return name + "(" + arguments.map { "\($0.key)=\($0.value.text)" }.joined(separator: ", ") + ")"
    }

    /// The spec with `key` set to `value` (replacing the spec's own value, or added at the end).
    public func setting(_ key: String, to value: Double) -> Spec {
        var copy = self
        if let i = copy.arguments.firstIndex(where: { $0.key == key }) {
            copy.arguments[i].value = .number(value)
        } else {
            copy.arguments.append(SpecArgument(key, .number(value)))
        }
        return copy
    }
}

extension SpecValue {
    /// The value as written in a spec: `0.01`, `true`, `(0.9, 0.99)`, `triangular2`.
    public var text: String {
        switch self {
        case .number(let v): return formatNumber(v)
        case .flag(let b): return b ? "true" : "false"
        case .tuple(let vs): return "(" + vs.map(formatNumber).joined(separator: ", ") + ")"
        case .word(let w): return w
        }
    }
}
