import DescentCore
import Testing
@testable import DescentRender

private let unit = ViewBox(x: 0...1, y: 0...1)
private let orange = Color.rgb(230, 159, 0)

private func draw(_ model: PlotModel, width: Int = 4, height: Int = 2, glyphs: Glyphs = .unicode) -> CellBuffer {
    var buffer = CellBuffer(width: width, height: height)
    PlotWidget.draw(model, into: &buffer, rect: buffer.bounds, glyphs: glyphs)
    return buffer
}

// 4x2 cells over the unit square: 8x8 dots, 1/8 per dot; (0.5, 0.5) is dot (4, 4), the top-left
// dot of cell (2, 1).

@Test func linesLeavingTheViewStopAtTheEdge() {
    let model = PlotModel(viewBox: unit, trajectories: [
        TrajectoryOverlay(points: [PlanePoint(x: 0.5, y: 0.5), PlanePoint(x: 100, y: 0.5)], color: orange),
    ], showsAxes: false)
    // Dots (4…7, 4): the top row of cells 2 and 3 in row 1; nothing wraps to the left.
    #expect(draw(model).text() == "    \n  ⠉⠉")
}

@Test func nonFinitePointsAreSkipped() {
    let model = PlotModel(viewBox: unit, trajectories: [
        TrajectoryOverlay(points: [PlanePoint(x: 0.5, y: 0.5), PlanePoint(x: .nan, y: 0), PlanePoint(x: 0.99, y: 0.5)],
                          color: orange, showsHead: false),
    ], showsAxes: false)
    #expect(draw(model).text() == "    \n  ⠉⠉")
}

@Test func theHeadMarksTheLastPoint() {
    let model = PlotModel(viewBox: unit, trajectories: [
        TrajectoryOverlay(points: [PlanePoint(x: 0.1, y: 0.9), PlanePoint(x: 0.6, y: 0.4)], color: orange),
    ], showsAxes: false)
    let buffer = draw(model)
    #expect(buffer[2, 1] == Cell("●", style: Style(foreground: orange, attributes: .bold)))
    #expect(buffer[0, 0].scalar != " ")
}

@Test func divergedRunsAreMarkedAtTheEdgeWithTheirStep() {
    let model = PlotModel(viewBox: unit, trajectories: [
        TrajectoryOverlay(points: [PlanePoint(x: 0.5, y: 0.5), PlanePoint(x: 50, y: 0.5)], color: orange, divergedAtStep: 7),
    ], showsAxes: false)
    #expect(draw(model).line(1) == "  ✖7")
}

@Test func markersSitOnTheHeatmapColour() throws {
    let viewport = Viewport(box: unit, rect: Rect(x: 0, y: 0, width: 4, height: 2))
    let layers = SurfaceLayers(surface: bowl, viewport: viewport)
    let model = PlotModel(viewBox: unit, layers: layers, showsContours: false,
                          criticalPoints: [CriticalPoint(x: 0.1, y: 0.1, kind: .globalMinimum),
                                           CriticalPoint(x: 0.9, y: 0.9, kind: .saddle)], showsAxes: false)
    let buffer = draw(model)
    #expect(buffer.text() == "▀▀▀✕\n★▀▀▀")
    let under = try #require(layers.heatmap.cellColor(x: 0, y: 1))
    #expect(buffer[0, 1].style.background == under)
}

@Test func trajectoriesOverTheHeatmapKeepItsColourBehind() throws {
    let viewport = Viewport(box: unit, rect: Rect(x: 0, y: 0, width: 4, height: 2))
    let layers = SurfaceLayers(surface: bowl, viewport: viewport)
    let model = PlotModel(viewBox: unit, layers: layers, showsContours: false, trajectories: [
        TrajectoryOverlay(points: [PlanePoint(x: 0.5, y: 0.5), PlanePoint(x: 0.99, y: 0.5)], color: orange, showsHead: false),
    ], showsAxes: false)
    let buffer = draw(model)
    #expect(buffer[3, 1].scalar == "⠉")
    #expect(buffer[3, 1].style == Style(foreground: orange, background: try #require(layers.heatmap.cellColor(x: 3, y: 1)),
                                        field: .background))
}

@Test func staleLayersAreNotDrawn() {
    let other = Viewport(box: ViewBox(x: 0...2, y: 0...1), rect: Rect(x: 0, y: 0, width: 4, height: 2))
    let model = PlotModel(viewBox: unit, layers: SurfaceLayers(surface: bowl, viewport: other), showsAxes: false)
    #expect(draw(model).text() == "    \n    ")
}

@Test func arrowHeadsPointAlongTheVector() {
    let model = PlotModel(viewBox: unit, arrows: [
        ArrowOverlay(from: PlanePoint(x: 0.1, y: 0.3), to: PlanePoint(x: 0.9, y: 0.3), color: orange),
        ArrowOverlay(from: PlanePoint(x: 0.1, y: 0.1), to: PlanePoint(x: 0.1, y: 0.9), color: orange),
    ], showsAxes: false)
    let buffer = draw(model)
    #expect(buffer[3, 1].scalar == "→")
    #expect(buffer[0, 0].scalar == "↑")
}

@Test func asciiGlyphsEverywhere() {
    let model = PlotModel(viewBox: unit, criticalPoints: [CriticalPoint(x: 0.1, y: 0.9, kind: .localMinimum)], trajectories: [
        TrajectoryOverlay(points: [PlanePoint(x: 0.5, y: 0.5), PlanePoint(x: 0.99, y: 0.5)], color: orange, showsHead: false),
    ], cursor: PlanePoint(x: 0.1, y: 0.1), showsAxes: false)
    #expect(draw(model, glyphs: .ascii).text() == "*   \n+ **")
}

@Test func axesFrameThePlotWithNiceTicks() {
    let box = ViewBox(x: -2...2, y: -1...1)
    var buffer = CellBuffer(width: 30, height: 8)
    PlotWidget.draw(PlotModel(viewBox: box), into: &buffer, rect: buffer.bounds, glyphs: .unicode)
    let area = PlotWidget.plotArea(in: buffer.bounds, viewBox: box)
    #expect(area == Rect(x: 3, y: 0, width: 27, height: 6))
    #expect(buffer.text() == """
         1┤                           
          │                           
         0┤                           
          │                           
          │                           
        -1┤                           
          └┬────────────┬────────────┬
          -2            0            2
        """)
}
