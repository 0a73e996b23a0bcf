import DescentRender

/// Draws the lesson list: a title and where the lessons came from (or where they were looked for), one row per lesson (the
/// selected one reversed, a broken file marked), and beside the list — from
/// ``sideBySideMinimumWidth`` columns — the selected lesson's description (or its error) above
/// a small preview of its first frame; narrower, the description goes below the list. The key
/// hints and any notice are on the bottom row.
public struct LessonListView {
    /// From this width on, the description and the preview stand beside the list.
    public static let sideBySideMinimumWidth = 80
    /// The largest preview, in cells.
    static let previewMaximum = (width: 84, height: 26)
    /// The marker of a lesson whose scene file does not load.
    static let brokenMarker = "✖ "

    let surface: FrameComposer
    let training: TrainingComposer
    var glyphs: Glyphs { surface.glyphs }

    public init(surface: FrameComposer, training: TrainingComposer) {
        self.surface = surface
        self.training = training
    }

    public func compose(_ list: LessonList, width: Int, height: Int) -> CellBuffer {
        if let tooSmall = ScreenLayout.tooSmallFrame(width: width, height: height) { return tooSmall }
        var buffer = CellBuffer(width: width, height: height)
        let inner = Rect(x: 2, y: 1, width: width - 4, height: height - 2)
        buffer.write("descent: choose a lesson", x: inner.x, y: inner.y, style: Style(attributes: .bold), clip: inner)
        if let source = list.source {
            buffer.write(text(TextFitting.truncate(source, to: inner.width, ellipsis: glyphs.ellipsis)), x: inner.x, y: inner.y + 1,
                         style: Style(attributes: .dim), clip: inner)
        }
        let body = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 4)
        if width >= Self.sideBySideMinimumWidth {
            let listWidth = min(max(inner.width * 2 / 5, 30), 48)
            let columns = Layout.split(body, .horizontal, [.fixed(listWidth), .fixed(2), .minimum(1)])
            drawRows(list, into: &buffer, rect: columns[0])
            drawDetails(list, into: &buffer, rect: columns[2], preview: true)
        } else {
            let descriptionRows = max(3, min(8, body.height / 3))
            let parts = Layout.split(body, .vertical, [.minimum(1), .fixed(1), .fixed(descriptionRows)])
            drawRows(list, into: &buffer, rect: parts[0])
            drawDetails(list, into: &buffer, rect: parts[2], preview: false)
        }
        let footer = list.notice.map { text("! " + $0) }
            ?? Keymap.hints(in: .lessons).map { text("\($0.key) \($0.action)") }.joined(separator: "   ")
        buffer.write(TextFitting.truncate(footer, to: inner.width, ellipsis: glyphs.ellipsis), x: inner.x, y: inner.maxY - 1,
                     style: list.notice == nil ? .plain : Style(attributes: .bold), clip: inner)
        if list.showsHelp { HelpOverlay.draw(.lessons, page: list.helpPage, into: &buffer, glyphs: glyphs) }
        return buffer
    }

    private func text(_ s: String) -> String { AsciiText.fold(s, for: glyphs) }

    private func drawRows(_ list: LessonList, into buffer: inout CellBuffer, rect: Rect) {
        guard rect.height > 0 else { return }
        let rows = rect.height
        let first = min(max(0, list.selected - rows + 1), max(0, list.lessons.count - rows))
        for (row, k) in (first..<min(list.lessons.count, first + rows)).enumerated() {
            let lesson = list.lessons[k]
            let selected = k == list.selected
            let marker = lesson.problem == nil ? "" : Self.brokenMarker
            let line = TextFitting.pad(text((selected ? "▸ " : "  ") + marker + lesson.title), to: rect.width, ellipsis: glyphs.ellipsis)
            var attributes: CellAttributes = selected ? .reverse : []
            if lesson.problem != nil { attributes.insert(.dim) }
            buffer.write(line, x: rect.x, y: rect.y + row, style: Style(attributes: attributes), clip: rect)
        }
    }

    /// The selected lesson's description (or its error), and under it the preview of its first
    /// frame when there is room.
    private func drawDetails(_ list: LessonList, into buffer: inout CellBuffer, rect: Rect, preview: Bool) {
        guard let lesson = list.current, rect.width > 0, rect.height > 0 else { return }
        let message = lesson.problem.map { "This scene file does not load:\n" + $0 } ?? lesson.description
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { TextFitting.wrap(text(String($0)), width: rect.width) }
        let textRows = preview ? min(lines.count, max(2, rect.height / 3)) : rect.height
        for (row, line) in lines.prefix(textRows).enumerated() {
            buffer.write(line, x: rect.x, y: rect.y + row, style: Style(attributes: lesson.problem == nil ? .dim : .bold), clip: rect)
        }
        guard preview, lesson.problem == nil else { return }
        let area = Rect(x: rect.x, y: rect.y + textRows + 1, width: min(rect.width, Self.previewMaximum.width),
                        height: min(rect.height - textRows - 1, Self.previewMaximum.height))
        guard area.height >= 6, area.width >= 20 else { return }
        guard let screens = list.preview?.index == list.selected ? list.preview?.screens : nil else {
            buffer.write(text("…"), x: area.x, y: area.y, style: Style(attributes: .dim), clip: area)
            return
        }
        guard let frame = previewFrame(screens, width: area.width, height: area.height) else { return }
        buffer.paste(frame, x: area.x, y: area.y)
    }

    /// The first frame of a lesson at `width` × `height`: the surface plot alone (a race or a
    /// cloud), else the training view, which needs the whole smallest screen
    /// (``ScreenLayout/minimumWidth`` × ``ScreenLayout/minimumHeight``): below it there is no
    /// preview (nil) rather than a "terminal too small" message for a terminal that is not.
    func previewFrame(_ screens: LessonScreens, width: Int, height: Int) -> CellBuffer? {
        if var state = screens.surface {
            state.resize(width: width, height: height)
            return surface.composePlot(state)
        }
        if var state = screens.cloud {
            state.resize(width: width, height: height)
            return surface.composePlot(state)
        }
        guard let state = screens.training, width >= ScreenLayout.minimumWidth, height >= ScreenLayout.minimumHeight else { return nil }
        return training.compose(state, width: width, height: height)
    }
}
