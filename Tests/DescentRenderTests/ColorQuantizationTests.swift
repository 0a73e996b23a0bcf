import Testing
@testable import DescentRender

@Test(arguments: [
    // Exact cube colours: 16 + 36r + 6g + b with r, g, b the level positions.
    ((255, 0, 0), 196), ((0, 255, 0), 46), ((0, 0, 255), 21), ((255, 255, 0), 226),
    ((0, 0, 0), 16), ((255, 255, 255), 231), ((215, 95, 0), 166), ((95, 95, 95), 59),
    // Near-cube colours snap to the nearest level per channel (250 → 255, 100 → 95, 10 → 0).
    ((250, 100, 10), 202),  // 16 + 36·5 + 6·1 + 0
    // Greys off the cube land on the ramp 232 + k, level 8 + 10k.
    ((8, 8, 8), 232), ((128, 128, 128), 244), ((238, 238, 238), 255), ((100, 100, 100), 241),
    ((48, 48, 48), 236),
] as [((Int, Int, Int), Int)])
func xterm256Index(rgb: (Int, Int, Int), expected: Int) {
    let index = ColorQuantization.xterm256Index(red: UInt8(rgb.0), green: UInt8(rgb.1), blue: UInt8(rgb.2))
    #expect(index == expected)
}

@Test(arguments: [
    ((255, 0, 0), 1), ((0, 255, 0), 2), ((255, 255, 0), 3), ((0, 0, 255), 4),
    ((255, 0, 255), 5), ((0, 255, 255), 6), ((255, 255, 255), 7), ((0, 0, 0), 0),
    ((30, 30, 30), 0), ((200, 200, 200), 7), ((150, 10, 10), 1),
] as [((Int, Int, Int), Int)])
func ansi8Index(rgb: (Int, Int, Int), expected: Int) {
    #expect(ColorQuantization.ansi8Index(red: UInt8(rgb.0), green: UInt8(rgb.1), blue: UInt8(rgb.2)) == expected)
}

@Test func everyByteMapsInsideThePalette() {
    for v in 0...255 {
        let value = UInt8(v)
        #expect((16...255).contains(ColorQuantization.xterm256Index(red: value, green: 255 - value, blue: value / 2)))
        #expect((0...7).contains(ColorQuantization.ansi8Index(red: value, green: value / 3, blue: 255 - value)))
    }
}

@Test func redmeanDistanceWeightsGreenMost() {
    // Hand-computed: ΣR = 0, so weights are 1024, 2048, 1534 for a unit step in each channel.
    #expect(ColorQuantization.distanceSquared((0, 0, 0), (1, 0, 0)) == 1025)
    #expect(ColorQuantization.distanceSquared((0, 0, 0), (0, 1, 0)) == 2048)
    #expect(ColorQuantization.distanceSquared((0, 0, 0), (0, 0, 1)) == 1534)
}

@Test(arguments: [
    (["NO_COLOR": "1", "COLORTERM": "truecolor", "TERM": "xterm-256color"], 256, ColorDepth.none),
    (["NO_COLOR": "", "TERM": "xterm-256color"], nil, .xterm256),
    (["COLORTERM": "truecolor", "TERM": "xterm"], 8, .truecolor),
    (["COLORTERM": "24bit"], nil, .truecolor),
    (["TERM": "xterm-direct"], 16_777_216, .truecolor),
    (["TERM": "tmux-256color"], nil, .xterm256),
    (["TERM": "screen"], 256, .xterm256),
    (["TERM": "xterm"], 8, .eight),
    (["TERM": "xterm"], nil, .none),
    (["TERM": "vt100"], 2, .none),
    ([:], nil, .none),
] as [([String: String], Int?, ColorDepth)])
func depthDetection(environment: [String: String], colors: Int?, expected: ColorDepth) {
    #expect(ColorDepth.detect(environment: environment, colorsReported: colors) == expected)
}

@Test func quantizeKeepsDefaultAndDropsColourForNone() {
    let red = Color.rgb(255, 0, 0)
    #expect(ColorDepth.none.quantize(red) == .default)
    #expect(ColorDepth.eight.quantize(red) == .indexed(1))
    #expect(ColorDepth.xterm256.quantize(red) == .indexed(196))
    #expect(ColorDepth.truecolor.quantize(red) == .rgb(255, 0, 0))
    for depth in ColorDepth.allCases { #expect(depth.quantize(.default) == .default) }
}

@Test func sixteenColoursAddTheBrightVariants() {
    #expect(ColorDepth.detect(environment: ["TERM": "xterm-16color"], colorsReported: 16) == .sixteen)
    #expect(ColorDepth.eight < .sixteen && ColorDepth.sixteen < .xterm256)
    #expect(ColorDepth.sixteen.quantize(.rgb(205, 0, 0)) == .indexed(1))
    #expect(ColorDepth.sixteen.quantize(.rgb(255, 0, 0)) == .indexed(9))
    #expect(ColorDepth.sixteen.quantize(.rgb(255, 255, 255)) == .indexed(15))
    #expect(ColorDepth.sixteen.quantize(.rgb(120, 120, 120)) == .indexed(8))
    // Every colour of the heatmap and the trails lands inside the 16 colours; the default six
    // trails keep at least four different entries (the heads and dash patterns tell the rest).
    let heat = (0...255).map { ColorMap.viridis.color(at: Double($0) / 255) }
    for color in heat + Palette.trails.colors {
        guard case let .indexed(n) = ColorDepth.sixteen.quantize(color) else { Issue.record("\(color)"); continue }
        #expect((0..<16).contains(n))
    }
    #expect(Set(Palette.trails.colors.map(ColorDepth.sixteen.quantize)).count >= 4)
    // The heatmap keeps steps of colour.
    #expect(Set(heat.map(ColorDepth.sixteen.quantize)).count >= 4)
}

@Test func brightColoursUseTheirOwnSGRCodes() {
    var buffer = CellBuffer(width: 2, height: 1)
    buffer[0, 0] = Cell("a", style: Style(foreground: .rgb(255, 0, 0), background: .rgb(255, 255, 255)))
    buffer[1, 0] = Cell("b", style: Style(foreground: .rgb(0, 0, 238)))
    let text = AnsiSerializer(depth: .sixteen).serialize(buffer)
    #expect(text.contains("91;107m"))
    #expect(text.contains("34"))
    #expect(!text.contains("38;5") && !text.contains("48;5") && !text.contains("38;2"))
}
