import DescentCore
import Testing
@testable import DescentRender

// Upper pixel row [0, 1], lower row [NaN, 1]: levels 0 and 1 are viridis' ends
// (#440154, #FDE725); NaN is the neutral grey.
private let field = Field(viewport: Viewport(box: ViewBox(x: 0...1, y: 0...1), rect: Rect(x: 1, y: 1, width: 2, height: 1)),
                          values: [0, 1, .nan, 1], logScale: false)

@Test func halfBlocksCarryTheUpperPixelInFrontAndTheLowerBehind() {
    var buffer = CellBuffer(width: 4, height: 3)
    HeatmapLayer(field: field, colorMap: .viridis).draw(into: &buffer, glyphs: .unicode)
    #expect(buffer.text() == "    \n ▀▀ \n    ")
    // Both pixels are samples of the colour field (which a 256-colour quantiser may dither).
    let pixels: FieldColors = [.foreground, .background]
    #expect(buffer[1, 1].style == Style(foreground: .rgb(68, 1, 84), background: ColorMap.neutral, field: pixels))
    #expect(buffer[2, 1].style == Style(foreground: .rgb(253, 231, 37), background: .rgb(253, 231, 37), field: pixels))
}

@Test func cellColourIsTheMeanOfBothPixels() {
    let heatmap = HeatmapLayer(field: field, colorMap: .viridis)
    // ((68+128)/2, (1+128)/2, (84+128)/2) rounded half up.
    #expect(heatmap.cellColor(x: 1, y: 1) == .rgb(98, 65, 106))
    #expect(heatmap.cellColor(x: 0, y: 0) == nil)
}

@Test func asciiHeatmapShadesByLevel() {
    var buffer = CellBuffer(width: 4, height: 3)
    HeatmapLayer(field: field, colorMap: .viridis).draw(into: &buffer, glyphs: .ascii)
    // Cell 1: only the finite level 0 -> " "; cell 2: level 1 -> "@".
    #expect(buffer.line(1) == "  @ ")
}
