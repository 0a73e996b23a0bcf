import DescentCore
import Testing
@testable import DescentRender

private func viewport(_ width: Int, _ height: Int) -> Viewport {
    Viewport(box: ViewBox(x: 0...1, y: 0...1), rect: Rect(x: 0, y: 0, width: width, height: height))
}

@Test func samplesThePixelCentres() {
    // Box [-2,2]², 2x1 cells -> 2x2 pixels with centres (±1, ±1): x² + y² = 2 everywhere.
    let field = Field(surface: bowl, viewport: Viewport(box: bowl.viewBox, rect: Rect(x: 0, y: 0, width: 2, height: 1)))
    #expect(field.width == 2 && field.height == 2)
    #expect(field.values == [2, 2, 2, 2])
    #expect(field.levels == [0.5, 0.5, 0.5, 0.5])  // a constant field sits mid-scale
}

@Test func linearLevelsSpanZeroToOne() {
    let field = Field(viewport: viewport(2, 1), values: [1, 3, 5, 9], logScale: false)
    #expect(field.minimum == 1 && field.maximum == 9)
    #expect(field.levels == [0, 0.25, 0.5, 1])
}

@Test func logLevelsFollowTheDocumentedFormula() {
    // min 0, max 100 -> δ = 0.01; t(1) = (ln 1.01 − ln 0.01)/(ln 100.01 − ln 0.01) = ln 101 / ln 10001.
    let field = Field(viewport: viewport(2, 1), values: [0, 1, 10, 100], logScale: true)
    #expect(field.levels[0] == 0 && field.levels[3] == 1)
    #expect(Swift.abs(field.levels[1] - 4.61512051684126 / 9.21044036697651) < 1e-12)
}

@Test func nonFiniteSamplesAreMarkedAndIgnoredInTheRange() {
    let field = Field(viewport: viewport(2, 1), values: [.nan, 2, .infinity, 4], logScale: false)
    #expect(field.minimum == 2 && field.maximum == 4)
    #expect(field.levels[0].isNaN && field.levels[2].isNaN)
    #expect(field.levels[1] == 0 && field.levels[3] == 1)
    let empty = Field(viewport: viewport(1, 1), values: [.nan], logScale: true)
    #expect(empty.levels.allSatisfy { $0.isNaN })
}
