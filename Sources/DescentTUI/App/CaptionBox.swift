import DescentRender

/// The boxed text the app lays over its plots and charts: a scene's caption (its title in the
/// top edge, the caption wrapped inside) and the help overlay, light text on a dark background.
enum CaptionBox {
    /// Light grey on a dark blue-grey: readable over any heatmap colour.
    static let style = Style(foreground: .rgb(235, 235, 235), background: .rgb(30, 30, 40))

    /// `rect` split into the part above a caption box and the box across its bottom, for
    /// `title` with any of `bodies` (already as the glyphs can show them): as tall as the longest
    /// wrapped text but at most a third of `rect` (at least 3 rows), the same for every body so
    /// that the plots and charts above keep their size (and their x axes) as captions change.
    /// No box when the title and all bodies are empty or `rect` is under 8 wide.
    static func split(_ rect: Rect, title: String, bodies: [String]) -> (above: Rect, caption: Rect?) {
        let texts = bodies.filter { !$0.isEmpty }
        guard !(title.isEmpty && texts.isEmpty), rect.width >= 8 else { return (rect, nil) }
        let tallest = (texts.isEmpty ? [""] : texts).map { TextBox(title: title, text: $0).height(forWidth: rect.width) }.max() ?? 0
        let height = min(tallest, max(rect.height / 3, 3), rect.height)
        return (Rect(x: rect.x, y: rect.y, width: rect.width, height: rect.height - height),
                Rect(x: rect.x, y: rect.maxY - height, width: rect.width, height: height))
    }

    /// Draws `title` and `body` (already as the glyphs can show them) in a box filling `rect`
    /// (text beyond it ends in `…`). Nothing when both are empty.
    static func draw(title: String, body: String, into buffer: inout CellBuffer, rect: Rect, glyphs: Glyphs) {
        guard !(title.isEmpty && body.isEmpty), !rect.isEmpty else { return }
        TextBox(title: title, text: body, style: style).draw(into: &buffer, rect: rect, glyphs: glyphs)
    }
}
