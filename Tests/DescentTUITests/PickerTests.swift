import DescentRender
import Testing
@testable import DescentTUI

private let entries = [
    PickerEntry(title: "The default race", description: "Six optimizers on Beale.", path: nil),
    PickerEntry(title: "The long valley", description: "SGD zig-zags across a narrow valley.", path: "scenes/long-valley.toml"),
    PickerEntry(title: "The saddle", description: "SGD stalls at a saddle.", path: "scenes/saddle.toml"),
]

@Test func keysMoveTheSelectionWithinTheListAndOpenOrQuit() {
    var state = PickerState(entries: entries, width: 80, height: 24)
    func press(_ key: Key) -> PickerState.Outcome? {
        guard let action = PickerKeymap.action(for: .key(key)) else { return nil }
        return state.apply(action)
    }
    #expect(press(.up) == nil && state.selected == 0)
    #expect(press(.down) == nil && state.selected == 1)
    #expect(press(.character("j")) == nil && state.selected == 2)
    #expect(press(.character("j")) == nil && state.selected == 2)
    #expect(press(.character("k")) == nil && state.selected == 1)
    #expect(press(.enter) == .open(entries[1]))
    #expect(press(.character("q")) == .quit)
    #expect(press(.escape) == .quit)
    #expect(PickerKeymap.action(for: .interrupt) == .quit)
    #expect(press(.end) == nil && state.selected == 2)
    #expect(press(.home) == nil && state.selected == 0)
}

@Test func theViewListsTitlesMarksTheSelectionAndShowsItsDescription() {
    var state = PickerState(entries: entries, width: 80, height: 24)
    _ = state.apply(.next)
    let text = PickerView(glyphs: .unicode).compose(state).text()
    #expect(text.contains("choose a lesson"))
    #expect(text.contains("  The default race"))
    #expect(text.contains("▸ The long valley"))
    #expect(text.contains("SGD zig-zags across a narrow valley."))
    #expect(!text.contains("SGD stalls"))
    #expect(text.contains(PickerKeymap.hint))
}

@Test func aTinyTerminalGetsTheEnlargeMessageAndAsciiStaysAscii() {
    let tiny = PickerView(glyphs: .unicode).compose(PickerState(entries: entries, width: 20, height: 5)).text()
    #expect(tiny.contains("enlarge") || tiny.contains("Enlarge"))
    let ascii = PickerView(glyphs: .ascii).compose(PickerState(entries: entries, width: 80, height: 24)).text()
    #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII })
}

@Test func theLoopReturnsTheOpenedEntryOrNilOnQuit() {
    let terminal = HeadlessTerminal(width: 80, height: 24, events: [.key(.down), .key(.down), .key(.enter)])
    #expect(runPicker(entries, on: terminal, glyphs: .unicode) == entries[2])
    let quitting = HeadlessTerminal(width: 80, height: 24, events: [.key(.down), .interrupt])
    #expect(runPicker(entries, on: quitting, glyphs: .unicode) == nil)
}
