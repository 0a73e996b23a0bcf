/// One line of a ``LineChart``: a value per step, from `firstStep` on (or at the steps or
/// positions given), the first ``count`` of ``values``: a chart reads a run's storage as it
/// is, without copying it.
public struct ChartSeries: Sendable, Equatable {
    public var label: String
    public var values: [Double]
    /// How many of `values` (from the first) the line shows.
    public var count: Int
    public var color: Color
    /// The step of `values[0]`.
    public var firstStep: Int
    /// The step of each value (a thinned history), or nil for firstStep, firstStep + 1, ….
    public var steps: [Int]?
    /// The glyph of the line's cells when braille is off (an optimizer's ``TrailStyle/mark``);
    /// nil draws ``Glyphs/curveDot``.
    public var mark: Unicode.Scalar?
    /// The x position of each value (e.g. epochs seen), or nil for the steps firstStep, firstStep + 1, ….
    public var positions: [Double]?

    public init(label: String, values: [Double], count: Int? = nil, color: Color, firstStep: Int = 0, steps: [Int]? = nil,
                mark: Unicode.Scalar? = nil, positions: [Double]? = nil) {
        self.label = label
        self.values = values
        self.count = min(max(count ?? values.count, 0), values.count)
        self.steps = steps
        self.color = color
        self.firstStep = firstStep
        self.mark = mark
        self.positions = positions
    }

    /// The x position of value `k`.
    func x(_ k: Int) -> Double {
        if let positions { return k < positions.count ? positions[k] : .nan }
        if let steps { return k < steps.count ? Double(steps[k]) : .nan }
        return Double(firstStep + k)
    }

    /// The indices of the values a line at most `limit` values long draws, in order: all of
    /// them when there are no more than `limit`, else, of each stretch of ⌈count / (limit/2)⌉
    /// consecutive values, the least and the greatest, so that an oscillation keeps its band
    /// (non-finite values are skipped then); the last value always.
    func drawnIndices(limit: Int) -> [Int] {
        guard count > max(limit, 2) else { return Array(0..<count) }
        let stretch = (count + limit / 2 - 1) / (limit / 2)
        var indices: [Int] = []
        indices.reserveCapacity(limit + 1)
        for start in Swift.stride(from: 0, to: count, by: stretch) {
            var low: Int?, high: Int?
            for k in start..<min(start + stretch, count) where values[k].isFinite {
                if low.map({ values[k] < values[$0] }) ?? true { low = k }
                if high.map({ values[k] > values[$0] }) ?? true { high = k }
            }
            guard let low, let high else { continue }
            indices.append(min(low, high))
            if high != low { indices.append(max(low, high)) }
        }
        if indices.last != count - 1 { indices.append(count - 1) }
        return indices
    }
}

/// A braille line chart of several series against the step, with a linear or log₁₀ y axis,
/// tick labels, a title and axis labels.
///
/// Non-finite values are skipped and the line joins their neighbours. A log axis whose data
/// has values ≤ 0 (losses of surfaces that go negative) plots v − min + ε instead, with min the
/// least value shown and ε = 10⁻³·(max − min) (10⁻³·max(|min|, 1) when all are equal), and says
/// so in the title (`… − min + ε (log)`). A constant series gets a range of ±10% of its value
/// (±1 at zero; ±½ decade on a log axis); a single x gets the range [x, x + 1]. The x axis is
/// the step, with ticks at whole steps only, unless the series give their own
/// ``ChartSeries/positions`` (e.g. fractional epochs, or learning rates on a log₁₀ ``xScale``). A rect too small for axes gets the title
/// only, or nothing. A series longer than the chart has braille dots for (8 values per dot
/// column) is drawn from the least and greatest value of each stretch
/// (``ChartSeries/drawnIndices(limit:)``): a frame costs the same for any length of history.
public struct LineChart: Sendable {
    public var title: String
    public var series: [ChartSeries]
    public var yScale: AxisScale
    public var xLabel: String
    public var yLabel: String
    /// A fixed y range in axis coordinates (e.g. 0…1 for a fraction), or nil to fit the data.
    public var fixedYRange: ClosedRange<Double>?
    /// The x axis: linear, or log₁₀ of the positions (e.g. learning rates; positions ≤ 0 are skipped).
    public var xScale: AxisScale

    public init(title: String, series: [ChartSeries], yScale: AxisScale = .linear, xLabel: String = "step", yLabel: String = "",
                fixedYRange: ClosedRange<Double>? = nil, xScale: AxisScale = .linear) {
        self.title = title
        self.series = series
        self.yScale = yScale
        self.xScale = xScale
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.fixedYRange = fixedYRange
    }

    /// What a log axis adds to every value before taking log₁₀: −min + ε when some finite
    /// value is ≤ 0, else 0 (see the type's documentation).
    var logShift: Double { logShift(drawn: series.map { Array(0..<$0.count) }) }

    /// ``logShift`` over the values `drawn` (per series, their indices).
    func logShift(drawn: [[Int]]) -> Double {
        guard yScale == .log10 else { return 0 }
        var low = Double.infinity, high = -Double.infinity
        for (s, indices) in zip(series, drawn) {
            for k in indices where s.values[k].isFinite { low = min(low, s.values[k]); high = max(high, s.values[k]) }
        }
        guard low <= 0 else { return 0 }
        let epsilon = high > low ? 1e-3 * (high - low) : 1e-3 * max(Swift.abs(low), 1)
        return epsilon - low
    }

    /// The axis coordinate of value v: v, or log₁₀(v + shift) (nil when it cannot be shown).
    func coordinate(_ v: Double, shift: Double = 0) -> Double? {
        guard v.isFinite else { return nil }
        guard yScale == .log10 else { return v }
        let shifted = v + shift
        guard shifted > 0, shifted.isFinite else { return nil }
        return log10(shifted)
    }

    /// The axis coordinate of x position p: p, or log₁₀ p on a log x axis (NaN when it cannot be shown).
    func xCoordinate(_ p: Double) -> Double {
        guard xScale == .log10 else { return p }
        return p > 0 ? log10(p) : .nan
    }

    /// The x and y ranges covering every showable point, nil when there is none.
    func ranges(shift: Double = 0) -> (x: ClosedRange<Double>, y: ClosedRange<Double>)? {
        ranges(shift: shift, drawn: series.map { Array(0..<$0.count) })
    }

    /// ``ranges(shift:)`` over the values `drawn` (per series, their indices).
    func ranges(shift: Double, drawn: [[Int]]) -> (x: ClosedRange<Double>, y: ClosedRange<Double>)? {
        var xLow = Double.infinity, xHigh = -Double.infinity, yLow = Double.infinity, yHigh = -Double.infinity
        for (s, indices) in zip(series, drawn) {
            for k in indices {
                let x = xCoordinate(s.x(k))
                guard let c = coordinate(s.values[k], shift: shift), x.isFinite else { continue }
                xLow = min(xLow, x); xHigh = max(xHigh, x)
                yLow = min(yLow, c); yHigh = max(yHigh, c)
            }
        }
        guard xLow <= xHigh else { return nil }
        if xLow == xHigh { xHigh += 1 }
        if yLow == yHigh {
            let pad = yScale == .log10 ? 0.5 : (yLow == 0 ? 1 : Swift.abs(yLow) / 10)
            yLow -= pad; yHigh += pad
        }
        if let fixedYRange, fixedYRange.lowerBound < fixedYRange.upperBound { return (xLow...xHigh, fixedYRange) }
        return (xLow...xHigh, yLow...yHigh)
    }

    /// Values drawn per braille dot column at most (see ``ChartSeries/drawnIndices(limit:)``).
    static let valuesPerDotColumn = 8

    /// The fewest rows a chart draws its plot in: the title and the smallest axes frame (a plot
    /// row, the x axis and its labels). In fewer it shows its title alone.
    public static let minimumHeight = 4

    /// Draws the chart into `rect` (clearing it first).
    public func draw(into buffer: inout CellBuffer, rect: Rect, glyphs: Glyphs) {
        let rect = rect.intersection(buffer.bounds)
        buffer.fill(rect)
        guard !rect.isEmpty else { return }
        let drawn = series.map { $0.drawnIndices(limit: Self.valuesPerDotColumn * 2 * rect.width) }
        let shift = logShift(drawn: drawn)
        drawTitle(into: &buffer, row: Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), glyphs: glyphs, shifted: shift != 0)
        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        guard let (xRange, yRange) = ranges(shift: shift, drawn: drawn) else {
            let message = TextFitting.truncate("no data", to: body.width, ellipsis: glyphs.ellipsis)
            let spot = body.centered(width: TextFitting.width(message), height: 1)
            buffer.write(message, x: spot.x, y: spot.y, style: Style(attributes: .dim), clip: body)
            return
        }
        guard let axes = AxesFrame(rect: body, x: xRange, xScale: xScale, y: yRange, yScale: yScale,
                                   integerX: xScale == .linear && series.allSatisfy { $0.positions == nil }) else { return }
        let showsXLabel = !xLabel.isEmpty && TextFitting.width(xLabel) + 2 <= axes.plot.width
        axes.draw(into: &buffer, glyphs: glyphs, style: Style(attributes: .dim),
                  reserved: showsXLabel ? TextFitting.width(xLabel) + 1 : 0)
        if showsXLabel {
            buffer.write(xLabel, x: body.maxX - TextFitting.width(xLabel), y: axes.plot.maxY + 1,
                         style: Style(attributes: .dim), clip: body)
        }

        var canvas = BrailleCanvas(area: axes.plot)
        let width = Double(canvas.dotWidth), height = Double(canvas.dotHeight)
        for (s, indices) in zip(series, drawn) {
            let ink = Ink(color: s.color, fallback: s.mark ?? glyphs.curveDot)
            var previous: (x: Double, y: Double)?
            for k in indices {
                let x = xCoordinate(s.x(k))
                guard let c = coordinate(s.values[k], shift: shift), x.isFinite else { continue }
                let dot = (x: AxesFrame.fraction(x, in: xRange) * width,
                           y: (1 - AxesFrame.fraction(c, in: yRange)) * height)
                if let from = previous { canvas.line(from: from, to: dot, ink: ink) } else { canvas.point(min(dot.x, width - 1), min(dot.y, height - 1), ink: ink) }
                previous = dot
            }
        }
        canvas.compose(onto: &buffer, braille: glyphs.braille)
    }

    /// The title centred (bold) with the axis it has, and the y-axis label at the left when
    /// both fit.
    private func drawTitle(into buffer: inout CellBuffer, row: Rect, glyphs: Glyphs, shifted: Bool) {
        let heading = yScale == .log10 && !title.isEmpty ? title + (shifted ? " − min + ε (log)" : " (log)") : title
        let text = TextFitting.truncate(heading, to: row.width, ellipsis: glyphs.ellipsis)
        let width = TextFitting.width(text)
        let start = row.x + (row.width - width) / 2
        buffer.write(text, x: start, y: row.y, style: Style(attributes: .bold), clip: row)
        if !yLabel.isEmpty, TextFitting.width(yLabel) + 1 < start - row.x {
            buffer.write(yLabel, x: row.x, y: row.y, style: Style(attributes: .dim), clip: row)
        }
    }
}
