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
