import DescentCore
import DescentRender

/// What a plot screen draws in the frame every plot screen shares (``FrameComposer/composeScreen(_:_:)``):
/// the overlays of a panel, the arrows, the legend, the leaderboard's place, the inspector's
/// place and the charts.
struct PlotScreenParts {
    /// The overlays drawn on a panel (trails, dots), last on top.
    var overlays: (PlotPanel) -> [TrajectoryOverlay]
    /// The arrows drawn on a panel.
    var arrows: (PlotPanel) -> [ArrowOverlay] = { _ in [] }
    /// Whether iso-lines are drawn without colours (a cloud's dots could not be told from them).
    var contoursWithoutColors = true
    /// The legend for a side panel `width` columns wide.
    var legend: (Int) -> LegendTable
    var leaderboard: (inout CellBuffer, Rect) -> Void
    var inspector: (inout CellBuffer, Rect) -> Void
    var charts: () -> [LineChart]
    /// The open spec editor's line, drawn in place of the status line (nil: the status line).
    var editLine: EditLine? = nil
}

extension FrameComposer {
    /// The frame of a plot screen at its screen size: the panels, the caption, the legend, the
    /// leaderboard, the inspector, the charts, the status line and the help overlay.
    func composeScreen(_ state: some PlotScreen, _ parts: PlotScreenParts) -> CellBuffer {
        let controls = state.controls
        var buffer = CellBuffer(width: controls.width, height: controls.height)
        let layout = PlotGeometry.layout(state)
        guard layout.arrangement != .tooSmall else {
            ScreenLayout.drawTooSmall(into: &buffer)
            return buffer
        }
        for panel in PlotGeometry.panels(state, layout: layout) { drawPanel(panel, state: state, parts, into: &buffer) }
        if let rect = layout.caption { drawCaption(state, into: &buffer, rect: rect) }
        if let rect = layout.legend { parts.legend(rect.width).draw(into: &buffer, rect: rect, glyphs: glyphs) }
        if let rect = layout.leaderboard { parts.leaderboard(&buffer, rect) }
        if let rect = layout.inspector { parts.inspector(&buffer, rect) }
        if !layout.charts.isEmpty {
            for (rect, chart) in zip(layout.charts, parts.charts()) { chart.draw(into: &buffer, rect: rect, glyphs: glyphs) }
        }
        if let rect = layout.status {
            if let line = parts.editLine { line.draw(into: &buffer, rect: rect, glyphs: glyphs) }
            else { statusBar(state).draw(into: &buffer, rect: rect, glyphs: glyphs) }
        }
        if controls.showsHelp { HelpOverlay.draw(state.context, page: controls.helpPage, into: &buffer, glyphs: glyphs) }
        return buffer
    }

    /// The plot panels of a plot screen filling its whole screen size (no legend, charts or
    /// status): the lesson list's preview.
    func composePlotOnly(_ state: some PlotScreen, _ parts: PlotScreenParts) -> CellBuffer {
        var buffer = CellBuffer(width: state.controls.width, height: state.controls.height)
        let layout = AppLayout(arrangement: .plotOnly, plot: buffer.bounds, legend: nil, leaderboard: nil, inspector: nil,
                               charts: [], status: nil)
        for panel in PlotGeometry.panels(state, layout: layout) { drawPanel(panel, state: state, parts, into: &buffer) }
        return buffer
    }

    /// One panel: its title (grid mode), then the plot with the heatmap, iso-lines, critical
    /// points, the screen's overlays and arrows, and the cursor.
    private func drawPanel(_ panel: PlotPanel, state: some PlotScreen, _ parts: PlotScreenParts, into buffer: inout CellBuffer) {
        let controls = state.controls
        if let lane = panel.titleLane {
            let selected = lane == controls.selected
            let title = (selected ? "▸" : " ") + "\(lane + 1) " + state.styles[lane].label
            buffer.write(text(TextFitting.truncate(title, to: panel.rect.width - 1, ellipsis: glyphs.ellipsis)),
                         x: panel.rect.x, y: panel.rect.y,
                         style: Style(foreground: state.styles[lane].color, attributes: selected ? .bold : []))
        }
        let showsHeatmap = controls.showsHeatmap && hasColors
        let showsContours = controls.showsContours && (hasColors || parts.contoursWithoutColors)
        let wantsLayers = showsHeatmap || showsContours
        let layers = wantsLayers ? cache.layers(for: state.surface, viewport: panel.localViewport) : nil
        let model = PlotModel(
            viewBox: panel.box, layers: layers, showsHeatmap: showsHeatmap, showsContours: showsContours,
            contourColor: showsHeatmap ? .rgb(200, 200, 200) : .rgb(140, 140, 140),
            criticalPoints: state.surface.criticalPoints,
            trajectories: parts.overlays(panel), arrows: parts.arrows(panel),
            cursor: controls.cursor, boldTrails: controls.boldTrails)
        var local = CellBuffer(width: panel.plotRect.width, height: panel.plotRect.height)
        PlotWidget.draw(model, into: &local, rect: local.bounds, glyphs: glyphs)
        buffer.paste(local, x: panel.plotRect.x, y: panel.plotRect.y)
    }

    /// The status line: play state, step and horizon, speed, the seed of a simulation with
    /// randomness, a notice or the cursor readout, then key hints.
    func statusBar(_ state: some PlotScreen) -> StatusBar {
        let controls = state.controls
        var segments = [
            controls.isPlaying ? "▶ playing" : "▮▮ paused",
            "step \(controls.step)/\(controls.horizon)",
            PlaybackSpeed.label(controls.stepsPerSecond),
        ]
        if let seed = state.setup.seed { segments.append("seed \(seed)") }
        if let notice = controls.notice { segments.append(notice) }
        if let failure = state.failureNotice { segments.append(failure) }
        if let cursor = controls.cursor { segments.append(readout(state.surface, at: cursor)) }
        if controls.layoutMode == .grid { segments.append("grid") }
        return StatusBar(segments: segments.map(text),
                         hints: Keymap.hints(in: state.context, backToList: controls.returnsToList)
                            .map { StatusBar.Hint(key: text($0.key), action: $0.action, isEssential: $0.isEssential) })
    }

    /// The caption box below the plot (`rect`, see ``PlotGeometry/layout(_:)``): the title in
    /// its top edge (a scene's), and the caption at the shown step (else the description),
    /// wrapped (longer text ends in `…`).
    func drawCaption(_ state: some PlotScreen, into buffer: inout CellBuffer, rect: Rect) {
        CaptionBox.draw(title: text(state.setup.title ?? ""), body: text(state.caption?.text ?? state.setup.description ?? ""),
                        into: &buffer, rect: rect, glyphs: glyphs)
    }

    /// "x 1.23 y 0.45 f 2.31 ∇f (0.12, -3.4)" at point p.
    func readout(_ surface: Surface, at p: PlanePoint) -> String {
        let d = surface.valueAndGradient(p.x, p.y)
        func n(_ v: Double) -> String { NumberFormat.compact(v) }
        return "x \(n(p.x)) y \(n(p.y)) f \(n(d.value)) ∇f (\(n(d.dx)), \(n(d.dy)))"
    }
}
