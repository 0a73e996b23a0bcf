import DescentCore
import TOMLKit

/// Typed, checked access to a parsed TOML document that collects every problem as a
/// ``SceneDiagnostic`` at the position the ``SourceIndex`` gives for its key path, instead of
/// stopping at the first.
struct SceneReader {
    let file: String
    let index: SourceIndex
    private(set) var diagnostics: [SceneDiagnostic] = []

    init(file: String, index: SourceIndex) {
        self.file = file
        self.index = index
    }

    /// `path` as written in the scene: absolute, or relative to the scene file's folder.
    func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (file.lastIndex(of: "/").map { String(file[...$0]) } ?? "") + path
    }

    /// `parent.key` (or `key` at the top level).
    static func path(_ parent: String, _ key: String) -> String { parent.isEmpty ? key : parent + "." + key }

    // MARK: Reporting

    /// A problem with the value at `path` (reported at the value, or at `position`).
    mutating func report(_ path: String, _ message: String, at position: SourcePosition? = nil) {
        diagnostics.append(SceneDiagnostic(file: file, position: position ?? index.valuePosition(path), message: "\(path): \(message)"))
    }

    /// A problem with the key at `path` itself (unknown, or missing from its table).
    mutating func reportKey(_ path: String, _ message: String) {
        diagnostics.append(SceneDiagnostic(file: file, position: index.keyPosition(path), message: "\(path): \(message)"))
    }

    /// Reports every key of `table` that is not in `allowed`, with a did-you-mean hint.
    mutating func checkKeys(_ table: TOMLTable, at path: String, allowed: [String]) {
        for key in table.keys where !allowed.contains(key) {
            reportKey(Self.path(path, key), "unknown key; \(Self.didYouMean(key, among: allowed))valid: \(allowed.joined(separator: ", "))")
        }
    }

    /// `did you mean 'adam'? ` (up to three close names), or nothing when none is close.
    static func didYouMean(_ word: String, among names: [String]) -> String {
        let close = suggestions(for: word, among: names)
        return close.isEmpty ? "" : "did you mean \(close.prefix(3).map { "'\($0)'" }.joined(separator: " or "))? "
    }

    /// Reports a missing required key.
    mutating func reportMissing(_ path: String, _ what: String) {
        reportKey(path, "missing; \(what)")
    }

    // MARK: Typed values

    /// The value of `key` in `table` if it has type `type`; reports a wrong type, or a missing
    /// key when `required` names what is expected.
    private mutating func value(
        _ table: TOMLTable, _ key: String, in parent: String, type: TOMLType, expected: String, required: String?
    ) -> TOMLValueConvertible? {
        let path = Self.path(parent, key)
        guard let value = table[key] else {
            if let required { reportMissing(path, required) }
            return nil
        }
        guard value.type == type else {
            report(path, "must be \(expected), got \(Self.describe(value))")
            return nil
        }
        return value
    }

    mutating func string(_ table: TOMLTable, _ key: String, in parent: String, required: String? = nil) -> String? {
        value(table, key, in: parent, type: .string, expected: "a string", required: required)?.string
    }

    mutating func bool(_ table: TOMLTable, _ key: String, in parent: String) -> Bool? {
        value(table, key, in: parent, type: .bool, expected: "true or false", required: nil)?.bool
    }

    mutating func table(_ table: TOMLTable, _ key: String, in parent: String, required: String? = nil) -> TOMLTable? {
        value(table, key, in: parent, type: .table, expected: "a table", required: required)?.table
    }

    /// A `[[key]]` array of tables (or an array of inline tables), each element checked.
    mutating func tables(_ table: TOMLTable, _ key: String, in parent: String, required: String? = nil) -> [TOMLTable] {
        guard let array = value(table, key, in: parent, type: .array, expected: "an array of tables ([[\(Self.path(parent, key))]])", required: required)?.array else {
            return []
        }
        var result: [TOMLTable] = []
        for (i, element) in array.enumerated() {
            guard let t = element.table else {
                report(Self.path(parent, key) + "[\(i)]", "must be a table, got \(Self.describe(element))")
                continue
            }
            result.append(t)
        }
        return result
    }

    /// A finite number (an integer or a float) within `range`.
    mutating func number(
        _ table: TOMLTable, _ key: String, in parent: String, range: ClosedRange<Double>, required: String? = nil
    ) -> Double? {
        let path = Self.path(parent, key)
        guard let value = table[key] else {
            if let required { reportMissing(path, required) }
            return nil
        }
        return checkedNumber(value, at: path, range: range)
    }

    /// An integer within `range`.
    mutating func integer(
        _ table: TOMLTable, _ key: String, in parent: String, range: ClosedRange<Int>, required: String? = nil
    ) -> Int? {
        let path = Self.path(parent, key)
        guard let n = value(table, key, in: parent, type: .int, expected: "an integer", required: required)?.int else { return nil }
        guard range.contains(n) else {
            report(path, "must be between \(range.lowerBound) and \(range.upperBound), got \(n)")
            return nil
        }
        return n
    }

    /// A seed: a non-negative integer.
    mutating func seed(_ table: TOMLTable, _ key: String, in parent: String) -> UInt64? {
        integer(table, key, in: parent, range: 0...Int.max).map { UInt64($0) }
    }

    /// A point `[x, y]` of finite numbers.
    mutating func point(_ table: TOMLTable, _ key: String, in parent: String, required: String? = nil) -> [Double]? {
        pair(table, key, in: parent, what: "a point [x, y]", required: required)
    }

    /// An interval `[low, high]` with low < high.
    mutating func interval(_ table: TOMLTable, _ key: String, in parent: String) -> ClosedRange<Double>? {
        let path = Self.path(parent, key)
        guard let p = pair(table, key, in: parent, what: "an interval [low, high]", required: nil) else { return nil }
        guard p[0] < p[1] else {
            report(path, "the low end must be below the high end, got [\(formatNumber(p[0])), \(formatNumber(p[1]))]")
            return nil
        }
        return p[0]...p[1]
    }

    /// An array of `count` finite numbers within `range`.
    mutating func numbers(_ table: TOMLTable, _ key: String, in parent: String, range: ClosedRange<Double>, count: ClosedRange<Int>) -> [Double]? {
        let path = Self.path(parent, key)
        guard let array = value(table, key, in: parent, type: .array, expected: "an array of numbers", required: nil)?.array else { return nil }
        guard count.contains(array.count) else {
            report(path, "must have \(count.lowerBound) to \(count.upperBound) numbers, got \(array.count)")
            return nil
        }
        let numbers = array.enumerated().map { checkedNumber($1, at: path + "[\($0)]", range: range) }
        return numbers.contains(nil) ? nil : numbers.compactMap { $0 }
    }

    /// One of the raw values of `E`.
    mutating func choice<E: RawRepresentable & CaseIterable>(
        _ table: TOMLTable, _ key: String, in parent: String, as: E.Type
    ) -> E? where E.RawValue == String {
        guard let text = string(table, key, in: parent) else { return nil }
        guard let choice = E(rawValue: text) else {
            report(Self.path(parent, key), "must be one of \(E.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")), got '\(text)'")
            return nil
        }
        return choice
    }

    private mutating func pair(_ table: TOMLTable, _ key: String, in parent: String, what: String, required: String?) -> [Double]? {
        let path = Self.path(parent, key)
        guard let array = value(table, key, in: parent, type: .array, expected: what, required: required)?.array else { return nil }
        guard array.count == 2 else {
            report(path, "must be \(what): two numbers, got \(array.count)")
            return nil
        }
        let numbers = array.enumerated().map { checkedNumber($1, at: path + "[\($0)]", range: -.greatestFiniteMagnitude ... .greatestFiniteMagnitude) }
        guard let x = numbers[0], let y = numbers[1] else { return nil }
        return [x, y]
    }

    private mutating func checkedNumber(_ value: TOMLValueConvertible, at path: String, range: ClosedRange<Double>) -> Double? {
        let number: Double
        if let n = value.int {
            number = Double(n)
        } else if let d = value.double {
            number = d
        } else {
            report(path, "must be a number, got \(Self.describe(value))")
            return nil
        }
        guard number.isFinite else {
            report(path, "must be a finite number, got \(number)")
            return nil
        }
        guard range.contains(number) else {
            report(path, "must be between \(formatNumber(range.lowerBound)) and \(formatNumber(range.upperBound)), got \(formatNumber(number))")
            return nil
        }
        return number
    }

    /// `a string`, `the integer 3`, `a table`: what a value is, for messages.
    static func describe(_ value: TOMLValueConvertible) -> String {
        switch value.type {
        case .string: return "a string"
        case .int: return "an integer"
        case .double: return "a number"
        case .bool: return "a boolean"
        case .array: return "an array"
        case .table: return "a table"
        case .date, .time, .dateTime: return "a date or time"
        }
    }
}
