import DescentCore
import DescentRender

/// Draws a ``TrainingState``: a legend (optimizer, train loss, val loss, val acc, lr) on top,
/// then three charts against the evaluation count — train loss and validation loss on log₁₀
/// axes, validation accuracy on 0…1 — side by side from 90 columns, stacked below that, and
/// the status line at the bottom. `?` replaces the charts with the key list. Below
/// ``ScreenLayout/minimumWidth`` × ``ScreenLayout/minimumHeight``: only the enlarge message.
public struct TrainingComposer: Sendable {
    /// The chart titles, left to right (top to bottom); ``LineChart`` marks the log axes "(log)".
    public static let chartTitles = ["train loss", "validation loss", "validation accuracy"]

    public let glyphs: Glyphs
    public let hasColors: Bool

    public init(glyphs: Glyphs, hasColors: Bool) {
        self.glyphs = glyphs
        self.hasColors = hasColors
    }

    /// The `width` × `height` frame of `state`.
    public func compose(_ state: TrainingState, width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: max(0, width), height: max(0, height))
        guard width >= ScreenLayout.minimumWidth, height >= ScreenLayout.minimumHeight else {
            ScreenLayout.drawTooSmall(into: &buffer)
            return buffer
        }
        let legendRows = min(state.trainers.count + 1, max(2, (height - 1) / 3))
        let parts = Layout.split(buffer.bounds, .vertical, [.fixed(legendRows), .minimum(1), .fixed(1)])
        legend(state).draw(into: &buffer, rect: parts[0], glyphs: glyphs)
        if state.showsHelp {
            drawHelp(into: &buffer, rect: parts[1])
        } else {
            let direction: Layout.Direction = width >= 90 ? .horizontal : .vertical
            let rects = Layout.split(parts[1], direction, [.minimum(1), .minimum(1), .minimum(1)])
            for (chart, rect) in zip(charts(state), rects) { chart.draw(into: &buffer, rect: rect, glyphs: glyphs) }
        }
        status(state).draw(into: &buffer, rect: parts[2], glyphs: glyphs)
        return buffer
    }

    private func color(_ index: Int) -> Color { hasColors ? Palette.okabeIto[index] : .default }

    func legend(_ state: TrainingState) -> LegendTable {
        let rows = state.trainers.indices.map { i in
            let last = state.history[i].last
            let trainer = state.trainers[i]
            let label = (i == state.selected ? "> " : "  ") + trainer.label
            let cells = [last.map { NumberFormat.compact($0.train.loss) } ?? "-",
                         last.map { NumberFormat.compact($0.validation.loss) } ?? "-",
                         last.map { NumberFormat.fixed(100 * $0.validation.accuracy, decimals: 1) + "%" } ?? "-",
                         NumberFormat.compact(trainer.learningRate)
                         + (trainer.divergedAt.map { " diverged at \($0)" } ?? "")]
            return LegendTable.Row(swatch: color(i), label: label, cells: cells,
                                   style: i == state.selected ? Style(attributes: .bold) : .plain)
        }
        return LegendTable(labelTitle: "optimizer",
                           columns: ["train loss", "val loss", "val acc", "lr"].map { LegendTable.Column(title: $0) },
                           rows: rows)
    }

    func charts(_ state: TrainingState) -> [LineChart] {
        func series(_ value: (Evaluation) -> Double) -> [ChartSeries] {
            state.trainers.indices.map { i in
                ChartSeries(label: state.trainers[i].label, values: state.history[i].map(value), color: color(i))
            }
        }
        let x = "evaluation (every \(state.evaluateEvery) steps)"
        return [
            LineChart(title: Self.chartTitles[0], series: series { $0.train.loss }, yScale: .log10, xLabel: x),
            LineChart(title: Self.chartTitles[1], series: series { $0.validation.loss }, yScale: .log10, xLabel: x),
            LineChart(title: Self.chartTitles[2], series: series { $0.validation.accuracy }, xLabel: x, fixedYRange: 0...1),
        ]
    }

    func status(_ state: TrainingState) -> StatusBar {
        StatusBar(segments: ["epoch \(state.epoch)", "step \(state.step)", state.isPlaying ? "playing" : "paused",
                             "\(state.stepsPerFrame) steps/frame"],
                  hints: TrainingKeymap.bindings.compactMap(\.hint))
    }

    private func drawHelp(into buffer: inout CellBuffer, rect: Rect) {
        buffer.fill(rect)
        let labelWidth = TrainingKeymap.bindings.map { TextFitting.width($0.label) }.max() ?? 0
        let lines = ["Keys"] + TrainingKeymap.bindings.map {
            "  " + TextFitting.pad($0.label, to: labelWidth, ellipsis: glyphs.ellipsis) + "  " + $0.summary
        }
        for (k, line) in lines.enumerated() where k < rect.height {
            buffer.write(line, x: rect.x, y: rect.y + k, style: k == 0 ? Style(attributes: .bold) : .plain, clip: rect)
        }
    }
}
