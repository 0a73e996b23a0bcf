import DescentCore
import DescentRender

/// Draws an ``SurfaceState`` into a ``CellBuffer`` with the DescentRender widgets: plot panels,
/// legend, leaderboard, step inspector, charts, status line and the help overlay. Pure apart
/// from the ``FieldCache`` it samples views into.
public struct FrameComposer {
    public let glyphs: Glyphs
    /// Whether the output shows colours. Without them the heatmap (colour in half blocks) is
    /// never drawn: the plot shows iso-lines only.
    public let hasColors: Bool
    public let cache: FieldCache

    /// A composer drawing with `glyphs` (``Glyphs/ascii`` for plain-ASCII output).
    public init(glyphs: Glyphs, hasColors: Bool = true, cache: FieldCache = FieldCache()) {
        self.glyphs = glyphs
        self.hasColors = hasColors
        self.cache = cache
    }

    /// Text as the glyph set can show it.
    func text(_ s: String) -> String { AsciiText.fold(s, for: glyphs) }

    /// The frame for `state` at its screen size.
    public func compose(_ state: SurfaceState) -> CellBuffer {
        var buffer = CellBuffer(width: state.width, height: state.height)
        let layout = PlotGeometry.layout(state)
        guard layout.arrangement != .tooSmall else {
            ScreenLayout.drawTooSmall(into: &buffer)
            return buffer
        }
        for panel in PlotGeometry.panels(state, layout: layout) { drawPanel(panel, state: state, into: &buffer) }
        drawCaption(state, into: &buffer, plot: layout.plot)
        if let rect = layout.legend {
            let table = state.escape.map { cloudLegend($0, state: state) } ?? legend(state, width: rect.width)
            table.draw(into: &buffer, rect: rect, glyphs: glyphs)
        }
        if let rect = layout.leaderboard { drawLeaderboard(state, into: &buffer, rect: rect) }
        if let rect = layout.inspector {
            if let escape = state.escape {
                drawCloudInspector(escape, state: state, into: &buffer, rect: rect)
            } else {
                drawInspector(state, into: &buffer, rect: rect)
            }
        }
        for (rect, chart) in zip(layout.charts, charts(state)) { chart.draw(into: &buffer, rect: rect, glyphs: glyphs) }
        if let rect = layout.status { statusBar(state).draw(into: &buffer, rect: rect, glyphs: glyphs) }
        if state.showsHelp { HelpOverlay.draw(state.context, page: state.helpPage, into: &buffer, glyphs: glyphs) }
        return buffer
    }

    /// The plot panels of `state` filling its whole screen size (no legend, charts or status):
    /// the lesson list's preview.
    public func composePlot(_ state: SurfaceState) -> CellBuffer {
        var buffer = CellBuffer(width: state.width, height: state.height)
        let layout = AppLayout(arrangement: .plotOnly, plot: buffer.bounds, legend: nil, leaderboard: nil, inspector: nil,
                               charts: [], status: nil)
        for panel in PlotGeometry.panels(state, layout: layout) { drawPanel(panel, state: state, into: &buffer) }
        return buffer
    }

    // MARK: - Plot

    private func drawPanel(_ panel: PlotPanel, state: SurfaceState, into buffer: inout CellBuffer) {
        if let lane = panel.titleLane {
            let selected = lane == state.selected
            let title = (selected ? "▸" : " ") + "\(lane + 1) " + state.lanes[lane].label
            buffer.write(text(TextFitting.truncate(title, to: panel.rect.width - 1, ellipsis: glyphs.ellipsis)),
                         x: panel.rect.x, y: panel.rect.y,
                         style: Style(foreground: state.lanes[lane].color, attributes: selected ? .bold : []))
        }
        let showsHeatmap = state.showsHeatmap && hasColors
        // Without colours a cloud's dots could not be told from iso-lines: a cloud shows none then.
        let showsContours = state.showsContours && (hasColors || state.escape == nil)
        let wantsLayers = showsHeatmap || showsContours
        let layers = wantsLayers ? cache.layers(for: state.surface, viewport: panel.localViewport) : nil
        let model = PlotModel(
            viewBox: panel.box, layers: layers, showsHeatmap: showsHeatmap, showsContours: showsContours,
            contourColor: showsHeatmap ? .rgb(200, 200, 200) : .rgb(140, 140, 140),
            criticalPoints: state.surface.criticalPoints,
            trajectories: state.escape.map { cloudOverlays($0, state: state, lanes: panel.lanes) }
                ?? panel.lanes.map { trajectory(state.lanes[$0], index: $0, state: state) },
            arrows: state.escape == nil && panel.lanes.contains(state.selected) ? arrows(state, box: panel.box) : [],
            cursor: state.cursor, boldTrails: state.boldTrails)
        var local = CellBuffer(width: panel.plotRect.width, height: panel.plotRect.height)
        PlotWidget.draw(model, into: &local, rect: local.bounds, glyphs: glyphs)
        buffer.paste(local, x: panel.plotRect.x, y: panel.plotRect.y)
    }

    /// At most this many points of a trail are drawn (evenly thinned beyond it).
    static let maximumTrailPoints = 4000

    private func trajectory(_ lane: Lane, index: Int, state: SurfaceState) -> TrajectoryOverlay {
        let last = lane.shownStep(state.step)
        var points: [PlanePoint] = []
        if last >= 0 {
            let first = state.showsTrails ? 0 : last
            let stride = max(1, (last - first + 1) / Self.maximumTrailPoints)
            for k in Swift.stride(from: first, through: last, by: stride) { points.append(lane.run.planePoint(k)) }
            if (last - first) % stride != 0 { points.append(lane.run.planePoint(last)) }
        }
        let diverged = lane.hasDiverged(by: state.step) ? lane.run.divergedAt : nil
        return TrajectoryOverlay(points: points, color: lane.color, divergedAtStep: diverged, style: .lane(index))
    }

    private func arrows(_ state: SurfaceState, box: ViewBox) -> [ArrowOverlay] {
        guard state.lanes.indices.contains(state.selected), !state.lanes[state.selected].isHidden,
              state.step < state.lanes[state.selected].run.count,
              let anatomy = StepAnatomy(run: state.lanes[state.selected].run, step: state.step) else { return [] }
        let size = min(box.x.upperBound - box.x.lowerBound, box.y.upperBound - box.y.lowerBound)
        return anatomy.arrows(length: 0.08 * size)
    }

    // MARK: - Charts

    private func charts(_ state: SurfaceState) -> [LineChart] {
        if let escape = state.escape { return cloudCharts(escape, state: state) }
        func series(_ values: (Run) -> [Double]) -> [ChartSeries] {
            state.visibleLanes.map { index, lane in
                let last = lane.shownStep(state.step)
                let all = values(lane.run)
                return ChartSeries(label: lane.label, values: last >= 0 ? Array(all[0...last]) : [], color: lane.color,
                                   mark: TrailStyle.lane(index).mark)
            }
        }
        return [LineChart(title: "loss f(x)", series: series(\.losses), yScale: .log10),
                LineChart(title: text("gradient norm ‖∇f‖"), series: series(\.gradientNorms), yScale: .log10)]
    }
}

extension Run {
    /// Point k as a plane point.
    func planePoint(_ k: Int) -> PlanePoint {
        let p = point(k)
        return PlanePoint(x: p[0], y: p.count > 1 ? p[1] : 0)
    }
}

extension CellBuffer {
    /// Copies `other` with its top-left corner at (x, y); cells falling outside are dropped.
    mutating func paste(_ other: CellBuffer, x: Int, y: Int) {
        for row in 0..<other.height {
            for column in 0..<other.width { self[x + column, y + row] = other[column, row] }
        }
    }
}
