import Testing
@testable import DescentTUI

@Test(arguments: [
    (["LANG": "en_US.UTF-8"], true),
    (["LANG": "C.utf8"], true),
    (["LC_ALL": "C", "LANG": "en_US.UTF-8"], false),
    (["LC_ALL": "", "LC_CTYPE": "de_DE.UTF-8", "LANG": "C"], true),
    (["LANG": "en_US.ISO-8859-1"], false),
    (["LANG": "C"], false),
    ([:], false),
] as [([String: String], Bool)])
func utf8Locale(environment: [String: String], expected: Bool) {
    #expect(TerminalEnvironment.isUTF8Locale(environment: environment) == expected)
}

@Test(arguments: [
    (["TERM": "xterm-256color", "COLORTERM": "truecolor"], "xterm-direct"),
    (["TERM": "xterm-256color", "COLORTERM": "24bit"], "xterm-direct"),
    (["TERM": "tmux-256color", "COLORTERM": "truecolor"], "tmux-direct"),
    (["TERM": "screen-256color", "COLORTERM": "truecolor", "TMUX": "/tmp/tmux-0/default,1,0"], "tmux-direct"),
    (["TERM": "alacritty-256color", "COLORTERM": "truecolor"], "alacritty-direct"),
] as [([String: String], String)])
func truecolourTerminalsStartOnADirectColourEntry(environment: [String: String], expected: String) {
    #expect(TerminalEnvironment.directColorTerminal(environment: environment, exists: { _ in true }) == expected)
}

@Test(arguments: [
    ["TERM": "xterm-256color"],                                     // COLORTERM does not say so
    ["TERM": "xterm-256color", "COLORTERM": "truecolor", "NO_COLOR": "1"],
    ["TERM": "xterm-direct", "COLORTERM": "truecolor"],             // already direct
    ["TERM": "screen-256color", "COLORTERM": "truecolor"],          // GNU screen passes no 24-bit colour
    ["TERM": "vt100", "COLORTERM": "truecolor"],
] as [[String: String]])
func otherTerminalsKeepTheirEntry(environment: [String: String]) {
    #expect(TerminalEnvironment.directColorTerminal(environment: environment, exists: { _ in true }) == nil)
}

@Test func aMissingDirectEntryKeepsTheTerminalsOwn() {
    let environment = ["TERM": "xterm-256color", "COLORTERM": "truecolor"]
    #expect(TerminalEnvironment.directColorTerminal(environment: environment, exists: { _ in false }) == nil)
    #expect(!TerminalEnvironment.terminfoExists("no-such-terminal-xyz", environment: [:]))
    #expect(TerminalEnvironment.terminfoExists("xterm-256color", environment: [:]) == true)
}
