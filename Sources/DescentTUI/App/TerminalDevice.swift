import DescentRender
import Foundation

/// What the event loop needs from a terminal: its size, drawing a frame, and waiting for one
/// input with a timeout. ``NcursesTerminal`` is the real one; ``HeadlessTerminal`` serves tests
/// and benchmarks.
public protocol TerminalDevice: AnyObject {
    /// Columns and rows.
    func size() -> (width: Int, height: Int)
    /// Shows `buffer`.
    func present(_ buffer: CellBuffer)
    /// Waits up to `timeoutMilliseconds` (negative: forever) for one input; nil on timeout.
    func readEvent(timeoutMilliseconds: Int32) -> InputEvent?
    /// Forgets what is on screen so the next frame is drawn in full.
    func invalidate()
}

extension NcursesTerminal: TerminalDevice {}

/// A terminal without a screen: frames are serialised with ``AnsiSerializer`` (the same bytes
/// `descent render` prints) and written to an optional file handle, inputs come from a script,
/// and waiting for input sleeps for the timeout (nothing to read), like a real idle terminal.
///
/// Scripted inputs arrive one per wait (typed one at a time: a read that does not wait finds
/// nothing), or all at once with `typedAhead` (queued before the loop looks, as when keys are
/// pasted or typed faster than frames are drawn).
public final class HeadlessTerminal: TerminalDevice {
    public let width: Int
    public let height: Int
    /// Inputs returned by ``readEvent(timeoutMilliseconds:)``, first first.
    public var pendingEvents: [InputEvent]
    /// How many frames were presented, and the last one.
    public private(set) var framesPresented = 0
    public private(set) var lastFrame: CellBuffer?
    /// Whether every scripted input is already waiting (see the type's description).
    public var typedAhead: Bool
    private let serializer: AnsiSerializer
    private let output: FileHandle?

    /// A `width` × `height` terminal writing frames at colour `depth` to `output` (nil: keep
    /// only the last frame).
    public init(width: Int, height: Int, depth: ColorDepth = .truecolor, output: FileHandle? = nil,
                events: [InputEvent] = [], typedAhead: Bool = false) {
        self.typedAhead = typedAhead
        self.width = width
        self.height = height
        serializer = AnsiSerializer(depth: depth)
        self.output = output
        pendingEvents = events
    }

    public func size() -> (width: Int, height: Int) { (width, height) }

    public func present(_ buffer: CellBuffer) {
        framesPresented += 1
        lastFrame = buffer
        output?.write(Data(serializer.serialize(buffer).utf8))
    }

    public func readEvent(timeoutMilliseconds: Int32) -> InputEvent? {
        if !pendingEvents.isEmpty, typedAhead || timeoutMilliseconds != 0 { return pendingEvents.removeFirst() }
        if timeoutMilliseconds > 0 { Thread.sleep(forTimeInterval: Double(timeoutMilliseconds) / 1000) }
        return nil
    }

    public func invalidate() {}
}
