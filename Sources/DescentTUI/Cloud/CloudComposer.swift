import DescentCore
import DescentRender

/// How the cloud screen (``CloudState``, random-init saddle escape) is drawn, in the frame every
/// plot screen shares: every run of every shown optimizer as one dot at the shown step, the
/// escape circle ‖x − c‖₂ = R, the fraction escaped per step as a chart, per optimizer the
/// fraction in the legend, the first steps at which half of each cloud had escaped in the
/// leaderboard's place, and the counts at the shown step in the inspector's. Cloud k belongs
/// to style k (its label, colour and visibility).
extension FrameComposer {
    /// The frame for `state` at its screen size.
    public func compose(_ state: CloudState) -> CellBuffer { composeScreen(state, parts(state)) }

    /// The plot panels of `state` filling its whole screen size: the lesson list's preview.
    public func composePlot(_ state: CloudState) -> CellBuffer { composePlotOnly(state, parts(state)) }

    private func parts(_ state: CloudState) -> PlotScreenParts {
        PlotScreenParts(
            overlays: { panel in cloudOverlays(state, lanes: panel.lanes) },
            // Without colours the dots could not be told from iso-lines: a cloud shows none then.
            contoursWithoutColors: false,
            legend: { _ in cloudLegend(state) },
            leaderboard: { buffer, rect in
                drawBoard(title: "Half escaped (R \(NumberFormat.compact(state.cloud.escapeRadius)))", halfEscaped(state),
                          styles: state.styles, into: &buffer, rect: rect)
            },
            inspector: { buffer, rect in drawCloudInspector(state, into: &buffer, rect: rect) },
            charts: { cloudCharts(state) })
    }

    /// The escape circle's colour.
    static let escapeCircleColor = Color.rgb(220, 220, 220)
    /// Points of the polygon drawn for the escape circle.
    static let escapeCirclePoints = 96

    /// The plot overlays of the clouds of `lanes` at the shown step: the circle of radius R around
    /// c, then one single-point overlay per run that has not diverged (a lone point is one
    /// braille dot), in the lane's colour; the selected cloud last, so its colour wins the
    /// cells the clouds share (all of them at step 0: every cloud runs from the same starts).
    func cloudOverlays(_ state: CloudState, lanes: [Int]) -> [TrajectoryOverlay] {
        let escape = state.cloud
        let c = PlanePoint(x: escape.center.first ?? 0, y: escape.center.count > 1 ? escape.center[1] : 0)
        let n = Self.escapeCirclePoints
        let circle = (0...n).map { i -> PlanePoint in
            let angle = 2 * Double.pi * Double(i) / Double(n)
            return PlanePoint(x: c.x + escape.escapeRadius * cos(angle), y: c.y + escape.escapeRadius * sin(angle))
        }
        var overlays = [TrajectoryOverlay(points: circle, color: Self.escapeCircleColor, showsHead: false)]
        let order = lanes.filter { $0 != state.selected } + lanes.filter { $0 == state.selected }
        for k in order where escape.clouds.indices.contains(k) {
            let color = state.styles[k].color
            for case let p? in escape.clouds[k].positions(at: state.step) {
                overlays.append(TrajectoryOverlay(points: [PlanePoint(x: p[0], y: p.count > 1 ? p[1] : 0)], color: color,
                                                  showsHead: false))
            }
        }
        return overlays
    }

    /// The escaped-fraction chart: one line per shown cloud over steps 0…shown, on a fixed 0…1 axis.
    func cloudCharts(_ state: CloudState) -> [LineChart] {
        let escape = state.cloud
        let series = state.visibleIndices.compactMap { k -> ChartSeries? in
            let lane = state.styles[k]
            guard escape.clouds.indices.contains(k) else { return nil }
            let cloud = escape.clouds[k]
            return ChartSeries(label: lane.label, values: (0...max(state.step, 0)).map(cloud.fraction(at:)), color: lane.color)
        }
        return [LineChart(title: "escaped fraction", series: series, yScale: .linear, fixedYRange: 0...1)]
    }

    /// The legend of a cloud scene: per optimizer its number, label and the percentage of its
    /// runs escaped by the shown step (``EscapeCloud/fraction(at:)``).
    func cloudLegend(_ state: CloudState) -> LegendTable {
        let escape = state.cloud
        let rows = state.styles.enumerated().map { k, lane -> LegendTable.Row in
            let marker = k == state.selected ? "▸" : " "
            let fraction = escape.clouds.indices.contains(k) ? escape.clouds[k].fraction(at: state.step) : 0
            let attributes: CellAttributes = lane.isHidden ? .dim : (k == state.selected ? .bold : [])
            return LegendTable.Row(swatch: lane.isHidden ? nil : lane.color,
                                   label: text(marker + "\(k + 1) " + lane.label + (lane.isHidden ? " (hidden)" : "")),
                                   cells: [Self.percent(fraction)], style: Style(attributes: attributes), tag: String(k + 1))
        }
        return LegendTable(labelTitle: " optimizer", columns: [.init(title: "escaped")], rows: rows)
    }

    /// 100·f with three significant digits and a percent sign ("96.2%").
    static func percent(_ f: Double) -> String { NumberFormat.compact(100 * f) + "%" }

    /// The clouds that had half their runs escaped by the shown step, with the first such
    /// step, earliest first (ties in lane order).
    func halfEscaped(_ state: CloudState) -> [(index: Int, step: Int)] {
        let escape = state.cloud
        return escape.clouds.indices.compactMap { k -> (index: Int, step: Int)? in
            guard state.styles.indices.contains(k), !state.styles[k].isHidden else { return nil }
            let cloud = escape.clouds[k]
            let last = min(state.step, cloud.step)
            return (0...max(last, 0)).first { cloud.fraction(at: $0) >= 0.5 }.map { (k, $0) }
        }.sorted { ($0.step, $0.index) < ($1.step, $1.index) }
    }

    /// The cloud panel in the inspector's place: the starts (N within ρ of c, escape radius R),
    /// then per optimizer the runs escaped, still inside the disc, and diverged at the shown step.
    func drawCloudInspector(_ state: CloudState, into buffer: inout CellBuffer, rect: Rect) {
        let escape = state.cloud
        buffer.fill(rect)
        let starts = escape.starts
        let header = "\(starts.count) starts within \(NumberFormat.compact(starts.radius)) of ("
            + escape.center.prefix(2).map { NumberFormat.compact($0) }.joined(separator: ", ")
            + "), R \(NumberFormat.compact(escape.escapeRadius))"
        buffer.write(text(TextFitting.truncate(header, to: rect.width, ellipsis: glyphs.ellipsis)), x: rect.x, y: rect.y,
                     style: Style(attributes: .bold), clip: rect)
        let rows = state.styles.indices.compactMap { k -> LegendTable.Row? in
            guard escape.clouds.indices.contains(k) else { return nil }
            let cloud = escape.clouds[k]
            let escaped = Int((cloud.fraction(at: state.step) * Double(cloud.count)).rounded())
            let diverged = cloud.runs.filter { run in run.divergedAt.map { $0 <= state.step } ?? false }.count
            return LegendTable.Row(swatch: state.styles[k].color, label: text("\(k + 1) " + state.styles[k].label),
                                   cells: [String(escaped), String(cloud.count - escaped), String(diverged)])
        }
        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        LegendTable(labelTitle: "runs at step \(state.step)",
                    columns: [.init(title: "out"), .init(title: "in"), .init(title: "div")], rows: rows)
            .draw(into: &buffer, rect: body, glyphs: glyphs)
    }
}
