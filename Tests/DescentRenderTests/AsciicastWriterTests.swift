import Testing
@testable import DescentRender

@Test func asciicastHeaderAndEventsAreJSONLines() {
    let writer = AsciicastWriter(width: 80, height: 24, title: "a \"b\"")
    #expect(writer.header() == "{\"version\": 2, \"width\": 80, \"height\": 24, \"title\": \"a \\\"b\\\"\", \"env\": {\"TERM\": \"xterm-256color\"}}\n")
    #expect(AsciicastWriter.output("\u{1B}[0mé\n", atMicroseconds: 1_500_000) == "[1.500000, \"o\", \"\\u001b[0mé\\n\"]\n")
    #expect(AsciicastWriter.seconds(42) == "0.000042")
}

@Test func theScreenWriterSendsTheWholeFrameFirstThenOnlyChanges() {
    var writer = AnsiScreenWriter(depth: .xterm256)
    var buffer = CellBuffer(width: 4, height: 2)
    buffer.write("ab", x: 0, y: 0)
    let first = writer.update(to: buffer)
    #expect(first.hasPrefix("\u{1B}[?25l\u{1B}[0m\u{1B}[2J\u{1B}[1;1H\u{1B}[0mab  "))
    #expect(writer.update(to: buffer) == "")
    buffer.write("X", x: 3, y: 1, style: Style(foreground: .rgb(255, 0, 0)))
    // Cell (3, 1) and its dither-block partner (2, 1).
    #expect(writer.update(to: buffer) == "\u{1B}[2;3H\u{1B}[0m \u{1B}[38;5;196mX\u{1B}[0m")
}
