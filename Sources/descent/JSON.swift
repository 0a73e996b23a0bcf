import DescentCore
/// A minimal JSON value with deterministic output (keys in insertion order, numbers in their
/// shortest round-tripping form), for the machine-readable formats of the CLI.
enum JSON {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    /// An integer or null.
    static func integer(_ value: Int?) -> JSON { value.map { .number(Double($0)) } ?? .null }

    /// The serialised text; non-finite numbers (which the CLI never emits on purpose) become null.
    var text: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let v): out += Self.number(v)
        case .string(let s): out += JSONString.quoted(s)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                item.write(to: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += ", " }
                out += JSONString.quoted(key) + ": "
                value.write(to: &out)
            }
            out += "}"
        }
    }

    /// A number as JSON writes it: whole numbers without a point, others in their shortest
    /// round-tripping form, non-finite ones as null.
    static func number(_ v: Double) -> String {
        if !v.isFinite { return "null" }
        if v == v.rounded(), Swift.abs(v) < 1e15 { return String(Int(v)) }
        return "\(v)"
    }
}
