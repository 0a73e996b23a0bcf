import DescentRender
import DescentTUI
import Foundation

/// Test-only, off unless the environment sets `DESCENT_CRASH_ON_KEY` to one character: the
/// terminal of `descent play`, which stops the program with a Swift runtime error (a trap) when
/// that key is read, so that an end-to-end test can check what a real crash while the TUI runs
/// leaves behind (the terminal restored before anything else prints, exit status 128 + SIGILL).
/// The README's "For maintainers" documents it.
final class CrashOnKeyTerminal: TerminalDevice {
    /// The variable that turns it on.
    static let variable = "DESCENT_CRASH_ON_KEY"

    private let base: any TerminalDevice
    private let key: Character

    /// `base` wrapped when the environment asks for it, else `base` itself.
    static func wrapping(_ base: any TerminalDevice, environment: [String: String]) -> any TerminalDevice {
        guard let value = environment[variable], value.count == 1, let key = value.first else { return base }
        return CrashOnKeyTerminal(base: base, key: key)
    }

    private init(base: any TerminalDevice, key: Character) {
        self.base = base
        self.key = key
    }

    func size() -> (width: Int, height: Int) { base.size() }
    func present(_ buffer: CellBuffer) { base.present(buffer) }
    func invalidate() { base.invalidate() }

    func readEvent(timeoutMilliseconds: Int32) -> InputEvent? {
        let event = base.readEvent(timeoutMilliseconds: timeoutMilliseconds)
        if event == .key(.character(key)) { fatalError("\(Self.variable): the crash a test asked for") }
        return event
    }
}
