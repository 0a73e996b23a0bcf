/// The frame of a 2D plot inside a rectangle: y tick labels at the left, a vertical axis line,
/// the plot area, a horizontal axis line and a row of x tick labels below.
///
/// Ranges are in axis coordinates (log₁₀ of the value on a log axis). Position p maps to the
/// column ⌊(p − lo)/(hi − lo) · width⌋ (the top end to the last column), the same cells a
/// ``Viewport`` of the plot area gives, so ticks line up with what is drawn.
struct AxesFrame {
    let plot: Rect
    let xRange: ClosedRange<Double>
    let yRange: ClosedRange<Double>
    let xTicks: [Tick]
    let yTicks: [Tick]
    private let outer: Rect

    /// The frame in `rect`, or nil when the rect is too small to hold labels and a plot of at
    /// least 2x1 cells. With `integerX` the x axis gets ticks at whole numbers only (steps).
    init?(rect: Rect, x: ClosedRange<Double>, xScale: AxisScale, y: ClosedRange<Double>, yScale: AxisScale,
          integerX: Bool = false) {
        guard rect.height >= 3 else { return nil }
        let yTicks = Self.ticks(y, yScale, maxCount: max(2, (rect.height - 2) / 2))
        let labelWidth = yTicks.map { TextFitting.width($0.label) }.max() ?? 0
        let plot = Rect(x: rect.x + labelWidth + 1, y: rect.y, width: rect.width - labelWidth - 1, height: rect.height - 2)
        guard plot.width >= 2, plot.height >= 1 else { return nil }
        self.plot = plot
        self.outer = rect
        xRange = x
        yRange = y
        // Whole steps: no more ticks than steps, so the tick step (and the labels) are whole.
        let span = x.upperBound - x.lowerBound
        let count = integerX && span.isFinite && span < 1e9 ? min(plot.width / 10, Int(span) + 1) : plot.width / 10
        xTicks = Self.ticks(x, xScale, maxCount: max(2, count))
            .filter { !integerX || $0.position == $0.position.rounded() }
        self.yTicks = yTicks
    }

    private static func ticks(_ range: ClosedRange<Double>, _ scale: AxisScale, maxCount: Int) -> [Tick] {
        scale == .linear ? Ticks.linear(range, maxCount: maxCount) : Ticks.logarithmic(range, maxCount: maxCount)
    }

    /// (p − lo)/(hi − lo), computed on halves so that huge ranges do not overflow.
    static func fraction(_ p: Double, in range: ClosedRange<Double>) -> Double {
        let span = range.upperBound / 2 - range.lowerBound / 2
        return span > 0 ? (p / 2 - range.lowerBound / 2) / span : 0.5
    }

    /// The column of x position p, nil outside the plot.
    func column(_ p: Double) -> Int? {
        Self.cell(Self.fraction(p, in: xRange), size: plot.width).map { plot.x + $0 }
    }

    /// The row of y position p (y up), nil outside the plot.
    func row(_ p: Double) -> Int? {
        Self.cell(Self.fraction(p, in: yRange), size: plot.height).map { plot.maxY - 1 - $0 }
    }

    private static func cell(_ f: Double, size: Int) -> Int? {
        guard f >= 0, f <= 1 else { return nil }
        return min(Int(f * Double(size)), size - 1)
    }

    /// Draws both axis lines with tick marks and labels; x labels that would touch the
    /// previous one, or reach the last `reserved` columns of the label row, are left out.
    func draw(into buffer: inout CellBuffer, glyphs: Glyphs, style: Style, reserved: Int = 0) {
        let axisX = plot.x - 1, axisY = plot.maxY
        for y in plot.y..<plot.maxY { buffer[axisX, y] = Cell(glyphs.vertical, style: style) }
        for x in plot.x..<plot.maxX { buffer[x, axisY] = Cell(glyphs.horizontal, style: style) }
        buffer[axisX, axisY] = Cell(glyphs.bottomLeft, style: style)
        for tick in yTicks {
            guard let y = row(tick.position) else { continue }
            buffer[axisX, y] = Cell(glyphs.yTick, style: style)
            buffer.write(tick.label, x: axisX - TextFitting.width(tick.label), y: y, style: style, clip: outer)
        }
        var free = outer.x
        for tick in xTicks {
            guard let x = column(tick.position) else { continue }
            buffer[x, axisY] = Cell(glyphs.xTick, style: style)
            let width = TextFitting.width(tick.label)
            let start = min(max(x - width / 2, outer.x), outer.maxX - width)
            guard start >= free, start + width <= outer.maxX - reserved else { continue }
            buffer.write(tick.label, x: start, y: axisY + 1, style: style, clip: outer)
            free = start + width + 1
        }
    }
}
