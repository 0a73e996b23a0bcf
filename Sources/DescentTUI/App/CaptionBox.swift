import DescentRender

/// The boxed text the app lays over its plots and charts: a scene's caption (its title in the
/// top edge, the caption wrapped inside) and the help overlay, light text on a dark background.
enum CaptionBox {
    /// Light grey on a dark blue-grey: readable over any heatmap colour.
    static let style = Style(foreground: .rgb(235, 235, 235), background: .rgb(30, 30, 40))

    /// Draws `title` and `body` (already as the glyphs can show them) in a box across the
    /// bottom of `rect`, as tall as the wrapped text but at most a third of `rect` (at least 3
    /// rows; longer text ends in `…`). Nothing when both are empty or `rect` is under 8 wide.
    static func draw(title: String, body: String, into buffer: inout CellBuffer, bottomOf rect: Rect, glyphs: Glyphs) {
        guard !(title.isEmpty && body.isEmpty), rect.width >= 8 else { return }
        let box = TextBox(title: title, text: body, style: style)
        let height = min(box.height(forWidth: rect.width), max(rect.height / 3, 3))
        box.draw(into: &buffer, rect: Rect(x: rect.x, y: rect.maxY - height, width: rect.width, height: height), glyphs: glyphs)
    }
}
