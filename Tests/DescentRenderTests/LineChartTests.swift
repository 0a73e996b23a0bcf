import Testing
@testable import DescentRender

private let orange = Color.rgb(230, 159, 0)

@Test func logAxisPutsPowersOfTenOnAStraightLine() {
    let chart = LineChart(title: "loss", series: [ChartSeries(label: "sgd", values: [1, 10, 100, 1000], color: orange)],
                          yScale: .log10)
    var buffer = CellBuffer(width: 24, height: 9)
    chart.draw(into: &buffer, rect: buffer.bounds, glyphs: .unicode)
    // Title centred; y labels 1…1000 (4 wide) so the plot spans columns 5…23 and rows 1…6.
    #expect(buffer.line(0) == "       loss (log)       ")
    #expect(buffer.line(1).hasPrefix("1000┤"))
    #expect(buffer.line(6).hasPrefix("   1┤"))
    #expect(buffer.line(7).hasPrefix("    └┬"))
    #expect(buffer.line(8).hasSuffix("step"))
    // log10 makes the series a straight diagonal: bottom-left to top-right.
    #expect(buffer[5, 6].scalar != " " && buffer[23, 1].scalar != " ")
    #expect(buffer[5, 1].scalar == " " && buffer[23, 6].scalar == " ")
    #expect(buffer[23, 1].style.foreground == orange)
}

@Test func logAxisSkipsNonPositiveValues() {
    let chart = LineChart(title: "", series: [ChartSeries(label: "a", values: [1, 0, -5, 100], color: orange)], yScale: .log10)
    let ranges = chart.ranges()
    #expect(ranges?.y == 0...2)
    #expect(ranges?.x == 0...3)
}

@Test func degenerateSeriesGetUsableRanges() {
    func ranges(_ values: [Double], first: Int = 0, scale: AxisScale = .linear) -> (x: ClosedRange<Double>, y: ClosedRange<Double>)? {
        LineChart(title: "", series: [ChartSeries(label: "a", values: values, color: orange, firstStep: first)], yScale: scale).ranges()
    }
    #expect(ranges([5, 5, 5])?.y == 4.5...5.5)
    #expect(ranges([0, 0])?.y == -1...1)
    #expect(ranges([100, 100], scale: .log10)?.y == 1.5...2.5)
    // One step: the range starts at it (step 0 gets no negative tick).
    #expect(ranges([3], first: 10)?.x == 10...11)
    #expect(ranges([3], first: 0)?.x == 0...1)
    #expect(ranges([.nan, .infinity]) == nil)
    #expect(ranges([]) == nil)
}

@Test func emptyChartsSayNoData() {
    var buffer = CellBuffer(width: 20, height: 5)
    LineChart(title: "loss", series: []).draw(into: &buffer, rect: buffer.bounds, glyphs: .unicode)
    #expect(buffer.line(0) == "        loss        ")
    #expect(buffer.text().contains("no data"))
}

@Test func extremeValuesAndTinyRectsDoNotCrash() {
    let wild = LineChart(title: "wild", series: [
        ChartSeries(label: "a", values: [1e300, -1e300, 1e-300, .nan, 0], color: orange),
        ChartSeries(label: "b", values: [Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude], color: orange),
    ])
    for (w, h) in [(0, 0), (1, 1), (3, 2), (8, 3), (40, 10)] {
        var buffer = CellBuffer(width: w, height: h)
        wild.draw(into: &buffer, rect: buffer.bounds, glyphs: .unicode)
        LineChart(title: "x", series: [ChartSeries(label: "c", values: [2], color: orange)], yScale: .log10)
            .draw(into: &buffer, rect: buffer.bounds, glyphs: .ascii)
    }
}

@Test func negativeValuesOnALogAxisAreShiftedAndSaySo() {
    // f − min f + ε with min = −2 and ε = 10⁻³·(1 − (−2)): the least value sits at log₁₀ ε.
    let chart = LineChart(title: "loss", series: [ChartSeries(label: "a", values: [1, -1, -2], color: orange)], yScale: .log10)
    #expect(abs(chart.logShift - (2 + 0.003)) < 1e-12)
    let ranges = try? #require(chart.ranges(shift: chart.logShift))
    #expect(abs((ranges?.y.lowerBound ?? 0) - log10(0.003)) < 1e-12)
    var buffer = CellBuffer(width: 40, height: 8)
    chart.draw(into: &buffer, rect: buffer.bounds, glyphs: .unicode)
    #expect(buffer.line(0).contains("loss − min + ε (log)"))
    #expect(!buffer.text().contains("no data"))
    // Positive data keep the plain log axis.
    #expect(LineChart(title: "", series: [ChartSeries(label: "a", values: [1, 2], color: orange)], yScale: .log10).logShift == 0)
}

@Test func stepAxesTickWholeStepsOnly() {
    var buffer = CellBuffer(width: 60, height: 8)
    LineChart(title: "", series: [ChartSeries(label: "a", values: [1, 2, 3], color: orange)]).draw(into: &buffer, rect: buffer.bounds, glyphs: .unicode)
    let labels = buffer.line(7).split(separator: " ").map(String.init)
    #expect(labels.contains("0") && labels.contains("1") && !labels.contains { $0.contains(".") }, "\(buffer.text())")
}

@Test func aLongSeriesIsDrawnFromTheLeastAndGreatestOfEachStretch() {
    // An oscillation between 1 and 3 over 100,000 steps keeps its band, from at most limit + 1 values.
    let values = (0..<100_000).map { $0 % 2 == 0 ? 1.0 : 3.0 }
    let series = ChartSeries(label: "a", values: values, count: 99_999, color: orange)
    let drawn = series.drawnIndices(limit: 100)
    #expect(drawn.count <= 101 && drawn.last == 99_998 && drawn.first == 0)
    #expect(Set(drawn.map { values[$0] }) == [1, 3])
    #expect(zip(drawn, drawn.dropFirst()).allSatisfy { $0 < $1 })
    #expect(ChartSeries(label: "b", values: [1, 2, 3], color: orange).drawnIndices(limit: 100) == [0, 1, 2])
    // Only the first `count` values are read; steps give the x of each.
    let thinned = ChartSeries(label: "c", values: [5, 4, 3, 2], count: 3, color: orange, steps: [0, 4, 6, 7])
    let chart = LineChart(title: "", series: [thinned])
    #expect(chart.ranges()?.x == 0...6 && chart.ranges()?.y == 3...5)
}
