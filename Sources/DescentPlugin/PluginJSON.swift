import DescentCore
import Foundation

/// The JSON of protocol 1, both ways. Requests are written here (numbers in their shortest
/// round-trip spelling, non-finite ones as Python's `NaN`/`Infinity`); replies are decoded into
/// the typed messages below, so a reply of the wrong shape is an error naming what was wrong.
enum PluginJSON {
    /// `[1.5, -2]`.
    static func array(_ values: [Double]) -> String {
        var text = "["
        text.reserveCapacity(values.count * 24 + 2)
        for (i, v) in values.enumerated() {
            if i > 0 { text += "," }
            text += number(v)
        }
        return text + "]"
    }

    /// A number as JSON, with Python's spellings for the non-finite ones.
    static func number(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "Infinity" : "-Infinity" }
        return "\(v)"
    }

    /// `{"lr":0.01,"betas":[0.9,0.99],"cls":"Adam"}`: the values of a configuration, choices by name.
    static func hyperparameters(_ values: [String: HyperValue], schema: [HyperParameter]) -> String {
        let fields = schema.compactMap { parameter -> String? in
            guard let value = values[parameter.name] else { return nil }
            let text: String
            switch (parameter.kind, value) {
            case (.choice(let names), .number(let i)): text = JSONString.quoted(names[Int(i)])
            case (_, .number(let v)): text = number(v)
            case (_, .flag(let b)): text = b ? "true" : "false"
            case (_, .tuple(let vs)): text = array(vs)
            }
            return JSONString.quoted(parameter.name) + ":" + text
        }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// Decodes one line as `T`. Bare `NaN`/`Infinity` (which Python's `json` writes) are read as
    /// the non-finite numbers, so a diverging plugin diverges instead of failing.
    static func decode<T: Decodable>(_ type: T.Type, from line: [UInt8]) throws(PluginFault) -> T {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            return try decoder.decode(T.self, from: Data(line))
        } catch {
            let quotedLine = quotingNonFiniteNumbers(line)
            if quotedLine != line, let value = try? decoder.decode(T.self, from: Data(quotedLine)) { return value }
            let text = String(decoding: line.prefix(200), as: UTF8.self)
            throw PluginFault("the plugin sent \(describe(error)): \(Sanitizer.quoted(text))")
        }
    }

    /// What was wrong with a reply, in a reader's words.
    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted: return "invalid JSON"
        case DecodingError.keyNotFound(let key, _): return "a reply without '\(Sanitizer.clean(key.stringValue, maxLength: 40))'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
            return "a reply with the wrong type at '\(Sanitizer.clean(String(path.drop { $0 == "." }), maxLength: 60))'"
        default: return "invalid JSON"
        }
    }

    /// `line` with every bare `NaN`, `Infinity` and `-Infinity` outside strings put in quotes.
    static func quotingNonFiniteNumbers(_ line: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(line.count + 16)
        var inString = false, escaped = false
        var i = 0
        let quote = UInt8(ascii: "\"")
        while i < line.count {
            let byte = line[i]
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == quote { inString = false }
                result.append(byte)
                i += 1
                continue
            }
            if byte == quote { inString = true }
            var matched = false
            for token in nonFiniteTokens where line[i...].starts(with: token) {
                result.append(quote); result.append(contentsOf: token); result.append(quote)
                i += token.count
                matched = true
                break
            }
            if !matched { result.append(byte); i += 1 }
        }
        return result
    }

    private static let nonFiniteTokens: [[UInt8]] = ["-Infinity", "Infinity", "NaN"].map { Array($0.utf8) }
}

/// The answer to `describe`.
struct DescribeReply: Decodable {
    var `protocol`: Int
    var name: String
    var summary: String?
    var reference: String?
    var hyperparameters: [DeclaredParameter]

    /// One declared hyperparameter: its default decides its kind (a number, `true`/`false`, an
    /// array of numbers, or a word with its `choices`).
    struct DeclaredParameter: Decodable {
        var name: String
        var `default`: DeclaredValue
        var doc: String?
        var choices: [String]?
    }

    enum DeclaredValue: Decodable {
        case number(Double), flag(Bool), tuple([Double]), word(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let b = try? container.decode(Bool.self) { self = .flag(b) }
            else if let v = try? container.decode(Double.self) { self = .number(v) }
            else if let vs = try? container.decode([Double].self) { self = .tuple(vs) }
            else { self = .word(try container.decode(String.self)) }
        }
    }
}

/// Any other reply: `{"ok":true}`, `{"error":"…"}`, an `eval` request within a step, or a step's
/// answer `{"x":[…],"state":{…}}`.
struct PluginReply: Decodable {
    var op: String?
    var ok: Bool?
    var error: String?
    var x: [Double]?
    var state: [String: [Double]]?
}
