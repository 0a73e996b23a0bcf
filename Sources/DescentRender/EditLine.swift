/// A one-line text field: a prompt, the text with its cursor cell in reverse video, and an
/// error after it (bold). The text scrolls so that the cursor stays visible; the error is cut
/// first when the row is too narrow.
public struct EditLine: Sendable, Equatable {
    public var prompt: String
    /// The text, already safe for the terminal.
    public var text: String
    /// The cursor, 0…text's scalar count (at the end: after the last scalar).
    public var cursor: Int
    /// One line, already safe for the terminal, or nil.
    public var error: String?

    public init(prompt: String, text: String, cursor: Int, error: String? = nil) {
        self.prompt = prompt
        self.text = text
        self.cursor = cursor
        self.error = error
    }

    /// Draws the field in the first row of `rect`.
    public func draw(into buffer: inout CellBuffer, rect: Rect, glyphs: Glyphs) {
        guard !rect.isEmpty else { return }
        buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1))
        var x = buffer.write(prompt, x: rect.x, y: rect.y, style: Style(attributes: .bold), clip: rect)
        let scalars = Array(text.unicodeScalars) + [" "]
        let cursor = min(max(self.cursor, 0), scalars.count - 1)
        let errorText = error.map { "  " + $0 } ?? ""
        let room = max(1, rect.maxX - x - min(TextFitting.width(errorText), max(0, (rect.maxX - x) / 2)))
        // The first scalar shown: enough to keep the cursor inside the room.
        let first = max(0, min(cursor - room + 1, scalars.count - room))
        let shown = scalars[first..<min(scalars.count, first + room)]
        for (offset, scalar) in zip(first..., shown) {
            let style = offset == cursor ? Style(attributes: .reverse) : .plain
            x = buffer.write(String(scalar), x: x, y: rect.y, style: style, clip: rect)
        }
        if !errorText.isEmpty, x < rect.maxX {
            let fitted = TextFitting.truncate(errorText, to: rect.maxX - x, ellipsis: glyphs.ellipsis)
            buffer.write(fitted, x: x, y: rect.y, style: Style(attributes: .bold), clip: rect)
        }
    }
}
