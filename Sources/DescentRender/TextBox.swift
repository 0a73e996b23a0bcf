/// Wrapped paragraphs in an optional border (`┌─┐│└┘`, or `+-|` in ASCII) with an optional
/// title in the top edge: captions, notes and the help overlay.
public struct TextBox: Sendable {
    public var title: String
    public var text: String
    public var bordered: Bool
    public var style: Style

    public init(title: String = "", text: String, bordered: Bool = true, style: Style = .plain) {
        self.title = title
        self.text = text
        self.bordered = bordered
        self.style = style
    }

    /// The wrapped lines for a box `width` cells wide (one space of padding inside a border).
    public func lines(width: Int) -> [String] {
        TextFitting.wrap(text, width: bordered ? width - 4 : width)
    }

    /// The height that shows all of the text at `width`.
    public func height(forWidth width: Int) -> Int {
        lines(width: width).count + (bordered ? 2 : 0)
    }

    /// Draws the box filling `rect`; text beyond the last row is cut, and the last shown line
    /// then ends in `…`.
    public func draw(into buffer: inout CellBuffer, rect: Rect, glyphs: Glyphs) {
        let rect = rect.intersection(buffer.bounds)
        buffer.fill(rect, with: Cell(" ", style: style))
        guard !rect.isEmpty else { return }
        let inner = bordered ? Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2) : rect
        if bordered { drawBorder(into: &buffer, rect: rect, glyphs: glyphs) }
        guard !inner.isEmpty else { return }
        var lines = lines(width: rect.width)
        if lines.count > inner.height {
            lines = Array(lines.prefix(inner.height))
            var last = String.UnicodeScalarView(lines[lines.count - 1].unicodeScalars.prefix(inner.width - 1))
            last.append(glyphs.ellipsis)
            lines[lines.count - 1] = String(last)
        }
        for (k, line) in lines.enumerated() {
            buffer.write(line, x: inner.x, y: inner.y + k, style: style, clip: inner)
        }
    }

    private func drawBorder(into buffer: inout CellBuffer, rect: Rect, glyphs: Glyphs) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        for x in (rect.x + 1)..<(rect.maxX - 1) {
            buffer[x, rect.y] = Cell(glyphs.horizontal, style: style)
            buffer[x, rect.maxY - 1] = Cell(glyphs.horizontal, style: style)
        }
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            buffer[rect.x, y] = Cell(glyphs.vertical, style: style)
            buffer[rect.maxX - 1, y] = Cell(glyphs.vertical, style: style)
        }
        buffer[rect.x, rect.y] = Cell(glyphs.topLeft, style: style)
        buffer[rect.maxX - 1, rect.y] = Cell(glyphs.topRight, style: style)
        buffer[rect.x, rect.maxY - 1] = Cell(glyphs.bottomLeft, style: style)
        buffer[rect.maxX - 1, rect.maxY - 1] = Cell(glyphs.bottomRight, style: style)
        if !title.isEmpty, rect.width > 4 {
            let text = " " + TextFitting.truncate(title, to: rect.width - 6, ellipsis: glyphs.ellipsis) + " "
            buffer.write(text, x: rect.x + 2, y: rect.y, style: Style(foreground: style.foreground, background: style.background,
                                                                  attributes: style.attributes.union(.bold)))
        }
    }
}
