import RealModule

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

/// The chain spec `text` with `key` of its optimizer (the last link) set to `value`, written
/// back as text (`clip_norm(max_norm=1) | adam(lr=0.075)`): the spec in force after a live
/// change of one hyperparameter.
public func specSetting(_ text: String, _ key: String, to value: Double) throws(SpecError) -> String {
    var specs = try SpecParser.parseChain(text)
    specs[specs.count - 1] = specs[specs.count - 1].setting(key, to: value)
    return specs.map(\.text).joined(separator: " | ")
}

/// The chain spec `text` for reading (legends): every number rounded to `significant` digits,
/// so that a rate scaled by the live keys reads `lr=0.075`, not `lr=0.07500000000000001`. The
/// text itself (what the editor shows) keeps every digit; unparsable text comes back as is.
public func readableSpec(_ text: String, significant: Int = 6) -> String {
    guard var specs = try? SpecParser.parseChain(text) else { return text }
    for i in specs.indices {
        for j in specs[i].arguments.indices {
            switch specs[i].arguments[j].value {
            case .number(let v): specs[i].arguments[j].value = .number(roundedToSignificantDigits(v, significant))
            case .tuple(let vs): specs[i].arguments[j].value = .tuple(vs.map { roundedToSignificantDigits($0, significant) })
            case .flag, .word: break
            }
        }
    }
    return specs.map(\.text).joined(separator: " | ")
}

/// x rounded to `digits` significant decimal digits (x itself where that is not finite).
func roundedToSignificantDigits(_ x: Double, _ digits: Int) -> Double {
    guard x.isFinite, x != 0 else { return x }
    let exponent = Int(Double.log10(Swift.abs(x)).rounded(.down))
    let scale = Double.pow(10, Double(digits - 1 - exponent))
    let rounded = (x * scale).rounded() / scale
    return rounded.isFinite && scale.isFinite && scale > 0 ? rounded : x
}
