import DescentRender
import Testing
@testable import DescentTUI

@Test(arguments: [
    // Indexed terminfo caps COLORTERM=truecolor at the 256 palette.
    (ColorDepth.truecolor, 256, true, ColorDepth.xterm256),
    (.truecolor, 8, true, .eight),
    (.xterm256, 256, true, .xterm256),
    (.eight, 256, true, .eight),
    (.none, 256, true, .none),
    // Direct colour cannot show palette indices ≥ 8: 256 requests become truecolor.
    (.xterm256, 1 << 24, true, .truecolor),
    (.eight, 1 << 24, true, .eight),
    (.truecolor, 256, false, .none),
    (.xterm256, 2, true, .none),
] as [(ColorDepth, Int, Bool, ColorDepth)])
func cursesDepth(requested: ColorDepth, colors: Int, hasColors: Bool, expected: ColorDepth) {
    #expect(CursesColor.depth(requested: requested, colors: colors, hasColors: hasColors) == expected)
}

@Test func degradationEndsAtNone() {
    #expect(CursesColor.degraded(.truecolor, colors: 256) == .xterm256)
    #expect(CursesColor.degraded(.truecolor, colors: 1 << 24) == .eight)
    #expect(CursesColor.degraded(.xterm256, colors: 256) == .eight)
    #expect(CursesColor.degraded(.eight, colors: 8) == .none)
    #expect(CursesColor.degraded(.none, colors: 8) == .none)
}

@Test func colourNumbers() {
    #expect(CursesColor.number(for: .default, defaultNumber: -1) == -1)
    #expect(CursesColor.number(for: .indexed(196), defaultNumber: -1) == 196)
    #expect(CursesColor.number(for: .rgb(0x12, 0x34, 0x56), defaultNumber: -1) == 0x123456)
    // Direct colour numbers below 8 are ANSI colours: near-blacks are lifted to 8.
    #expect(CursesColor.number(for: .rgb(0, 0, 5), defaultNumber: -1) == 8)
    #expect(CursesColor.number(for: .rgb(0, 0, 0), defaultNumber: -1) == 8)
}

@Test func sixteenColoursWhereTheTerminalHasThem() {
    #expect(CursesColor.depth(requested: .sixteen, colors: 256, hasColors: true) == .sixteen)
    #expect(CursesColor.depth(requested: .xterm256, colors: 16, hasColors: true) == .sixteen)
    #expect(CursesColor.depth(requested: .sixteen, colors: 8, hasColors: true) == .eight)
    // A direct-colour terminal reads numbers 8–15 as RGB (near black): 16 colours become 8 there.
    #expect(CursesColor.depth(requested: .sixteen, colors: 1 << 24, hasColors: true) == .eight)
    #expect(CursesColor.degraded(.sixteen, colors: 16) == .eight)
    #expect(CursesColor.number(for: .indexed(12), defaultNumber: -1) == 12)
}
