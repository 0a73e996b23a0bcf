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
    public func compose(_ state: SurfaceState) -> CellBuffer { composeScreen(state, parts(state)) }

    /// The plot panels of `state` filling its whole screen size (no legend, charts or status):
    /// the lesson list's preview.
    public func composePlot(_ state: SurfaceState) -> CellBuffer { composePlotOnly(state, parts(state)) }

    /// What the race draws in the shared frame: its trails, the selected run's step arrows, its
    /// legend, leaderboard, step inspector and the loss and gradient-norm charts.
    private func parts(_ state: SurfaceState) -> PlotScreenParts {
        PlotScreenParts(
            overlays: { panel in
                panel.lanes.flatMap { workerTrails(state.lanes[$0], state: state) }
                    + panel.lanes.map { trajectory(state.lanes[$0], index: $0, state: state) }
            },
            arrows: { panel in panel.lanes.contains(state.selected) ? arrows(state, box: panel.box) : [] },
            legend: { width in legend(state, width: width) },
            leaderboard: { buffer, rect in drawLeaderboard(state, into: &buffer, rect: rect) },
            inspector: { buffer, rect in drawInspector(state, into: &buffer, rect: rect) },
            charts: { charts(state) },
            editLine: state.editor?.line(glyphs: glyphs))
    }

    /// About this many points of a trail are drawn at most (see ``trailPoints(_:from:through:budget:)``).
    static let maximumTrailPoints = 2000

    /// The trail of `lane` from the start (or its head alone with trails off) to the shown
    /// step, through the entries its history keeps.
    func trajectory(_ lane: Lane, index: Int, state: SurfaceState) -> TrajectoryOverlay {
        var points: [PlanePoint] = []
        if let last = lane.shownEntry(state.step) {
            points = Self.trailPoints(lane.run, from: state.showsTrails ? 0 : last, through: last, budget: Self.maximumTrailPoints)
        }
        let diverged = lane.hasDiverged(by: state.step) ? lane.run.divergedAt : nil
        return TrajectoryOverlay(points: points, color: lane.color, divergedAtStep: diverged, style: .lane(index))
    }

    /// The entries of a run's history a trail through entry `last` draws: all of them from 0
    /// (`whole`) or only the last, evenly thinned to at most ``maximumTrailPoints`` and always
    /// ending at `last`.
    static func trailSteps(through last: Int, whole: Bool) -> [Int] {
        guard last >= 0 else { return [] }
        let first = whole ? 0 : last
        let stride = max(1, (last - first + 1) / maximumTrailPoints)
        var steps = Array(Swift.stride(from: first, through: last, by: stride))
        if (last - first) % stride != 0 { steps.append(last) }
        return steps
    }

    /// The points of entries `first`…`last` of `run` for a trail of at most `budget` points:
    /// all of them when there are no more; else, of each stretch of ⌈n / (budget/4)⌉ entries,
    /// those with the least and greatest x and y, in order — so that a zigzag keeps its extent
    /// however much it is thinned — and the last entry always.
    static func trailPoints(_ run: Run, from first: Int, through last: Int, budget: Int) -> [PlanePoint] {
        func point(_ k: Int) -> PlanePoint { run.planePoint(k) }
        let n = last - first + 1
        guard n > max(budget, 4) else { return (first...last).map(point) }
        let stretch = (n + budget / 4 - 1) / (budget / 4)
        var points: [PlanePoint] = []
        points.reserveCapacity(budget + 1)
        var start = first
        while start <= last {
            let end = min(start + stretch - 1, last)
            var extremes = (start, start, start, start)  // least x, greatest x, least y, greatest y
            for k in start...end {
                let p = point(k)
                if p.x < point(extremes.0).x { extremes.0 = k }
                if p.x > point(extremes.1).x { extremes.1 = k }
                if p.y < point(extremes.2).y { extremes.2 = k }
                if p.y > point(extremes.3).y { extremes.3 = k }
            }
            var previous = -1
            for k in [extremes.0, extremes.1, extremes.2, extremes.3].sorted() where k != previous {
                points.append(point(k))
                previous = k
            }
            start = end + 1
        }
        if points.last != point(last) { points.append(point(last)) }
        return points
    }

    private func arrows(_ state: SurfaceState, box: ViewBox) -> [ArrowOverlay] {
        guard state.lanes.indices.contains(state.selected), !state.lanes[state.selected].isHidden,
              let anatomy = StepAnatomy(run: state.lanes[state.selected].run, step: state.step) else { return [] }
        let size = min(box.x.upperBound - box.x.lowerBound, box.y.upperBound - box.y.lowerBound)
        return anatomy.arrows(length: 0.08 * size)
    }

    // MARK: - Charts

    func charts(_ state: SurfaceState) -> [LineChart] {
        // The run's own arrays, up to the shown entry: no copy, whatever the history's length.
        func series(_ values: (Run) -> [Double]) -> [ChartSeries] {
            state.visibleLanes.map { index, lane in
                let shown = lane.shownEntry(state.step).map { $0 + 1 } ?? 0
                return ChartSeries(label: lane.label, values: values(lane.run), count: shown, color: lane.color,
                                   steps: lane.run.history.window == nil ? nil : lane.run.keptSteps,
                                   mark: TrailStyle.lane(index).mark)
            }
        }
        return [LineChart(title: "loss f(x)", series: series(\.losses), yScale: .log10),
                LineChart(title: text("gradient norm ‖∇f‖"), series: series(\.gradientNorms), yScale: .log10)]
    }
}

extension Run {
    /// The point of entry k as a plane point (y = 0 for one coordinate), read in place.
    func planePoint(_ k: Int) -> PlanePoint {
        PlanePoint(x: points[k * dimension], y: dimension > 1 ? points[k * dimension + 1] : 0)
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
