import DescentCore
import DescentRender

/// Draws a ``TrainingState``: a legend (optimizer with L-BFGS's evaluations so far, train loss,
/// val loss, val acc, lr, batch) on top, then the panel `v` chose, a scene's caption, and the
/// status line at the bottom.
///
/// Panels: the curves (train loss and validation loss on log₁₀ axes, validation accuracy on
/// 0…1; side by side from 90 columns, stacked below that), the walk measurements (2×2 charts)
/// and the decision boundaries (``drawBoundaries(_:into:rect:)``: the selected optimizer's net,
/// or every optimizer's as small multiples; 2D data). From
/// ``sideMapMinimumWidth`` columns the boundary also stays on the right of the other panels.
/// `?` replaces the panel with the key list. Below ``ScreenLayout/minimumWidth`` ×
/// ``ScreenLayout/minimumHeight``: only the enlarge message.
public struct TrainingComposer {
    /// The chart titles of the curves panel, left to right (top to bottom); ``LineChart`` marks
    /// the log axes "(log)".
    public static let chartTitles = ["train loss", "validation loss", "validation accuracy"]
    /// The chart titles of the walk panel, row by row.
    public static let walkTitles = ["gradient cosine (consecutive minibatches)", "distance from θ₀",
                                    "height above the valley floor", "sharpness λmax"]
    /// From this width on, 2D data keep their decision boundary beside the curves and walk panels.
    public static let sideMapMinimumWidth = 130

    public let glyphs: Glyphs
    public let hasColors: Bool
    /// The decision regions computed so far (a frame predicts only for nets not drawn yet).
    public let boundaries: BoundaryCache

    public init(glyphs: Glyphs, hasColors: Bool, boundaries: BoundaryCache = BoundaryCache()) {
        self.glyphs = glyphs
        self.hasColors = hasColors
        self.boundaries = boundaries
    }

    /// The `width` × `height` frame of `state`.
    public func compose(_ state: TrainingState, width: Int, height: Int) -> CellBuffer {
        if let tooSmall = ScreenLayout.tooSmallFrame(width: width, height: height) { return tooSmall }
        var buffer = CellBuffer(width: width, height: height)
        let legendRows = min(state.trainers.count + 1, max(2, (height - 1) / 3))
        let parts = Layout.split(buffer.bounds, .vertical, [.fixed(legendRows), .minimum(1), .fixed(1)])
        legend(state).draw(into: &buffer, rect: parts[0], glyphs: glyphs)
        let (panels, caption) = CaptionBox.split(parts[1], title: text(state.setup.title ?? ""),
                                                 bodies: (state.setup.notes.map(\.text) + [state.setup.description ?? ""]).map(text))
        drawPanels(state, into: &buffer, rect: panels)
        if let caption { drawCaption(state, into: &buffer, rect: caption) }
        if let editor = state.editor { editor.line(glyphs: glyphs).draw(into: &buffer, rect: parts[2], glyphs: glyphs) }
        else { status(state).draw(into: &buffer, rect: parts[2], glyphs: glyphs) }
        if state.showsHelp { HelpOverlay.draw(.training, page: state.helpPage, into: &buffer, glyphs: glyphs) }
        return buffer
    }

    private func drawPanels(_ state: TrainingState, into buffer: inout CellBuffer, rect: Rect) {
        var main = rect
        if state.panel == .boundary {
            drawBoundaries(state, into: &buffer, rect: main)
            return
        }
        if state.setup.isPlanar, rect.width >= Self.sideMapMinimumWidth {
            let columns = Layout.split(rect, .horizontal, [.minimum(1), .fraction(0.35)])
            main = columns[0]
            drawBoundaries(state, into: &buffer, rect: columns[1])
        }
        switch state.panel {
        case .curves, .boundary:
            // Side by side from 90 columns; stacked, as many as get a plot (the first ones: the
            // legend shows the validation accuracy of a chart left out).
            let charts = charts(state)
            let direction: Layout.Direction = main.width >= 90 ? .horizontal : .vertical
            let shown = direction == .horizontal ? charts.count : min(charts.count, max(1, main.height / LineChart.minimumHeight))
            let rects = Layout.split(main, direction, Array(repeating: .minimum(1), count: shown))
            for (chart, rect) in zip(charts, rects) { chart.draw(into: &buffer, rect: rect, glyphs: glyphs) }
        case .walk:
            let rows = Layout.split(main, .vertical, [.minimum(1), .minimum(1)])
            let rects = rows.flatMap { Layout.split($0, .horizontal, [.minimum(1), .minimum(1)]) }
            for (chart, rect) in zip(walkCharts(state), rects) { chart.draw(into: &buffer, rect: rect, glyphs: glyphs) }
        }
    }

    func color(_ state: TrainingState, _ index: Int) -> Color {
        guard hasColors else { return .default }
        return state.colors[index]
    }

    /// `text` as the glyph set can show it (ASCII spellings without Unicode).
    func text(_ s: String) -> String { AsciiText.fold(s, for: glyphs) }

    func legend(_ state: TrainingState) -> LegendTable {
        let rows = state.trainers.indices.map { i in
            let last = state.history[i].last?.evaluation
            let trainer = state.trainers[i]
            let label = (i == state.selected ? "> " : "  ") + text(EvaluationCount.label(trainer.label, trainer.optimizer.functionEvaluations))
            let batch = trainer.batchSize >= trainer.sampler.sampleCount ? "full" : String(trainer.batchSize)
            let diverged = trainer.divergedAt.map { " diverged at \($0)" } ?? trainer.failedAt.map { " failed at \($0)" } ?? ""
            let scores: [String] = last.map { [NumberFormat.compact($0.train.loss), NumberFormat.compact($0.validation.loss),
                                               NumberFormat.fixed(100 * $0.validation.accuracy, decimals: 1) + "%"] }
                ?? ["-", "-", "-"]
            let cells = scores + [NumberFormat.compact(trainer.learningRate), batch + diverged]
            return LegendTable.Row(swatch: color(state, i), label: label, cells: cells,
                                   style: i == state.selected ? Style(attributes: .bold) : .plain)
        }
        return LegendTable(labelTitle: "optimizer",
                           columns: ["train loss", "val loss", "val acc", "lr", "batch"].map { LegendTable.Column(title: $0) },
                           rows: rows)
    }

    /// One series per trainer of `value` at every point.
    private func series(_ state: TrainingState, _ value: (TrainingPoint) -> Double) -> [ChartSeries] {
        state.trainers.indices.map { i in
            ChartSeries(label: state.trainers[i].label, values: state.history[i].map(value), color: color(state, i),
                        positions: state.history[i].map(\.epochs))
        }
    }

    func charts(_ state: TrainingState) -> [LineChart] {
        let x = "epoch"
        return [
            LineChart(title: Self.chartTitles[0], series: series(state) { $0.evaluation.train.loss }, yScale: .log10, xLabel: x),
            LineChart(title: Self.chartTitles[1], series: series(state) { $0.evaluation.validation.loss }, yScale: .log10, xLabel: x),
            LineChart(title: Self.chartTitles[2], series: series(state) { $0.evaluation.validation.accuracy }, xLabel: x,
                      fixedYRange: 0...1),
        ]
    }

    /// Gradient cosine (mean since the previous evaluation, on −1…1), distance from θ₀, height
    /// above the valley floor (log) and sharpness, with the barriers crossed in the height title.
    func walkCharts(_ state: TrainingState) -> [LineChart] {
        let x = "epoch"
        let barriers = state.history.map { String($0.last?.barriersCrossed ?? 0) }.joined(separator: ", ")
        return [
            LineChart(title: text(Self.walkTitles[0]), series: series(state) { $0.gradientCosine }, xLabel: x, fixedYRange: -1...1),
            LineChart(title: text(Self.walkTitles[1]), series: series(state) { $0.distanceFromStart }, xLabel: x),
            LineChart(title: text(Self.walkTitles[2]) + " (barriers crossed: \(barriers))", series: series(state) { $0.heightAboveFloor },
                      yScale: .log10, xLabel: x),
            LineChart(title: text(Self.walkTitles[3]), series: series(state) { $0.sharpness }, yScale: .log10, xLabel: x),
        ]
    }

    /// A scene's title and caption (else description) in its box below the panels
    /// (``CaptionBox/split(_:title:bodies:)``).
    private func drawCaption(_ state: TrainingState, into buffer: inout CellBuffer, rect: Rect) {
        CaptionBox.draw(title: text(state.setup.title ?? ""), body: text(state.caption?.text ?? state.setup.description ?? ""),
                        into: &buffer, rect: rect, glyphs: glyphs)
    }

    func status(_ state: TrainingState) -> StatusBar {
        var segments = ["epoch \(state.epoch)" + (state.epochHorizon.map { "/\($0)" } ?? ""), "step \(state.step)",
                        state.isPlaying ? "playing" : "paused", "\(state.stepsPerFrame) steps/frame"]
        if let seed = state.setup.seed { segments.append("seed \(seed)") }
        if let notice = state.notice { segments.append(notice) }
        if let k = state.trainers.firstIndex(where: { $0.failure != nil }), let failure = state.trainers[k].failure, let at = state.trainers[k].failedAt {
            segments.append("\(k + 1) \(state.trainers[k].label) failed at step \(at): \(failure.reason)")
        }
        return StatusBar(segments: segments.map(text),
                         hints: Keymap.hints(in: .training, backToList: state.returnsToList).filter { state.canSwitchView || $0.action != "surface" })
    }
}
