/// One line of a ``LineChart``: a value per step, from `firstStep` on.
public struct ChartSeries: Sendable, Equatable {
    public var label: String
    public var values: [Double]
    public var color: Color
    /// The step of `values[0]`.
    public var firstStep: Int

    public init(label: String, values: [Double], color: Color, firstStep: Int = 0) {
        self.label = label
        self.values = values
        self.color = color
        self.firstStep = firstStep
    }
}

/// A braille line chart of several series against the step, with a linear or log₁₀ y axis,
/// tick labels, a title and axis labels.
///
/// Values that cannot be shown (non-finite, or ≤ 0 on a log axis) are skipped and the line
/// joins their neighbours. A constant series gets a range of ±10% of its value (±1 at zero;
/// ±½ decade on a log axis); a single step gets a range of ±1 step. A rect too small for axes
/// gets the title only, or nothing.
public struct LineChart: Sendable {
    public var title: String
    public var series: [ChartSeries]
    public var yScale: AxisScale
    public var xLabel: String
    public var yLabel: String
    /// A fixed y range in axis coordinates (e.g. 0…1 for a fraction), or nil to fit the data.
    public var fixedYRange: ClosedRange<Double>?

    public init(title: String, series: [ChartSeries], yScale: AxisScale = .linear, xLabel: String = "step", yLabel: String = "",
                fixedYRange: ClosedRange<Double>? = nil) {
        self.title = title
        self.series = series
        self.yScale = yScale
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.fixedYRange = fixedYRange
    }

    /// The axis coordinate of value v: v, or log₁₀ v (nil when it cannot be shown).
    func coordinate(_ v: Double) -> Double? {
        guard v.isFinite else { return nil }
        guard yScale == .log10 else { return v }
        guard v > 0 else { return nil }
        return log10(v)
    }

    /// The step and y ranges covering every showable point, nil when there is none.
    func ranges() -> (x: ClosedRange<Double>, y: ClosedRange<Double>)? {
        var xLow = Double.infinity, xHigh = -Double.infinity, yLow = Double.infinity, yHigh = -Double.infinity
        for s in series {
            for (k, v) in s.values.enumerated() {
                guard let c = coordinate(v) else { continue }
                let step = Double(s.firstStep + k)
                xLow = min(xLow, step); xHigh = max(xHigh, step)
                yLow = min(yLow, c); yHigh = max(yHigh, c)
            }
        }
        guard xLow <= xHigh else { return nil }
        if xLow == xHigh { xLow -= 1; xHigh += 1 }
        if yLow == yHigh {
            let pad = yScale == .log10 ? 0.5 : (yLow == 0 ? 1 : Swift.abs(yLow) / 10)
            yLow -= pad; yHigh += pad
        }
        if let fixedYRange, fixedYRange.lowerBound < fixedYRange.upperBound { return (xLow...xHigh, fixedYRange) }
        return (xLow...xHigh, yLow...yHigh)
    }

    /// Draws the chart into `rect` (clearing it first).
    public func draw(into buffer: inout CellBuffer, rect: Rect, glyphs: Glyphs) {
        let rect = rect.intersection(buffer.bounds)
        buffer.fill(rect)
        guard !rect.isEmpty else { return }
        drawTitle(into: &buffer, row: Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), glyphs: glyphs)
        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        guard let (xRange, yRange) = ranges() else {
            let message = TextFitting.truncate("no data", to: body.width, ellipsis: glyphs.ellipsis)
            let spot = body.centered(width: TextFitting.width(message), height: 1)
            buffer.write(message, x: spot.x, y: spot.y, style: Style(attributes: .dim), clip: body)
            return
        }
        guard let axes = AxesFrame(rect: body, x: xRange, xScale: .linear, y: yRange, yScale: yScale) else { return }
        let showsXLabel = !xLabel.isEmpty && TextFitting.width(xLabel) + 2 <= axes.plot.width
        axes.draw(into: &buffer, glyphs: glyphs, style: Style(attributes: .dim),
                  reserved: showsXLabel ? TextFitting.width(xLabel) + 1 : 0)
        if showsXLabel {
            buffer.write(xLabel, x: body.maxX - TextFitting.width(xLabel), y: axes.plot.maxY + 1,
                         style: Style(attributes: .dim), clip: body)
        }

        var canvas = BrailleCanvas(area: axes.plot)
        let width = Double(canvas.dotWidth), height = Double(canvas.dotHeight)
        for s in series {
            let ink = Ink(color: s.color, fallback: glyphs.curveDot)
            var previous: (x: Double, y: Double)?
            for (k, v) in s.values.enumerated() {
                guard let c = coordinate(v) else { continue }
                let dot = (x: AxesFrame.fraction(Double(s.firstStep + k), in: xRange) * width,
                           y: (1 - AxesFrame.fraction(c, in: yRange)) * height)
                if let from = previous { canvas.line(from: from, to: dot, ink: ink) } else { canvas.point(min(dot.x, width - 1), min(dot.y, height - 1), ink: ink) }
                previous = dot
            }
        }
        canvas.compose(onto: &buffer, braille: glyphs.braille)
    }

    /// The title centred (bold), and the y-axis label at the left when both fit.
    private func drawTitle(into buffer: inout CellBuffer, row: Rect, glyphs: Glyphs) {
        let heading = yScale == .log10 && !title.isEmpty ? title + " (log)" : title
        let text = TextFitting.truncate(heading, to: row.width, ellipsis: glyphs.ellipsis)
        let width = TextFitting.width(text)
        let start = row.x + (row.width - width) / 2
        buffer.write(text, x: start, y: row.y, style: Style(attributes: .bold), clip: row)
        if !yLabel.isEmpty, TextFitting.width(yLabel) + 1 < start - row.x {
            buffer.write(yLabel, x: row.x, y: row.y, style: Style(attributes: .dim), clip: row)
        }
    }
}
