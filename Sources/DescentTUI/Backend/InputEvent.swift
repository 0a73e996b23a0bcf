/// One input from the terminal, decoded by the backend; app code and tests use it without ncurses.
public enum InputEvent: Equatable, Sendable {
    /// A key press.
    case key(Key)
    /// A mouse event at cell (x, y), 0-based from the top-left corner.
    case mouse(x: Int, y: Int, button: MouseButton)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// SIGINT, SIGTERM, SIGHUP or SIGQUIT arrived (Ctrl-C, `kill`, closed terminal, Ctrl-\\),
    /// with its number: the app should quit with exit status 128 + signal.
    case signal(Int32)
}

/// A key, named by what it means rather than by its terminal code.
public enum Key: Hashable, Sendable {
    /// A printable character (any Unicode scalar the terminal sent, including space).
    case character(Character)
    case up, down, left, right
    case enter, escape, backspace, tab, backTab
    case home, end, pageUp, pageDown, insert, delete
    /// Function key F1…F63.
    case function(Int)
    /// A control combination, named by its lower-case letter: Ctrl-A is `.ctrl("a")`.
    case ctrl(Character)
}

/// What the mouse did.
public enum MouseButton: Hashable, Sendable {
    case left, middle, right
    /// Any button released.
    case release
    case scrollUp, scrollDown
    /// Movement with a button held (only where the terminal reports motion).
    case drag
}
