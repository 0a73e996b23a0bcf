import DescentRender

/// Why the event loop returned.
public enum LoopExit: Sendable, Equatable {
    /// `q`, Ctrl-C, Esc on the list.
    case quit
    /// A signal arrived (SIGINT, SIGTERM, SIGHUP, SIGQUIT): exit with status 128 + signal.
    case signal(Int32)
    /// The run's time limit passed.
    case timeUp
}

/// The one event loop, and the one place commands become effects: read input (or time out),
/// turn it into ``Message``s, update the ``AppModel``, carry out the ``Command``s, draw.
///
/// Input is coalesced: after the first event, everything already queued is read and applied
/// before one frame is drawn, so `q` acts within a frame however many keys are waiting. No busy
/// waiting: while nothing plays the loop blocks in `readEvent` (waking once a second at most);
/// while playing it sleeps in `readEvent` until the next tick is due (at most 30 a second). A
/// frame is drawn only after something happened.
public struct AppLoop {
    /// The read timeout while nothing is scheduled, in milliseconds.
    public static let idleTimeoutMilliseconds: Int32 = 1000
    /// The longest the loop keeps reading queued input before it draws a frame (a stream that
    /// never ends still gets a frame this often).
    public static let maximumDrain = Duration.milliseconds(250)

    public var model: AppModel
    public let view: AppView
    /// Builds a lesson's screens (reads its scene file); the answer of ``Command/load(index:)``.
    public let load: (Lesson) -> Result<LessonContent, LessonError>

    public init(model: AppModel, view: AppView,
                load: @escaping (Lesson) -> Result<LessonContent, LessonError> = { _ in .failure(LessonError("no lessons here")) }) {
        self.model = model
        self.view = view
        self.load = load
    }

    /// Runs until a quit command, a signal or `duration` (if given), leaving the final model in
    /// ``model``. `initialMessages` are applied before the first frame. The caller owns the
    /// terminal's start and stop.
    @discardableResult
    public mutating func run(on terminal: some TerminalDevice, for duration: Duration? = nil,
                             initialMessages: [Message] = []) -> LoopExit {
        let clock = ContinuousClock()
        let end = duration.map { clock.now + $0 }
        var tick: (scheduled: ContinuousClock.Instant, due: ContinuousClock.Instant)?
        var exit: LoopExit?
        var loads: [Int] = []

        func send(_ message: Message) {
            let wasPlaying = model.isPlaying
            for command in model.receive(message) {
                switch command {
                case .quit: exit = exit ?? .quit
                case .interrupted(let signal): exit = .signal(signal)
                case .tick(let delay):
                    // A tick measures the time since the previous one, or since playback started.
                    let now = clock.now
                    tick = (wasPlaying ? tick?.scheduled ?? now : now, now + delay)
                case .repaint: terminal.invalidate()
                case .load(let index): if !loads.contains(index) { loads.append(index) }
                case .switchView, .leave: break  // carried out by the model itself
                }
            }
        }

        /// The loads still wanted once the queued input is applied (moving through the list
        /// builds only the lesson the selection rests on).
        func runLoads() {
            while exit == nil, !loads.isEmpty {
                let index = loads.removeFirst()
                guard model.wantsLoad(index), let lessons = model.lessons, lessons.lessons.indices.contains(index) else { continue }
                send(.loaded(index: index, load(lessons.lessons[index])))
            }
        }

        let size = terminal.size()
        send(.resize(width: size.width, height: size.height))
        initialMessages.forEach(send)
        runLoads()
        if exit == nil { terminal.present(view.compose(model)) }
        while exit == nil {
            let now = clock.now
            if let end, now >= end { return .timeUp }
            var wait = tick.map { Self.milliseconds(from: now, to: $0.due) } ?? Self.idleTimeoutMilliseconds
            if let end { wait = min(wait, Self.milliseconds(from: now, to: end)) }
            var changed = false
            if let event = terminal.readEvent(timeoutMilliseconds: wait) {
                send(Message(event))
                changed = true
                let drainEnd = clock.now + Self.maximumDrain
                while exit == nil, clock.now < drainEnd, let queued = terminal.readEvent(timeoutMilliseconds: 0) {
                    send(Message(queued))
                }
            }
            if exit == nil, let pending = tick, clock.now >= pending.due {
                tick = nil
                send(.tick(seconds: (clock.now - pending.scheduled).inSeconds))
                changed = true
            }
            runLoads()
            if changed, exit == nil { terminal.present(view.compose(model)) }
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
