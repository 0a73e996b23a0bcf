import DescentRender

/// Draws the picker: a title, one row per entry (its title, the highlighted one reversed), the
/// highlighted entry's description wrapped below, and the key hint at the bottom.
public struct PickerView {
    public let glyphs: Glyphs

    public init(glyphs: Glyphs) { self.glyphs = glyphs }

    public func compose(_ state: PickerState) -> CellBuffer {
        var buffer = CellBuffer(width: state.width, height: state.height)
        guard state.width >= ScreenLayout.minimumWidth, state.height >= ScreenLayout.minimumHeight else {
            ScreenLayout.drawTooSmall(into: &buffer)
            return buffer
        }
        func text(_ s: String) -> String { AsciiText.fold(s, for: glyphs) }
        let inner = Rect(x: 2, y: 1, width: state.width - 4, height: state.height - 2)
        buffer.write("descent: choose a lesson", x: inner.x, y: inner.y, style: Style(attributes: .bold), clip: inner)
        let descriptionRows = max(3, min(8, inner.height / 3))
        let listTop = inner.y + 2
        let listRows = max(1, inner.height - 2 - descriptionRows - 2)
        let first = min(max(0, state.selected - listRows + 1), max(0, state.entries.count - listRows))
        for (row, k) in (first..<min(state.entries.count, first + listRows)).enumerated() {
            let selected = k == state.selected
            let line = TextFitting.pad(text((selected ? "▸ " : "  ") + state.entries[k].title), to: inner.width,
                                       ellipsis: glyphs.ellipsis)
            buffer.write(line, x: inner.x, y: listTop + row, style: Style(attributes: selected ? .reverse : []), clip: inner)
        }
        if let entry = state.entries.indices.contains(state.selected) ? state.entries[state.selected] : nil {
            let top = listTop + listRows + 1
            let lines = TextFitting.wrap(text(entry.description), width: inner.width)
            for (row, line) in lines.prefix(descriptionRows).enumerated() {
                buffer.write(line, x: inner.x, y: top + row, style: Style(attributes: .dim), clip: inner)
            }
        }
        buffer.write(TextFitting.truncate(text(PickerKeymap.hint), to: inner.width, ellipsis: glyphs.ellipsis),
                     x: inner.x, y: inner.maxY - 1, clip: inner)
        return buffer
    }
}
