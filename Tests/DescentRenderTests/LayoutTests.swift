import Testing
@testable import DescentRender

@Test func splitGivesFixedFractionAndLeftoverSizes() {
    let parts = Layout.split(Rect(x: 0, y: 0, width: 100, height: 10), .horizontal, [.fixed(20), .fraction(0.5), .minimum(5)])
    #expect(parts.map(\.width) == [20, 50, 30])
    #expect(parts.map(\.x) == [0, 20, 70])
    let stacked = Layout.split(Rect(x: 3, y: 2, width: 5, height: 11), .vertical, [.minimum(1), .minimum(1)])
    #expect(stacked.map(\.height) == [6, 5])
    #expect(stacked.map(\.y) == [2, 8])
}

@Test func splitShrinksTheLastPartsWhenOverfull() {
    let parts = Layout.split(Rect(x: 0, y: 0, width: 10, height: 1), .horizontal, [.fixed(8), .fixed(5), .fixed(3)])
    #expect(parts.map(\.width) == [8, 2, 0])
}

private func checkTiling(_ layout: ScreenLayout) {
    let parts = [layout.plot] + [layout.legend, layout.status].compactMap { $0 } + layout.charts
    for (i, a) in parts.enumerated() {
        #expect(a.intersection(layout.screen) == a)
        for b in parts[(i + 1)...] { #expect(a.intersection(b).isEmpty) }
    }
    #expect(parts.map { $0.width * $0.height }.reduce(0, +) == layout.screen.width * layout.screen.height)
}

@Test func wideTerminalsGetASidePanel() {
    let big = ScreenLayout.choose(width: 200, height: 50)
    #expect(big.arrangement == .sidePanel)
    #expect(big.plot == Rect(x: 0, y: 0, width: 140, height: 49))
    #expect(big.legend == Rect(x: 140, y: 0, width: 60, height: 14))
    #expect(big.charts == [Rect(x: 140, y: 14, width: 60, height: 18), Rect(x: 140, y: 32, width: 60, height: 17)])
    #expect(big.status == Rect(x: 0, y: 49, width: 200, height: 1))
    checkTiling(big)

    let medium = ScreenLayout.choose(width: 120, height: 40)
    #expect(medium.arrangement == .sidePanel)
    #expect(medium.plot == Rect(x: 0, y: 0, width: 84, height: 39))
    #expect(medium.legend == Rect(x: 84, y: 0, width: 36, height: 11))
    #expect(medium.charts.map(\.height) == [14, 14])
    checkTiling(medium)
}

@Test func tallTerminalsStackChartsBelow() {
    let tall = ScreenLayout.choose(width: 80, height: 50)
    #expect(tall.arrangement == .stacked)
    #expect(tall.plot == Rect(x: 0, y: 0, width: 80, height: 29))
    #expect(tall.legend == Rect(x: 0, y: 29, width: 80, height: 6))
    #expect(tall.charts == [Rect(x: 0, y: 35, width: 40, height: 14), Rect(x: 40, y: 35, width: 40, height: 14)])
    checkTiling(tall)
}

@Test func smallTerminalsShowThePlotOnly() {
    for (w, h) in [(80, 24), (40, 12)] {
        let layout = ScreenLayout.choose(width: w, height: h)
        #expect(layout.arrangement == .plotOnly)
        #expect(layout.plot == Rect(x: 0, y: 0, width: w, height: h - 1))
        #expect(layout.status == Rect(x: 0, y: h - 1, width: w, height: 1))
        checkTiling(layout)
    }
}

@Test func tinyTerminalsGetACentredMessage() {
    let layout = ScreenLayout.choose(width: 20, height: 5)
    #expect(layout.arrangement == .tooSmall)
    #expect(layout.plot.isEmpty && layout.status == nil)
    var buffer = CellBuffer(width: 20, height: 5)
    ScreenLayout.drawTooSmall(into: &buffer)
    #expect(buffer.text() == """
                            
        Terminal too small: 
        enlarge to at least 
          40x12 (now 20x5)  
                            
        """)
    #expect(ScreenLayout.tooSmallMessage(width: 39, height: 30) == "Terminal too small: enlarge to at least 40x12 (now 39x30)")
}
