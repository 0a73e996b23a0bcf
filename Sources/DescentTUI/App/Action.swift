import DescentRender

/// Everything that can happen to the app: what keys (through the ``Keymap``), the mouse, the
/// terminal and the clock turn into. ``AppState/apply(_:)`` is the only consumer.
public enum Action: Equatable, Sendable {
    case togglePlay
    case stepForward
    case stepBack
    case jumpToStart
    case jumpToEnd
    case faster
    case slower
    /// Back to the original start, learning rates and view, step 0, paused.
    case reset
    /// Moves the cursor by whole plot cells (dy > 0 moves up); shows it if hidden.
    case moveCursor(dx: Int, dy: Int)
    /// All runs restart from the cursor.
    case startAtCursor
    /// Hides the cursor and the help overlay.
    case dismiss
    case zoomIn
    case zoomOut
    /// Moves the view by fractions of its width and height (dy > 0 moves up).
    case pan(dx: Double, dy: Double)
    /// Back to the surface's own view box.
    case resetView
    case toggleContours
    case toggleHeatmap
    case toggleTrails
    case selectNext
    case selectPrevious
    /// The selected run's learning rate × 1.5 (`up`) or ÷ 1.5; the run restarts.
    case scaleLearningRate(up: Bool)
    /// Hides or shows run number `index` (0-based).
    case toggleLane(Int)
    case toggleLayout
    case toggleHelp
    /// Over to the training view (a small net trained by the same optimizers); pauses here.
    case switchView
    case repaint
    case quit
    /// The clock: `seconds` of real time passed since the tick was scheduled.
    case tick(seconds: Double)
    case resize(width: Int, height: Int)
    /// A mouse event at screen cell (x, y).
    case mouse(x: Int, y: Int, button: MouseButton)
}

/// Side effects ``AppState/apply(_:)`` asks the event loop for, as values (Bubble Tea's
/// commands), so the update itself stays pure and testable.
public enum AppCommand: Equatable, Sendable {
    /// Leave the event loop (the terminal is restored by its owner).
    case quit
    /// Deliver a ``Action/tick(seconds:)`` after this long (replaces any pending tick).
    case tick(after: Duration)
    /// Forget what is on screen and redraw everything.
    case repaint
    /// Leave the event loop for the other view (the training view), keeping this state.
    case switchView
}
