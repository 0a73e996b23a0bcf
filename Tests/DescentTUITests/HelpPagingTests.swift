import DescentRender
import Foundation
import Testing
@testable import DescentTUI

/// Every help page of `context` at `width` × `height`, drawn over a blank screen.
private func helpPages(_ context: KeyContext, width: Int, height: Int) -> [String] {
    var pages: [String] = []
    for page in 0..<10 {
        var buffer = CellBuffer(width: width, height: height)
        HelpOverlay.draw(context, page: page, into: &buffer, glyphs: .unicode)
        let text = buffer.text()
        if pages.last == text { break }
        pages.append(text)
    }
    return pages
}

@Test(arguments: [KeyContext.surface, .training, .lessons, .cloud])
func at80x24TheHelpShowsEveryKeyOnItsPages(context: KeyContext) {
    let pages = helpPages(context, width: 80, height: 24)
    // Long summaries wrap: compare with the box borders and line breaks as single spaces.
    let all = pages.joined(separator: "\n").replacingOccurrences(of: "│", with: " ")
        .split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    for binding in Keymap.bindings(in: context) {
        #expect(all.contains(binding.summary), "\(binding.label) missing from the \(context) help at 80x24")
    }
    // Every page says how to leave it (and, when there are more, how to get to them).
    for page in pages {
        #expect(page.contains("q quits"))
        if pages.count > 1 { #expect(page.contains("PgDn")) }
    }
}

@Test func pageKeysMoveThroughTheHelpAndClosingStartsAgainAtTheFirst() throws {
    var state = try AppFixture.state(width: 80, height: 24)
    _ = state.apply(.toggleHelp)
    _ = state.apply(.helpPage(forward: true))
    #expect(state.helpPage == 1)
    _ = state.apply(.helpPage(forward: false))
    _ = state.apply(.helpPage(forward: false))
    #expect(state.helpPage == 0)
    _ = state.apply(.helpPage(forward: true))
    _ = state.apply(.toggleHelp)
    _ = state.apply(.toggleHelp)
    #expect(state.helpPage == 0)
    #expect(Keymap.action(for: .pageDown, in: .surface) == .helpPage(forward: true))
}

@Test(arguments: [80, 60, 50])
func theStatusLineKeepsHelpAndQuitWhenNarrow(width: Int) throws {
    let state = try AppFixture.state(width: width, height: 24)
    let status = FrameComposer(glyphs: .unicode).compose(state).line(23)
    #expect(status.contains("? help") && status.contains("q quit"), "\(status)")
}
