import DescentRender
import Foundation

/// A terminal that also records what it shows: every frame ``present(_:)`` draws becomes an
/// asciicast v2 output event (``AsciicastWriter``, its changes from ``AnsiScreenWriter``) at the
/// real time since the recording started, and a size change a resize event (`[t, "r", "WxH"]`).
/// `descent play --record FILE.cast`.
public final class RecordingTerminal: TerminalDevice {
    private let terminal: any TerminalDevice
    private let write: (String) -> Void
    private var screen: AnsiScreenWriter
    private let start = ContinuousClock.now
    private var recordedSize: (width: Int, height: Int)

    /// Records `terminal`'s frames at colour `depth`, handing each line of the file to `write`
    /// (the header at once).
    public init(recording terminal: any TerminalDevice, depth: ColorDepth, title: String?, write: @escaping (String) -> Void) {
        self.terminal = terminal
        self.write = write
        screen = AnsiScreenWriter(depth: depth)
        recordedSize = terminal.size()
        write(AsciicastWriter(width: recordedSize.width, height: recordedSize.height, title: title).header())
    }

    public func size() -> (width: Int, height: Int) { terminal.size() }

    public func present(_ buffer: CellBuffer) {
        terminal.present(buffer)
        let now = elapsedMicroseconds()
        if (buffer.width, buffer.height) != recordedSize {
            recordedSize = (buffer.width, buffer.height)
            write(AsciicastWriter.resize(width: recordedSize.width, height: recordedSize.height, atMicroseconds: now))
        }
        let text = screen.update(to: buffer)
        if !text.isEmpty { write(AsciicastWriter.output(text, atMicroseconds: now)) }
    }

    public func readEvent(timeoutMilliseconds: Int32) -> InputEvent? { terminal.readEvent(timeoutMilliseconds: timeoutMilliseconds) }

    public func invalidate() { terminal.invalidate() }

    private func elapsedMicroseconds() -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds) * 1_000_000 + Int(elapsed.components.attoseconds / 1_000_000_000_000)
    }
}
