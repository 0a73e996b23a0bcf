import Testing
@testable import DescentRender

// Expected patterns are the Unicode braille bits, by hand: left column 0x01 0x02 0x04 0x40,
// right column 0x08 0x10 0x20 0x80, shown as U+2800 + bits.

@Test func horizontalLineSetsTheTopRowOfDots() {
    var canvas = BrailleCanvas(area: Rect(x: 0, y: 0, width: 2, height: 1))
    canvas.line(fromDot: (0, 0), toDot: (3, 0), ink: red)
    #expect(render(canvas) == "⠉⠉")  // 0x01 | 0x08 = 0x09 in both cells
}

@Test func verticalLineSetsTheLeftColumn() {
    var canvas = BrailleCanvas(area: Rect(x: 0, y: 0, width: 1, height: 1))
    canvas.line(fromDot: (0, 3), toDot: (0, 0), ink: red)
    #expect(render(canvas) == "⡇")  // 0x01 | 0x02 | 0x04 | 0x40 = 0x47
}

@Test func diagonalLineSteps1By1() {
    var canvas = BrailleCanvas(area: Rect(x: 0, y: 0, width: 2, height: 1))
    canvas.line(fromDot: (0, 0), toDot: (3, 3), ink: red)
    // dots (0,0),(1,1) -> 0x01|0x10 = 0x11; (2,2),(3,3) -> 0x04|0x80 = 0x84
    #expect(render(canvas) == "⠑⢄")
}

@Test func steepLineMovesOneColumnHalfway() {
    var canvas = BrailleCanvas(area: Rect(x: 0, y: 0, width: 1, height: 2))
    canvas.line(fromDot: (0, 0), toDot: (1, 7), ink: red)
    // Bresenham: (0,0)…(0,3) then (1,4)…(1,7): left column of the top cell, right of the bottom.
    #expect(render(canvas) == "⡇\n⢸")
}

@Test func continuousLinesAreClippedAtTheEdgeWithoutWrapping() {
    var canvas = BrailleCanvas(area: Rect(x: 0, y: 0, width: 2, height: 2))
    canvas.line(from: (-100, 1.5), to: (1e6, 1.5), ink: red)   // crosses the whole canvas in dot row 1
    canvas.line(from: (-5, -5), to: (-1, 20), ink: red)         // entirely left of it
    #expect(render(canvas) == "⠒⠒\n  ")  // 0x02 | 0x10 = 0x12
}

@Test func nonFiniteEndsAreSkipped() {
    var canvas = BrailleCanvas(area: Rect(x: 0, y: 0, width: 2, height: 1))
    canvas.line(from: (.nan, 0), to: (3, 0), ink: red)
    canvas.line(from: (0, 0), to: (.infinity, 0), ink: red)
    canvas.point(.nan, 1, ink: red)
    #expect(render(canvas) == "  ")
}

@Test func lastInkWinsTheCellColourAndDotsMerge() {
    var canvas = BrailleCanvas(area: Rect(x: 0, y: 0, width: 1, height: 1))
    canvas.set(dotX: 0, dotY: 0, ink: red)
    canvas.set(dotX: 1, dotY: 0, ink: blue)
    var buffer = CellBuffer(width: 1, height: 1)
    canvas.compose(onto: &buffer, braille: true, background: { _, _ in .rgb(1, 2, 3) })
    #expect(buffer[0, 0] == Cell("⠉", style: Style(foreground: .rgb(0, 0, 255), background: .rgb(1, 2, 3), field: .background)))
}

@Test func fallbackModeDrawsTheInkGlyphPerCell() {
    var canvas = BrailleCanvas(area: Rect(x: 0, y: 0, width: 3, height: 1))
    canvas.line(fromDot: (0, 0), toDot: (2, 0), ink: red)
    #expect(render(canvas, braille: false) == "** ")
}

@Test func composeKeepsTheExistingBackgroundWithoutAnUnderlay() {
    var buffer = CellBuffer(width: 2, height: 1, fill: Cell(" ", style: Style(background: .rgb(9, 9, 9))))
    var canvas = BrailleCanvas(area: Rect(x: 1, y: 0, width: 1, height: 1))
    canvas.set(dotX: 0, dotY: 0, ink: red)
    canvas.compose(onto: &buffer, braille: true)
    #expect(buffer[1, 0].style == Style(foreground: .rgb(255, 0, 0), background: .rgb(9, 9, 9)))
    #expect(buffer[0, 0].scalar == " ")
}
