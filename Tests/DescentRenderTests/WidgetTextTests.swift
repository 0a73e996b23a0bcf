import Testing
@testable import DescentRender

private let legend = LegendTable(
    labelTitle: "run", columns: [.init(title: "step"), .init(title: "loss")],
    rows: [.init(swatch: .rgb(230, 159, 0), label: "momentum(0.9)", cells: ["12", "0.5"]),
           .init(swatch: .rgb(86, 180, 233), label: "adam", cells: ["7", "1.25"])])

@Test func legendShrinksTheLabelBeforeDroppingColumns() {
    var buffer = CellBuffer(width: 20, height: 3)
    legend.draw(into: &buffer, rect: buffer.bounds, glyphs: .unicode)
    // The name is shortened, its numbers kept (issue: a legend that keeps the learning rate).
    #expect(buffer.text() == """
          run      step loss
        █ mo…(0.9)   12  0.5
        █ adam        7 1.25
        """)
    #expect(buffer[0, 1].style.foreground == .rgb(230, 159, 0))
}

@Test func legendDropsColumnsThenTruncatesTheLabel() {
    var buffer = CellBuffer(width: 7, height: 3)
    legend.draw(into: &buffer, rect: buffer.bounds, glyphs: .ascii)
    #expect(buffer.text() == "  run  \n# mome~\n# adam ")
}

@Test func statusBarDropsHintsThenTruncates() {
    let bar = StatusBar(segments: ["step 12/200", "lr 0.01"],
                        hints: [.init(key: "q", action: "quit"), .init(key: "space", action: "pause")])
    #expect(bar.text(width: 50, glyphs: .unicode) == " step 12/200 │ lr 0.01        q quit  space pause ")
    #expect(bar.text(width: 30, glyphs: .unicode) == " step 12/200 │ lr 0.01 q quit ")
    #expect(bar.text(width: 15, glyphs: .unicode) == " step 12/200 │…")
    #expect(bar.text(width: 24, glyphs: .ascii) == " step 12/200 | lr 0.01  ")
}

@Test func wrapBreaksAtSpacesAndInsideLongWords() {
    #expect(TextFitting.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
    #expect(TextFitting.wrap("abcdefghij xy", width: 4) == ["abcd", "efgh", "ij", "xy"])
    #expect(TextFitting.wrap("a\n\nb", width: 4) == ["a", "", "b"])
    #expect(TextFitting.wrap("anything", width: 0).isEmpty)
}

@Test func textBoxWrapsInsideABorderWithTitle() {
    var buffer = CellBuffer(width: 14, height: 5)
    TextBox(title: "Help", text: "the quick brown fox jumps").draw(into: &buffer, rect: buffer.bounds, glyphs: .unicode)
    #expect(buffer.text() == """
        ┌─ Help ─────┐
        │ the quick  │
        │ brown fox  │
        │ jumps      │
        └────────────┘
        """)
}

@Test func textBoxCutsOverflowWithAnEllipsisAndHasAnAsciiBorder() {
    var buffer = CellBuffer(width: 14, height: 4)
    TextBox(text: "the quick brown fox jumps").draw(into: &buffer, rect: buffer.bounds, glyphs: .ascii)
    #expect(buffer.text() == """
        +------------+
        | the quick  |
        | brown fox~ |
        +------------+
        """)
    #expect(TextBox(text: "the quick brown fox jumps").height(forWidth: 14) == 5)
}

@Test func truncationMarksTheCut() {
    #expect(TextFitting.truncate("gradient", to: 5, ellipsis: "…") == "grad…")
    #expect(TextFitting.truncate("sgd", to: 5, ellipsis: "…") == "sgd")
    #expect(TextFitting.truncate("sgd", to: 0, ellipsis: "…") == "")
}

@Test func legendLabelsShortenTheNameAndKeepTheNumbers() {
    #expect(LegendTable.shortened(" 2 momentum(lr=0.0005)", to: 17, ellipsis: "…") == " 2 mo…(lr=0.0005)")
    #expect(LegendTable.shortened("sgd(lr=0.1)", to: 20, ellipsis: "…") == "sgd(lr=0.1)")
    // The arguments alone do not fit: the label is left for the usual cut at the end.
    #expect(LegendTable.shortened("adam(lr=0.05, betas=(0.9, 0.99))", to: 10, ellipsis: "…") == "adam(lr=0.05, betas=(0.9, 0.99))")
}
