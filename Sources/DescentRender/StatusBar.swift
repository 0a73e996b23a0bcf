/// The one-line status bar: text segments on the left, key hints on the right.
///
/// When the line is too narrow, hints are dropped from the last one backwards, the essential
/// ones (`? help`, `q quit`) last; when even the segments alone do not fit, they are cut with `…`.
public struct StatusBar: Sendable {
    /// A key and what it does, shown as `key action`.
    public struct Hint: Sendable, Equatable {
        public var key: String
        public var action: String
        /// Kept while any other hint can go (how to get help and how to quit).
        public var isEssential: Bool

        public init(key: String, action: String, isEssential: Bool = false) {
            self.key = key
            self.action = action
            self.isEssential = isEssential
        }
    }

    public var segments: [String]
    public var hints: [Hint]
    public var style: Style

    public init(segments: [String], hints: [Hint] = [], style: Style = Style(attributes: .reverse)) {
        self.segments = segments
        self.hints = hints
        self.style = style
    }

    /// The line as text, exactly `width` cells wide.
    public func text(width: Int, glyphs: Glyphs) -> String {
        guard width > 0 else { return "" }
        let separator = " \(glyphs.vertical) "
        let left = " " + segments.joined(separator: separator)
        var shown = hints
        func right() -> String { shown.map { "\($0.key) \($0.action)" }.joined(separator: "  ") + " " }
        // Non-essential hints go first; the essential ones stay while the segments can be cut
        // to make room (keeping at least a third of the line).
        while !shown.isEmpty, TextFitting.width(left) + 1 + TextFitting.width(right()) > width {
            guard let last = shown.lastIndex(where: { !$0.isEssential }) else {
                if TextFitting.width(right()) + 1 <= 2 * width / 3 { break }
                shown.removeLast()
                continue
            }
            shown.remove(at: last)
        }
        guard !shown.isEmpty else { return TextFitting.pad(left, to: width, ellipsis: glyphs.ellipsis) }
        let r = right()
        return TextFitting.pad(left, to: width - TextFitting.width(r), ellipsis: glyphs.ellipsis) + r
    }

    /// Draws the bar in the first row of `rect`.
    public func draw(into buffer: inout CellBuffer, rect: Rect, glyphs: Glyphs) {
        guard !rect.isEmpty else { return }
        buffer.write(text(width: rect.width, glyphs: glyphs), x: rect.x, y: rect.y, style: style, clip: rect)
    }
}
