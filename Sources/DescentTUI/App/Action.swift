import DescentRender

/// Everything a key can ask for, on any screen: the ``Keymap`` turns a key into an action in the
/// context of the screen on show, and ``AppModel/update(_:_:)`` routes it (global actions at the
/// root, the others to the screen).
///
/// To add a key: one ``KeyBinding`` row in ``Keymap/bindings`` (its contexts, label, summary and
/// action) and, for a new action, one case here and its handling in the screen's `apply`.
public enum Action: Equatable, Sendable {
    // MARK: Global
    /// Leave the program (Ctrl-C, or `q` where there is no lesson list to go back to).
    case quit
    /// `q`: back to the lesson list (same entry selected); quits when the lesson was opened
    /// directly (`descent play FILE`) or on the list itself.
    case back
    /// Esc: close the help, hide the cursor; with nothing to close, back to the lesson list.
    case dismiss
    case toggleHelp
    /// The open help's next (or previous) page.
    case helpPage(forward: Bool)
    case repaint
    /// The next / previous lesson of the list, without going back to it.
    case nextLesson
    case previousLesson

    // MARK: Shared by several screens (the list, the surface, the cloud, the training view)
    case togglePlay
    case stepForward
    case stepBack
    case jumpToStart
    case jumpToEnd
    case faster
    case slower
    /// The next optimizer (or the next lesson in the list).
    case selectNext
    case selectPrevious
    /// The selected run's learning rate × 1.5 (`up`) or ÷ 1.5.
    case scaleLearningRate(up: Bool)
    /// Between the surface and the training view of a lesson.
    case switchView

    // MARK: Lesson list
    /// Opens the selected lesson.
    case open

    // MARK: Surface race and cloud
    /// Back to the original start, learning rates and view, step 0, paused.
    case reset
    /// Moves the cursor by whole plot cells (dy > 0 moves up); shows it if hidden.
    case moveCursor(dx: Int, dy: Int)
    /// All runs restart from the cursor.
    case startAtCursor
    case zoomIn
    case zoomOut
    /// Moves the view by fractions of its width and height (dy > 0 moves up).
    case pan(dx: Double, dy: Double)
    /// Back to the surface's own view box.
    case resetView
    case toggleContours
    case toggleHeatmap
    case toggleTrails
    case toggleBoldTrails
    /// Shows or hides the faint trails of distributed optimizers' workers.
    case toggleWorkerTrails
    /// Hides or shows run number `index` (0-based).
    case toggleLane(Int)
    case toggleLayout

    // MARK: Spec editor (surface race and training view)
    /// `e` / `E`: open the editor on the selected optimizer's spec; Enter applies it from the
    /// shown step (`restart` false) or restarts its run from the start.
    case editSpec(restart: Bool)
    /// `a`: open the editor on an empty spec; Enter adds that optimizer.
    case addOptimizer
    /// `x`: remove the selected optimizer (not the last one).
    case removeOptimizer
    /// In the open editor: type a character at the cursor (any key the editor does not bind).
    case editorInsert(Character)
    /// Move the cursor by this many characters.
    case editorMove(Int)
    case editorHome
    case editorEnd
    /// Delete the character before / under the cursor.
    case editorBackspace
    case editorDelete
    /// Enter: apply the spec (or show why it cannot be).
    case editorSubmit
    /// Esc: close the editor, nothing applied.
    case editorCancel

    // MARK: Training view
    /// Double (`up`) or halve the selected trainer's minibatch size.
    case scaleBatch(up: Bool)
    /// The next panel: curves, walk, decision boundary.
    case nextPanel
    /// Decision boundaries: the selected optimizer's large, or every optimizer's small (`s`).
    case toggleBoundaryLayout
}

/// Side effects an update asks for, as values (Bubble Tea's commands), so every update stays
/// pure and testable. ``AppLoop`` carries them out; ``switchView`` and ``leave`` come from a
/// screen and are turned into a screen change by ``AppModel/update(_:_:)`` itself.
public enum Command: Equatable, Sendable {
    /// Leave the event loop (the terminal is restored by its owner).
    case quit
    /// Leave the event loop because signal `signal` arrived (exit status 128 + signal).
    case interrupted(signal: Int32)
    /// Deliver a ``Message/tick(seconds:)`` after this long (replaces any pending tick).
    case tick(after: Duration)
    /// Forget what is on screen and redraw everything.
    case repaint
    /// Build the screens of lesson `index` of the list (reads its scene file): the loop answers
    /// with ``Message/loaded(index:_:)``.
    case load(index: Int)
    /// From a screen: over to the lesson's other view (surface ↔ training).
    case switchView
    /// From a screen: nothing left to close here, go back a level (to the lesson list).
    case leave
}
