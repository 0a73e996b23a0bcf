import DescentCore
import Testing
@testable import DescentRender

@Test func bowlContoursAreCirclesOfTheRightRadius() {
    // x² + y² on [-2,2]² sampled at 20x20 pixel centres (-1.9 … 1.9): min 0.02, max 7.22.
    let viewport = Viewport(box: bowl.viewBox, rect: Rect(x: 0, y: 0, width: 20, height: 10))
    let field = Field(surface: bowl, viewport: viewport, logScale: false)
    let level = 0.25
    let radius = (0.02 + level * 7.2).squareRoot()
    let segments = ContourLines.segments(of: field, at: level)
    #expect(segments.count > 20)
    for segment in segments {
        for end in [segment.start, segment.end] {
            let p = viewport.plane(gridX: end.x, gridY: end.y, .pixels)
            // Linear interpolation of r² between nodes 0.2 apart is off by at most ~0.01 in r.
            #expect(Swift.abs((p.x * p.x + p.y * p.y).squareRoot() - radius) < 0.02)
        }
    }
}

@Test func bowlContourDrawsARing() throws {
    let viewport = Viewport(box: bowl.viewBox, rect: Rect(x: 0, y: 0, width: 12, height: 6))
    let field = Field(surface: bowl, viewport: viewport, logScale: false)
    var canvas = BrailleCanvas(area: viewport.rect)
    ContourLines(field: field, levels: [0.3]).draw(into: &canvas, ink: red)
    let rows = render(canvas).split(separator: "\n").map { Array($0.unicodeScalars) }
    // Empty in the middle and at the corners.
    #expect(rows[2][5] == " " && rows[3][6] == " ")
    #expect(rows[0][0] == " " && rows[0][11] == " " && rows[5][0] == " " && rows[5][11] == " ")
    // Inked on all four sides, centred to within the half-dot bias of flooring dot coordinates.
    let inked = rows.indices.flatMap { y in rows[y].indices.filter { rows[y][$0] != " " }.map { (x: $0, y: y) } }
    let xs = inked.map(\.x), ys = inked.map(\.y)
    #expect(ys.min() == 0 && ys.max() == 5)
    let left = try #require(xs.min()), right = try #require(xs.max())
    #expect(Swift.abs(left + right - 11) <= 1 && left <= 1)
}

private func approximatelyEqual(_ a: ContourSegment, _ b: ContourSegment) -> Bool {
    func close(_ p: (x: Double, y: Double), _ q: (x: Double, y: Double)) -> Bool {
        Swift.abs(p.x - q.x) < 1e-12 && Swift.abs(p.y - q.y) < 1e-12
    }
    return (close(a.start, b.start) && close(a.end, b.end)) || (close(a.start, b.end) && close(a.end, b.start))
}

@Test func saddleCasesAreDecidedByTheCentreAverage() {
    // One square: tl = 1, tr = 0, br = 1, bl = 0; corners at (0.5,0.5), (1.5,0.5), (1.5,1.5), (0.5,1.5).
    let field = Field(viewport: Viewport(box: ViewBox(x: 0...1, y: 0...1), rect: Rect(x: 0, y: 0, width: 2, height: 1)),
                      values: [1, 0, 0, 1], logScale: false)
    // c = 0.5: centre 0.5 ≥ c counts as above, so the low corners (tr, bl) are cut off.
    let high = ContourLines.segments(of: field, at: 0.5)
    let expectedHigh = [ContourSegment(start: (1.0, 0.5), end: (1.5, 1.0)), ContourSegment(start: (1.0, 1.5), end: (0.5, 1.0))]
    #expect(high.count == 2)
    #expect(expectedHigh.allSatisfy { e in high.contains { approximatelyEqual($0, e) } })
    // c = 0.6: centre below, so the high corners (tl, br) are cut off; crossings at 0.4/0.6 along edges.
    let low = ContourLines.segments(of: field, at: 0.6)
    let expectedLow = [ContourSegment(start: (0.9, 0.5), end: (0.5, 0.9)), ContourSegment(start: (1.5, 1.1), end: (1.1, 1.5))]
    #expect(low.count == 2)
    #expect(expectedLow.allSatisfy { e in low.contains { approximatelyEqual($0, e) } })
}

@Test func squaresWithNonFiniteCornersAreSkipped() {
    let field = Field(viewport: Viewport(box: ViewBox(x: 0...1, y: 0...1), rect: Rect(x: 0, y: 0, width: 2, height: 1)),
                      values: [0, 1, .nan, 1], logScale: false)
    #expect(ContourLines.segments(of: field, at: 0.5).isEmpty)
    #expect(ContourLines.evenLevels(count: 3) == [0.25, 0.5, 0.75])
}
