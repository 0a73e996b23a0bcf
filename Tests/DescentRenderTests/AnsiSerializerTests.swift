import Testing
@testable import DescentRender

private let esc = "\u{1B}"

private func buffer(_ lines: [String]) -> CellBuffer {
    var buffer = CellBuffer(width: lines.map { $0.unicodeScalars.count }.max() ?? 0, height: lines.count)
    for (y, line) in lines.enumerated() { buffer.write(line, x: 0, y: y) }
    return buffer
}

@Test func plainBufferHasNoEscapes() {
    let plain = buffer(["ab", "cd"])
    for depth in ColorDepth.allCases {
        #expect(AnsiSerializer(depth: depth).serialize(plain) == "ab\ncd")
    }
}

@Test func noneDropsColoursAndAttributes() {
    var b = buffer(["ab"])
    b[0, 0].style = Style(foreground: .rgb(255, 0, 0), attributes: [.bold, .reverse])
    #expect(AnsiSerializer(depth: .none).serialize(b) == "ab")
}

@Test func truecolorRunsShareOneSequenceAndResetAtLineEnd() {
    var b = buffer(["abc", "xde"])
    let style = Style(foreground: .rgb(1, 2, 3), background: .rgb(4, 5, 6))
    b[0, 0].style = style
    b[1, 0].style = style
    b[1, 1].style = style
    b[2, 1].style = style
    #expect(AnsiSerializer(depth: .truecolor).serialize(b) ==
        "\(esc)[38;2;1;2;3;48;2;4;5;6mab\(esc)[39;49mc\n" +
        "x\(esc)[38;2;1;2;3;48;2;4;5;6mde\(esc)[0m")
}

@Test func xterm256UsesPaletteIndices() {
    var b = buffer(["xy"])
    b[0, 0].style = Style(foreground: .rgb(255, 0, 0))
    b[1, 0].style = Style(foreground: .rgb(250, 5, 5), background: .rgb(128, 128, 128))
    // (250, 5, 5) quantises to 196 like (255, 0, 0), so only the background changes.
    #expect(AnsiSerializer(depth: .xterm256).serialize(b) ==
        "\(esc)[38;5;196mx\(esc)[48;5;244my\(esc)[0m")
}

@Test func eightColoursUseBasicCodes() {
    var b = buffer(["xy"])
    b[0, 0].style = Style(foreground: .rgb(0, 0, 255), background: .rgb(255, 255, 0))
    b[1, 0].style = Style(background: .rgb(0, 255, 0))
    #expect(AnsiSerializer(depth: .eight).serialize(b) ==
        "\(esc)[34;43mx\(esc)[39;42my\(esc)[0m")
}

@Test func attributesSwitchOnAndOffIndividually() {
    var b = buffer(["abcde"])
    b[0, 0].style = Style(attributes: [.bold, .underline])
    b[1, 0].style = Style(attributes: [.dim, .underline])
    b[2, 0].style = Style(attributes: [.dim, .reverse])
    b[3, 0].style = Style(attributes: [.dim, .reverse])
    #expect(AnsiSerializer(depth: .xterm256).serialize(b) ==
        "\(esc)[1;4ma\(esc)[22;2mb\(esc)[24;7mcd\(esc)[22;27me")
}
