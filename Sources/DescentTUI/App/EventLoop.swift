import DescentRender

/// The app's main loop over a ``TerminalDevice``: read an input (or time out), turn it into an
/// ``Action``, apply it, carry out the commands, draw the frame.
///
/// No busy waiting: while paused the loop blocks in `readEvent` (waking once a second at most);
/// while playing it sleeps in `readEvent` until the next tick is due, and ticks come at most
/// 30 times a second (``PlaybackSpeed``). A frame is drawn only after something happened.
public struct EventLoop {
    /// The read timeout while nothing is scheduled, in milliseconds.
    public static let idleTimeoutMilliseconds: Int32 = 1000

    public var state: AppState
    public let composer: FrameComposer

    public init(state: AppState, composer: FrameComposer) {
        self.state = state
        self.composer = composer
    }

    /// Runs until a quit or switch command (or until `duration` has passed, if given), leaving
    /// the final state in ``state`` and returning why it stopped. `initialActions` are applied
    /// before the first frame. The caller owns the terminal's start and stop.
    @discardableResult
    public mutating func run(on terminal: some TerminalDevice, for duration: Duration? = nil,
                             initialActions: [Action] = []) -> LoopExit {
        let clock = ContinuousClock()
        let end = duration.map { clock.now + $0 }
        var tick: (scheduled: ContinuousClock.Instant, due: ContinuousClock.Instant)?
        var exit: LoopExit?

        func perform(_ action: Action) {
            let wasPlaying = state.isPlaying
            for command in state.apply(action) {
                switch command {
                case .quit: exit = .quit
                case .switchView: exit = .switchView
                case .tick(let delay):
                    // A tick measures the time since the previous one, or since playback started.
                    let now = clock.now
                    tick = (wasPlaying ? tick?.scheduled ?? now : now, now + delay)
                case .repaint: terminal.invalidate()
                }
            }
        }

        let size = terminal.size()
        perform(.resize(width: size.width, height: size.height))
        initialActions.forEach(perform)
        terminal.present(composer.compose(state))
        while exit == nil {
            let now = clock.now
            if let end, now >= end { return .timeUp }
            var wait = tick.map { Self.milliseconds(from: now, to: $0.due) } ?? Self.idleTimeoutMilliseconds
            if let end { wait = min(wait, Self.milliseconds(from: now, to: end)) }
            var changed = false
            if let event = terminal.readEvent(timeoutMilliseconds: wait), let action = Keymap.action(for: event) {
                perform(action)
                changed = true
            }
            if let pending = tick, clock.now >= pending.due {
                tick = nil
                perform(.tick(seconds: (clock.now - pending.scheduled).inSeconds))
                changed = true
            }
            if changed, exit == nil { terminal.present(composer.compose(state)) }
        }
        return exit ?? .quit
    }

    /// Whole milliseconds from `now` to `deadline` (0 when past, rounded up otherwise).
    static func milliseconds(from now: ContinuousClock.Instant, to deadline: ContinuousClock.Instant) -> Int32 {
        let remaining = deadline - now
        guard remaining > .zero else { return 0 }
        let ms = remaining.inSeconds * 1000
        return Int32(min(ms.rounded(.up), Double(Int32.max)))
    }
}

/// Why an event loop returned.
public enum LoopExit: Sendable, Equatable {
    /// `q`, Ctrl-C or a signal.
    case quit
    /// The viewer asked for the other view (`n`).
    case switchView
    /// The run's time limit passed.
    case timeUp
}
