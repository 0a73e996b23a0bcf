import DescentCore
import Foundation

/// A table of strings printed as aligned plain text, Markdown or CSV.
struct Table {
    enum Style { case plain, markdown, csv }

    var header: [String]
    var rows: [[String]]
    /// Columns whose cells are right-aligned (numbers).
    var numeric: Set<Int> = []

    /// The table as text; every cell cleaned by ``Sanitizer`` (labels come from arguments).
    func render(_ style: Style) -> String {
        let rows = rows.map { $0.map { Sanitizer.clean($0) } }
        switch style {
        case .csv:
            return (headLines(style, widths: []) + rows.map { line($0, style, widths: []) }).joined(separator: "\n")
        case .plain, .markdown:
            let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
            return (headLines(style, widths: widths) + rows.map { line($0, style, widths: widths) }).joined(separator: "\n")
        }
    }

    /// The header line and its rule (none for CSV) for columns `widths` wide: a table printed
    /// row by row as its rows are computed starts with these.
    func headLines(_ style: Style, widths: [Int]) -> [String] {
        let header = header.map { Sanitizer.clean($0) }
        switch style {
        case .csv: return [header.map(csvField).joined(separator: ",")]
        case .markdown:
            return [line(header, style, widths: widths), "|" + widths.indices.map { c in
                let dashes = String(repeating: "-", count: max(3, widths[c]))
                return numeric.contains(c) ? " " + dashes.dropLast() + ": " : " " + dashes + " "
            }.joined(separator: "|") + "|"]
        case .plain:
            return [line(header, style, widths: widths), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        }
    }

    /// One row (cleaned by ``Sanitizer``), each cell padded to its column's width.
    func line(_ cells: [String], _ style: Style, widths: [Int]) -> String {
        let cells = cells.map { Sanitizer.clean($0) }
        if style == .csv { return cells.map(csvField).joined(separator: ",") }
        let padded = cells.enumerated().map { c, cell in
            let pad = String(repeating: " ", count: max(0, widths[c] - cell.count))
            return numeric.contains(c) ? pad + cell : cell + pad
        }
        return style == .markdown ? "| " + padded.joined(separator: " | ") + " |" : padded.joined(separator: "  ").replacingTrailingSpaces()
    }

    private func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return s }
        return "\"" + s.replacingQuotes() + "\""
    }
}

extension String {
    func replacingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }

    func replacingQuotes() -> String {
        var out = ""
        for c in self { out += c == "\"" ? "\"\"" : String(c) }
        return out
    }
}

/// A compact, readable number: four significant digits (`0.01234`, `1.235e-07`, `12.5`).
func compact(_ v: Double) -> String {
    String(format: "%.4g", v)
}
