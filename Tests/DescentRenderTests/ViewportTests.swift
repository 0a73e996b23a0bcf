import DescentCore
import Testing
@testable import DescentRender

private let square = Viewport(box: ViewBox(x: -1...1, y: -1...1), rect: Rect(x: 10, y: 5, width: 4, height: 2))

@Test func mapsPlanePointsToCellsWithYUp() throws {
    let topLeft = try #require(square.cell(x: -1, y: 1))
    #expect(topLeft.x == 10 && topLeft.y == 5)
    let bottomRight = try #require(square.cell(x: 0.99, y: -0.99))
    #expect(bottomRight.x == 13 && bottomRight.y == 6)
    #expect(square.cell(x: 1, y: 0) == nil)       // the right edge is outside
    #expect(square.cell(x: .nan, y: 0) == nil)
}

@Test func pixelCentresSampleTheMiddleOfEachPixel() {
    // 4 pixels across a width of 2: centres at -0.75, -0.25, …; 4 pixel rows, the top at 0.75.
    let c = square.center(column: 0, row: 0, .pixels)
    #expect(c.x == -0.75 && c.y == 0.75)
    let d = square.grid(x: 0, y: 0, .dots)
    #expect(d.x == 4 && d.y == 4)
}

@Test func zoomKeepsTheAnchorPointInPlace() {
    let zoomed = square.zoomed(by: 2, about: 1, 1)
    #expect(zoomed.box == ViewBox(x: 0...1, y: 0...1))
    #expect(square.zoomed(by: .nan).box == square.box)
    #expect(square.zoomed(by: 0.5).box == ViewBox(x: -2...2, y: -2...2))
}

@Test func panMovesByFractionsOfTheView() {
    #expect(square.panned(dx: 0.5, dy: -0.25).box == ViewBox(x: 0...2, y: -1.5...0.5))
}

@Test func degenerateBoxesAreWidened() {
    let flat = Viewport(box: ViewBox(x: 3...3, y: -1...1), rect: Rect(x: 0, y: 0, width: 2, height: 2))
    #expect(flat.box.x == 2.5...3.5)
}
