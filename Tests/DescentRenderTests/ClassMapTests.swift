import DescentCore
import Testing
@testable import DescentRender

/// The decision-region map: pixel sampling, region colours, markers and the fallbacks.
@Suite struct ClassMapTests {
    private let viewport = Viewport(box: ViewBox(x: 0...4, y: 0...2), rect: Rect(x: 1, y: 1, width: 4, height: 1))

    @Test func pixelCentersAreRowMajorFromTheTop() {
        let points = ClassMap.pixelCenters(viewport)
        // 4 × 2 pixels: row 0 at y = 1.5, row 1 at y = 0.5; columns at x = 0.5, 1.5, 2.5, 3.5.
        #expect(points == [0.5, 1.5, 1.5, 1.5, 2.5, 1.5, 3.5, 1.5, 0.5, 0.5, 1.5, 0.5, 2.5, 0.5, 3.5, 0.5])
    }

    @Test func regionsAreHalfBlocksOfTheClassColoursFadingWithConfidence() {
        let pixels = [(0, 1.0), (0, 0.5), (1, 1.0), (1, 0.75), (0, 1.0), (0, 0.5), (1, 1.0), (1, 0.75)]
        var buffer = CellBuffer(width: 6, height: 3)
        ClassMap(viewport: viewport, pixels: pixels.map { ($0.0, $0.1) }, samples: [], hasColors: true).draw(into: &buffer, glyphs: .unicode)
        #expect(buffer.line(1) == " ▀▀▀▀ ")
        let sure = ClassMap.regionColor(0, confidence: 1), unsure = ClassMap.regionColor(0, confidence: 0.5)
        #expect(sure == Color.mix(ClassMap.background, ClassMap.classColors[0], weight: 0.8))
        #expect(unsure == Color.mix(ClassMap.background, ClassMap.classColors[0], weight: 0.2))
        #expect(buffer[1, 1].style.foreground == sure && buffer[1, 1].style.background == sure)
        #expect(buffer[2, 1].style.foreground == unsure)
        #expect(buffer[4, 1].style.foreground == ClassMap.regionColor(1, confidence: 0.75))
    }

    @Test func eachCellShowsTheMostFrequentClassOfItsSamples() {
        let samples = [ClassMap.Sample(x: 0.2, y: 1, label: 1), .init(x: 0.7, y: 1.5, label: 0), .init(x: 0.9, y: 0.1, label: 1),
                       .init(x: 2.5, y: 1, label: 0), .init(x: 2.6, y: 1, label: 1),  // a tie: the lower class
                       .init(x: 9, y: 1, label: 0), .init(x: .nan, y: 1, label: 0)]   // outside, not finite: left out
        let map = ClassMap(viewport: viewport, pixels: [], samples: samples, hasColors: true)
        let markers = map.markers()
        #expect(markers.map(\.cell.x) == [1, 3] && markers.map(\.cell.y) == [1, 1])
        #expect(markers.map(\.label) == [1, 0])
        var buffer = CellBuffer(width: 6, height: 3)
        map.draw(into: &buffer, glyphs: .unicode)
        #expect(buffer.line(1) == " ▲ ●  ")
        #expect(buffer[1, 1].style.foreground == ClassMap.classColors[1])
    }

    @Test func withoutColoursRegionsAreShadesAndMarkersStayDistinct() {
        let pixels = [(0, 1.0), (1, 1.0), (2, 1.0), (0, 1.0), (0, 1.0), (1, 1.0), (2, 1.0), (0, 1.0)]
        var buffer = CellBuffer(width: 6, height: 3)
        let samples = [ClassMap.Sample(x: 3.5, y: 1, label: 2)]
        ClassMap(viewport: viewport, pixels: pixels.map { ($0.0, $0.1) }, samples: samples, hasColors: false).draw(into: &buffer, glyphs: .ascii)
        #expect(buffer.line(1) == "  .:+ ")
        #expect(buffer[1, 1].style.foreground == .default)
    }

    @Test func theBoxPadsTheSamplesByATenth() {
        let box = ClassMap.box(around: [.init(x: 0, y: -1, label: 0), .init(x: 10, y: 1, label: 1)])
        #expect(box.x == -1...11)
        #expect(abs(box.y.lowerBound + 1.2) < 1e-12 && abs(box.y.upperBound - 1.2) < 1e-12)
        #expect(ClassMap.box(around: []).x == -1...1)
        #expect(ClassMap.box(around: [.init(x: 2, y: 3, label: 0)]).x == 1...3)
    }
}
