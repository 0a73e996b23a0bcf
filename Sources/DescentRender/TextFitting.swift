/// Fitting text into cells. Every scalar counts as one cell (the renderer draws only
/// single-width characters).
public enum TextFitting {
    /// The number of cells `text` takes.
    public static func width(_ text: String) -> Int { text.unicodeScalars.count }

    /// `text` cut to at most `width` cells; when cut, the last cell is `ellipsis`.
    public static func truncate(_ text: String, to width: Int, ellipsis: Unicode.Scalar) -> String {
        let scalars = text.unicodeScalars
        guard width > 0 else { return "" }
        guard scalars.count > width else { return text }
        var view = String.UnicodeScalarView(scalars.prefix(width - 1))
        view.append(ellipsis)
        return String(view)
    }

    /// `text` padded with spaces (or cut) to exactly `width` cells, aligned left or right.
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false, ellipsis: Unicode.Scalar) -> String {
        let cut = truncate(text, to: width, ellipsis: ellipsis)
        let padding = String(repeating: " ", count: max(0, width - self.width(cut)))
        return alignRight ? padding + cut : cut + padding
    }

    /// Word wrap: each paragraph (split at newlines) is broken into lines of at most `width`
    /// cells at spaces; a word longer than a line is broken inside. Empty paragraphs stay as
    /// empty lines.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ") {
                var rest = Substring.UnicodeScalarView(word.unicodeScalars)
                if lineWidth > 0, lineWidth + 1 + rest.count <= width {
                    line += " " + String(rest)
                    lineWidth += 1 + rest.count
                    continue
                }
                if lineWidth > 0 { lines.append(line); line = ""; lineWidth = 0 }
                while rest.count > width {
                    lines.append(String(String.UnicodeScalarView(rest.prefix(width))))
                    rest = rest.dropFirst(width)
                }
                line = String(rest)
                lineWidth = rest.count
            }
            lines.append(line)
        }
        return lines
    }
}
