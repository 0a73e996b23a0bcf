import DescentRender
import Testing
@testable import DescentTUI

/// The layout the plot screens use (``AppLayout/make(width:height:legendRows:inspectorRows:chartCount:)``)
/// for a legend of 7 rows (six optimizers and a header) and an inspector of 8 rows.
private func layout(_ width: Int, _ height: Int, chartCount: Int = 2) -> AppLayout {
    AppLayout.make(width: width, height: height, legendRows: 7, inspectorRows: 8, chartCount: chartCount)
}

/// Every part lies on the screen and no two overlap, the status line is the bottom row; the plot
/// (full height) and the side panel after a gap column span the width, or the parts stacked
/// cover the screen.
private func checkTiling(_ layout: AppLayout, width: Int, height: Int) {
    let screen = Rect(x: 0, y: 0, width: width, height: height)
    let parts = [layout.plot] + [layout.legend, layout.leaderboard, layout.inspector, layout.status].compactMap { $0 } + layout.charts
    for (i, a) in parts.enumerated() {
        #expect(a.intersection(screen) == a)
        for b in parts[(i + 1)...] { #expect(a.intersection(b).isEmpty) }
    }
    #expect(layout.status == Rect(x: 0, y: height - 1, width: width, height: 1))
    switch layout.arrangement {
    case .sidePanel:
        #expect(layout.plot.height == height - 1)
        let panel = [layout.legend, layout.leaderboard, layout.inspector].compactMap { $0 } + layout.charts
        #expect(panel.allSatisfy { $0.x == layout.plot.width + 1 && $0.maxX == width })
    case .stacked, .plotOnly:
        let area = ([layout.legend, layout.status].compactMap { $0 } + layout.charts + [layout.plot]).map { $0.width * $0.height }
        #expect(area.reduce(0, +) == width * height)
    case .tooSmall: Issue.record("a tiled layout is never too small")
    }
}

@Test func wideTerminalsGetASidePanel() {
    // 200 columns: the panel is 9/25 of the width (72) capped at 64, after a gap column.
    let big = layout(200, 50)
    #expect(big.arrangement == .sidePanel)
    #expect(big.plot == Rect(x: 0, y: 0, width: 135, height: 49))
    #expect(big.legend == Rect(x: 136, y: 0, width: 64, height: 7))
    #expect(big.leaderboard == Rect(x: 136, y: 8, width: 64, height: AppLayout.leaderboardRows))
    #expect(big.inspector == Rect(x: 136, y: 13, width: 64, height: 8))
    // The 27 rows left below one blank row: two charts, the first takes the odd row.
    #expect(big.charts == [Rect(x: 136, y: 22, width: 64, height: 14), Rect(x: 136, y: 36, width: 64, height: 13)])
    checkTiling(big, width: 200, height: 50)

    // 120 columns: 1080/25 = 43 columns of panel; 17 rows left make two charts of 9 and 8.
    let medium = layout(120, 40)
    #expect(medium.arrangement == .sidePanel)
    #expect(medium.plot == Rect(x: 0, y: 0, width: 76, height: 39))
    #expect(medium.legend == Rect(x: 77, y: 0, width: 43, height: 7))
    #expect(medium.charts.map(\.height) == [9, 8])
    checkTiling(medium, width: 120, height: 40)

    // A cloud asks for one chart: it takes all the rows left.
    #expect(layout(120, 40, chartCount: 1).charts.map(\.height) == [17])

    // 80×24: the panel at its 36-column minimum; no room left for a chart.
    let classic = layout(80, 24)
    #expect(classic.arrangement == .sidePanel)
    #expect(classic.plot == Rect(x: 0, y: 0, width: 43, height: 23))
    #expect(classic.inspector == Rect(x: 44, y: 13, width: 36, height: 8))
    #expect(classic.charts.isEmpty)
    checkTiling(classic, width: 80, height: 24)
}

@Test func tallTerminalsStackTheLegendAndAChartBelow() {
    // 79×50: 60% of the 49 body rows (29) for the plot, the legend's 7 rows, the chart below.
    let tall = layout(79, 50)
    #expect(tall.arrangement == .stacked)
    #expect(tall.plot == Rect(x: 0, y: 0, width: 79, height: 29))
    #expect(tall.legend == Rect(x: 0, y: 29, width: 79, height: 7))
    #expect(tall.charts == [Rect(x: 0, y: 36, width: 79, height: 13)])
    #expect(tall.leaderboard == nil && tall.inspector == nil)
    checkTiling(tall, width: 79, height: 50)
}

@Test func smallTerminalsShowThePlotOnly() {
    for (w, h) in [(79, 24), (ScreenLayout.minimumWidth, ScreenLayout.minimumHeight)] {
        let small = layout(w, h)
        #expect(small.arrangement == .plotOnly)
        // The plot, and one row under it for the legend collapsed to numbered swatches.
        #expect(small.plot == Rect(x: 0, y: 0, width: w, height: h - 2))
        #expect(small.legend == Rect(x: 0, y: h - 2, width: w, height: 1) && small.charts.isEmpty)
        checkTiling(small, width: w, height: h)
    }
}

@Test func tinyTerminalsGetNoLayout() {
    for (w, h) in [(20, 5), (ScreenLayout.minimumWidth - 1, 30), (200, ScreenLayout.minimumHeight - 1)] {
        let tiny = layout(w, h)
        #expect(tiny.arrangement == .tooSmall)
        #expect(tiny.plot.isEmpty && tiny.status == nil && tiny.legend == nil && tiny.charts.isEmpty)
    }
}
