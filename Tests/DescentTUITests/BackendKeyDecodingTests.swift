import Testing
@testable import DescentTUI

@Test(arguments: [
    (UInt32(9), Key.tab), (10, .enter), (13, .enter), (27, .escape), (8, .backspace), (127, .backspace),
    (1, .ctrl("a")), (3, .ctrl("c")), (12, .ctrl("l")), (26, .ctrl("z")), (28, .ctrl("\\")),
    (0x20, .character(" ")), (0x71, .character("q")), (0x51, .character("Q")),
    (0xE9, .character("é")), (0x2847, .character("\u{2847}")), (0x1F600, .character("😀")),
] as [(UInt32, Key)])
func characterCodes(code: UInt32, expected: Key) {
    #expect(Key(characterCode: code) == expected)
}

@Test(arguments: [UInt32(0x85), 0x9F, 0xD800, 0x110000])
func controlAndInvalidCodesAreIgnored(code: UInt32) {
    #expect(Key(characterCode: code) == nil)
}
