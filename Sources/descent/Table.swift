import Foundation

/// A table of strings printed as aligned plain text, Markdown or CSV.
struct Table {
    enum Style { case plain, markdown, csv }

    var header: [String]
    var rows: [[String]]
    /// Columns whose cells are right-aligned (numbers).
    var numeric: Set<Int> = []

    func render(_ style: Style) -> String {
        switch style {
        case .csv:
            return ([header] + rows).map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\n")
        case .plain, .markdown:
            let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
            func line(_ cells: [String]) -> String {
                let padded = cells.enumerated().map { c, cell in
                    let pad = String(repeating: " ", count: widths[c] - cell.count)
                    return numeric.contains(c) ? pad + cell : cell + pad
                }
                return style == .markdown ? "| " + padded.joined(separator: " | ") + " |"
                    : padded.joined(separator: "  ").replacingTrailingSpaces()
            }
            var lines = [line(header)]
            if style == .markdown {
                lines.append("|" + widths.indices.map { c in
                    let dashes = String(repeating: "-", count: max(3, widths[c]))
                    return numeric.contains(c) ? " " + dashes.dropLast() + ": " : " " + dashes + " "
                }.joined(separator: "|") + "|")
            } else {
                lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
            }
            lines += rows.map(line)
            return lines.joined(separator: "\n")
        }
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
