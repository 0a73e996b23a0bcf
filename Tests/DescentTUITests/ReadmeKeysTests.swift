import Foundation
import Testing
@testable import DescentTUI

/// The README's key tables are written from the keymap; this keeps the two in step: every row
/// of every context, and the mouse actions.
@Test func readmeListsEveryKeyBindingAndMouseAction() throws {
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    for binding in Keymap.bindings {
        #expect(text.contains("| `\(binding.label)` | \(binding.summary) |"), "README lacks the row for \(binding.label) (\(binding.contexts))")
    }
    for mouse in Keymap.mouseHelp {
        #expect(text.contains("| mouse \(mouse.label) | \(mouse.summary) |"), "README lacks mouse \(mouse.label)")
    }
}
