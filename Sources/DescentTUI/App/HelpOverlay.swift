import DescentRender

/// The `?` help of a screen: the keymap rows of its context (then the global ones), and for the
/// surface the mouse actions, in a bordered box in the middle of the screen (two columns when
/// one does not fit the height).
enum HelpOverlay {
    static func draw(_ context: KeyContext, into buffer: inout CellBuffer, glyphs: Glyphs) {
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
        let columnWidth = lines.map(TextFitting.width).max() ?? 0
        if lines.count + 2 > buffer.height - 2, 2 * columnWidth + 3 + 4 <= buffer.width - 2 {
            let half = (lines.count + 1) / 2
            lines = (0..<half).map { k in
                let right = k + half < lines.count ? lines[k + half] : ""
                return TextFitting.pad(lines[k], to: columnWidth, ellipsis: glyphs.ellipsis) + "   " + right
            }
        }
        let width = min((lines.map(TextFitting.width).max() ?? 0) + 4, buffer.width)
        let height = min(lines.count + 2, buffer.height)
        // The box draws border and title; the lines are written as they are (aligned columns,
        // which word wrapping would collapse).
        let style = CaptionBox.style
        let rect = buffer.bounds.centered(width: width, height: height)
        TextBox(title: "Keys  (? or Esc closes)", text: "", style: style).draw(into: &buffer, rect: rect, glyphs: glyphs)
        let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
        for (k, line) in lines.prefix(inner.height).enumerated() {
            buffer.write(TextFitting.truncate(line, to: inner.width, ellipsis: glyphs.ellipsis), x: inner.x, y: inner.y + k,
                         style: style, clip: inner)
        }
    }
}
