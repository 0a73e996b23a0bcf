import DescentRender

/// Everything that can happen to the app: input from the terminal, the clock, signals and the
/// answers of effects. ``AppModel/update(_:_:)`` is the only consumer.
public enum Message {
    /// A key, turned into an ``Action`` by the ``Keymap`` in the context of the screen on show.
    case key(Key)
    /// An action directly (scripted sessions, `--autoplay`, tests).
    case action(Action)
    /// A mouse event at screen cell (x, y).
    case mouse(x: Int, y: Int, button: MouseButton)
    case resize(width: Int, height: Int)
    /// The clock: `seconds` of real time passed since the tick was scheduled.
    case tick(seconds: Double)
    /// SIGINT, SIGTERM, SIGHUP or SIGQUIT arrived: the app quits with status 128 + signal.
    case signal(Int32)
    /// The answer to ``Command/load(index:)``: the lesson's screens, or why they could not be built.
    case loaded(index: Int, Result<LessonContent, LessonError>)

    /// The message of a terminal input event.
    public init(_ event: InputEvent) {
        switch event {
        case .key(let key): self = .key(key)
        case let .mouse(x, y, button): self = .mouse(x: x, y: y, button: button)
        case let .resize(width, height): self = .resize(width: width, height: height)
        case .signal(let signal): self = .signal(signal)
        }
    }
}
