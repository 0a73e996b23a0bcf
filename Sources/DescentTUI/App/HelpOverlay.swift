import DescentRender

/// The `?` help of a screen: the keymap rows of its context (then the global ones), and for the
/// surface the mouse actions, in a bordered box in the middle of the screen — in two columns
/// when one does not fit the height and two fit the width, else in pages (PgDn / PgUp) whose
/// title says which page is on show and how to leave: at 80×24 every key is a page away.
enum HelpOverlay {
    /// The lines of `context`'s help, label column padded.
    static func lines(_ context: KeyContext, glyphs: Glyphs) -> [String] {
        func text(_ s: String) -> String { AsciiText.fold(s, for: glyphs) }
        let bindings = Keymap.bindings(in: context)
        let mouse = context == .surface || context == .cloud ? Keymap.mouseHelp.map { ("mouse " + $0.label, $0.summary) } : []
        let labelWidth = (bindings.map(\.label) + mouse.map(\.0)).map { TextFitting.width(text($0)) }.max() ?? 0
        func line(_ label: String, _ summary: String) -> String {
            TextFitting.pad(text(label), to: labelWidth, ellipsis: glyphs.ellipsis) + "  " + text(summary)
        }
        var lines = bindings.map { line($0.label, $0.summary) }
        if !mouse.isEmpty {
            lines.append("")
            lines += mouse.map(line)
        }
        return lines
    }

    /// `line` cut at spaces into lines of at most `width` cells, the continuations indented to
    /// the summary column (after the label and its two spaces).
    static func wrap(_ line: String, width: Int) -> [String] {
        guard width > 8, TextFitting.width(line) > width else { return [line] }
        let indent = String(repeating: " ", count: min(width / 2, (line.range(of: "  ").map { line.distance(from: line.startIndex, to: $0.upperBound) } ?? 0)))
        var out: [String] = []
        var rest = Substring(line)
        while TextFitting.width(String(rest)) > width {
            let limit = rest.index(rest.startIndex, offsetBy: width)
            let cut = rest[..<limit].lastIndex(of: " ").flatMap { $0 > rest.startIndex ? $0 : nil } ?? limit
            out.append(String(rest[..<cut]))
            rest = Substring(indent) + rest[cut...].drop { $0 == " " }
        }
        return out + [String(rest)]
    }

    /// Draws page `page` (clamped to the pages there are) of `context`'s help over `buffer`.
    static func draw(_ context: KeyContext, page: Int = 0, into buffer: inout CellBuffer, glyphs: Glyphs) {
        var lines = lines(context, glyphs: glyphs)
        let columnWidth = lines.map(TextFitting.width).max() ?? 0
        let rows = max(1, buffer.height - 3)  // a border line above and below; the status line stays
        if lines.count > rows, 2 * columnWidth + 3 + 4 <= buffer.width - 2 {
            let half = (lines.count + 1) / 2
            lines = (0..<half).map { k in
                let right = k + half < lines.count ? lines[k + half] : ""
                return TextFitting.pad(lines[k], to: columnWidth, ellipsis: glyphs.ellipsis) + "   " + right
            }
        }
        lines = lines.flatMap { wrap($0, width: buffer.width - 4) }
        let pages = max(1, (lines.count + rows - 1) / rows)
        let shown = min(max(page, 0), pages - 1)
        let pageLines = Array(lines.dropFirst(shown * rows).prefix(rows))
        let title = pages > 1
            ? "Keys \(shown + 1)/\(pages)  (PgDn PgUp pages, ? closes, q quits)"
            : "Keys  (? or Esc closes, q quits)"
        let width = min(max((lines.map(TextFitting.width).max() ?? 0) + 4, TextFitting.width(title) + 4), buffer.width)
        let height = min(pageLines.count + 2, buffer.height - 1)
        // The box draws border and title; the lines are written as they are (aligned columns,
        // which word wrapping would collapse).
        let style = CaptionBox.style
        let rect = buffer.bounds.centered(width: width, height: height)
        TextBox(title: AsciiText.fold(title, for: glyphs), text: "", style: style).draw(into: &buffer, rect: rect, glyphs: glyphs)
        let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
        for (k, line) in pageLines.enumerated() {
            buffer.write(TextFitting.truncate(line, to: inner.width, ellipsis: glyphs.ellipsis), x: inner.x, y: inner.y + k,
                         style: style, clip: inner)
        }
    }
}
