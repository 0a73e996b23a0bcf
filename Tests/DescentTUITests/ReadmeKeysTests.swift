import Foundation
import Testing
@testable import DescentTUI

/// The README's key table is written from the keymap; this keeps the two in step.
@Test func readmeListsEveryKeyBindingAndMouseAction() throws {
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    for binding in Keymap.bindings {
        #expect(text.contains("| `\(binding.label)` | \(binding.summary) |"), "README lacks the row for \(binding.label)")
    }
    for mouse in Keymap.mouseHelp {
        #expect(text.contains("| mouse \(mouse.label) | \(mouse.summary) |"), "README lacks mouse \(mouse.label)")
    }
}

/// The README's table of the training view's keys likewise.
@Test func readmeListsEveryKeyOfTheTrainingView() throws {
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    for binding in TrainingKeymap.bindings {
        #expect(text.contains("| `\(binding.label)` | \(binding.summary) |"), "README lacks the training row for \(binding.label)")
    }
}
