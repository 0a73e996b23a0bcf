import Testing
@testable import DescentRender

@Test func svgDrawsBackgroundsBlocksBrailleAndTextAtTheirCells() {
    var buffer = CellBuffer(width: 4, height: 1)
    buffer[0, 0] = Cell("▀", style: Style(foreground: .rgb(255, 0, 0), background: .rgb(0, 0, 255)))
    buffer[1, 0] = Cell("⠁", style: Style(foreground: .rgb(0, 255, 0)))
    buffer.write("<a", x: 2, y: 0, style: Style(attributes: .bold))
    let svg = SVGWriter().svg(buffer)
    #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\""))
    // The half block: the lower pixel as the cell background, the upper as a half-height rectangle.
    #expect(svg.contains("<rect x=\"0\" y=\"0\" width=\"10\" height=\"20\" fill=\"#0000ff\"/>"))
    #expect(svg.contains("<rect x=\"0\" y=\"0\" width=\"10\" height=\"10\" fill=\"#ff0000\"/>"))
    // Braille dot 1 (top left) of cell 1 as a circle.
    #expect(svg.contains("<circle cx=\"13\" cy=\"2.5\" r=\"1.6\" fill=\"#00ff00\"/>"))
    // Text pinned to its cells, escaped, in the theme's foreground, bold.
    #expect(svg.contains("<text x=\"20 30\" y=\"15\" fill=\"#d0d0d0\" font-weight=\"bold\""))
    #expect(svg.contains(">&lt;a</text>"))
    #expect(!svg.contains("▀") && !svg.contains("⠁"))
}

@Test func svgShowsTheColoursOfTheChosenDepthAndSwapsReverse() {
    var buffer = CellBuffer(width: 1, height: 1)
    buffer[0, 0] = Cell("x", style: Style(foreground: .rgb(250, 100, 10), attributes: .reverse))
    // xterm-256 entry 202 is (255, 95, 0); reverse puts it behind the theme's background colour.
    let svg = SVGWriter(depth: .xterm256).svg(buffer)
    #expect(svg.contains("fill=\"#ff5f00\"/>"))
    #expect(svg.contains("fill=\"#1c1c1c\""))
}

@Test func htmlIsAStandalonePageAroundTheSVG() {
    let html = SVGWriter().html(CellBuffer(width: 2, height: 1), title: "a <b>")
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<title>a &lt;b&gt;</title>"))
    #expect(html.contains("<svg ") && html.hasSuffix("</html>\n"))
}

@Test func svgNumbersHaveAtMostTwoDecimals() {
    #expect(SVGWriter.number(2.5) == "2.5")
    #expect(SVGWriter.number(1.6) == "1.6")
    #expect(SVGWriter.number(10) == "10")
    #expect(SVGWriter.number(0.05) == "0.05")
    #expect(SVGWriter.number(-0.5) == "-0.5")
}
