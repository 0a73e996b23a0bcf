import DescentCore
import DescentRender
import DescentScenes

/// A screen that plays a simulation on a surface plot: a race (``SurfaceState``) or a
/// saddle-escape cloud (``CloudState``). The update shared by both lives here once —
/// playback, stepping, the view, the cursor, selection, toggles, help, mouse — and each screen
/// supplies what its simulation does: compute up to the shown step, start from a point, change a
/// learning rate, reset.
///
/// The controls read as the screen's own properties (`state.step`, `state.cursor`).
@dynamicMemberLookup
public protocol PlotScreen {
    /// The most steps the screen shows.
    static var historyLimit: Int { get }
    /// What the screen was built from (surface, optimizers, steps, view, notes).
    var setup: RaceSetup { get }
    /// Playback, view, cursor, toggles, help, size, notice.
    var controls: PlotControls { get set }
    /// Per optimizer, how it is shown (label, colour, visibility).
    var styles: [LaneStyle] { get set }
    /// The point the cursor appears at first.
    var start: [Double] { get }
    /// The keymap context of the screen.
    var context: KeyContext { get }
    /// Rows the inspector needs in the side panel.
    var inspectorRows: Int { get }
    /// Charts in the side panel (1 or 2).
    var chartCount: Int { get }
    /// Computes the simulation as far as the shown step needs.
    mutating func computeAhead()
    /// Enter at the cursor (nil when the cursor is hidden) or a click at `point`.
    mutating func start(at point: PlanePoint?)
    /// `u`/`d` on the selected optimizer.
    mutating func scaleLearningRate(up: Bool)
    /// `r`, after the controls went back to the setup's: the simulation goes back to its start.
    mutating func resetSimulation()
    /// Why an optimizer failed (a plugin's fault), for the status line; nil when none did.
    var failureNotice: String? { get }
    /// The step shown for `step` when the simulation thins its history: the nearest kept step
    /// at or before it (`step` itself for a simulation that keeps every step).
    func keptStep(atOrBefore step: Int) -> Int
    /// The actions only this screen handles, or all of them while it has something open that
    /// takes the keys (the race's spec editor): the commands, or nil to go on with the shared update.
    mutating func applyOwn(_ action: Action) -> [Command]?
}

extension PlotScreen {
    public var failureNotice: String? { nil }

    /// The zoom factor of one `z`/`Z` press or wheel click.
    static var zoomFactor: Double { 1.5 }

    /// The controls read as the screen's own properties.
    public subscript<T>(dynamicMember keyPath: KeyPath<PlotControls, T>) -> T { controls[keyPath: keyPath] }

    public var surface: Surface { setup.surface }

    public mutating func applyOwn(_ action: Action) -> [Command]? { nil }

    /// The caption at the shown step: the latest note at or before it, or nil (then the
    /// setup's description, if any, is shown).
    public var caption: SceneNote? { setup.notes.last { $0.step <= controls.step } }

    /// The optimizers shown (not hidden), in order.
    var visibleIndices: [Int] { styles.indices.filter { !styles[$0].isHidden } }

    /// Every step is kept unless the screen says otherwise.
    public func keptStep(atOrBefore step: Int) -> Int { step }

    /// The pure update: `state` after `action`, and the commands for the event loop.
    public static func update(_ state: Self, _ action: Action) -> (Self, [Command]) {
        var next = state
        let commands = next.apply(action)
        return (next, commands)
    }

    /// Applies `action` in place; returns the commands for the event loop. Deterministic: no
    /// clock, no terminal — time arrives through ``tick(seconds:)``. Actions of other screens
    /// do nothing.
    public mutating func apply(_ action: Action) -> [Command] {
        controls.notice = nil
        if let commands = applyOwn(action) { return commands }
        switch action {
        case .togglePlay: return togglePlay()
        case .stepForward:
            controls.isPlaying = false
            advance(by: 1)
        case .stepBack:
            controls.isPlaying = false
            stepBack()
        case .jumpToStart:
            controls.step = 0
            controls.stepCredit = 0
        case .jumpToEnd:
            controls.isPlaying = false
            advance(by: max(0, controls.horizon - controls.step))
        case .faster, .slower:
            controls.speedIndex = min(max(controls.speedIndex + (action == .faster ? 1 : -1), 0), PlaybackSpeed.ladder.count - 1)
            controls.notice = PlaybackSpeed.label(controls.stepsPerSecond)
            if controls.isPlaying { return [.tick(after: PlaybackSpeed.tickInterval(stepsPerSecond: controls.stepsPerSecond))] }
        case .reset: reset()
        case let .moveCursor(dx, dy): moveCursor(dx: dx, dy: dy)
        case .startAtCursor: start(at: controls.cursor)
        case .dismiss:
            guard controls.showsHelp || controls.cursor != nil else { return [.leave] }
            controls.showsHelp = false
            controls.cursor = nil
        case .zoomIn, .zoomOut:
            let about = controls.cursor.flatMap { PlotGeometry.contains(controls.view, $0) ? $0 : nil } ?? PlotGeometry.center(controls.view)
            zoom(by: action == .zoomIn ? Self.zoomFactor : 1 / Self.zoomFactor, about: about)
        case let .pan(dx, dy):
            let view = controls.view
            let w = view.x.upperBound - view.x.lowerBound, h = view.y.upperBound - view.y.lowerBound
            controls.view = ViewBox(x: (view.x.lowerBound + dx * w)...(view.x.upperBound + dx * w),
                                    y: (view.y.lowerBound + dy * h)...(view.y.upperBound + dy * h))
        case .resetView: controls.view = setup.view
        case .toggleContours: controls.showsContours.toggle()
        case .toggleHeatmap: controls.showsHeatmap.toggle()
        case .toggleTrails: controls.showsTrails.toggle()
        case .toggleBoldTrails: controls.boldTrails.toggle()
        case .toggleWorkerTrails: controls.showsWorkerTrails.toggle()
        case .switchView:
            controls.isPlaying = false
            return [.switchView]
        case .selectNext: select(offset: 1)
        case .selectPrevious: select(offset: -1)
        case let .scaleLearningRate(up): scaleLearningRate(up: up)
        case let .toggleLane(index): toggleLane(index)
        case .toggleLayout: controls.layoutMode = controls.layoutMode == .overlay ? .grid : .overlay
        case .toggleHelp:
            controls.showsHelp.toggle()
            controls.helpPage = 0
        case let .helpPage(forward): if controls.showsHelp { controls.helpPage = max(0, controls.helpPage + (forward ? 1 : -1)) }
        case .repaint: return [.repaint]
        case .quit: return [.quit]
        default: break
        }
        return []
    }

    /// The terminal now has `width` × `height` cells.
    public mutating func resize(width: Int, height: Int) {
        controls.width = max(0, width)
        controls.height = max(0, height)
    }

    /// Shows step `target` (clamped to 0…``historyLimit``), computing the simulation as far as
    /// needed; for `descent render --at` and scripted sessions.
    public mutating func seek(toStep target: Int) {
        controls.step = min(max(target, 0), Self.historyLimit)
        computeAhead()
    }

    /// Moves the shown step `n` steps on (computing the simulation as needed), up to the history limit.
    mutating func advance(by n: Int) {
        let target = min(controls.step + n, Self.historyLimit)
        if target == controls.step, n > 0 { controls.notice = "history limit of \(Self.historyLimit) steps reached" }
        controls.step = target
        computeAhead()
    }

    /// Shows the step before the shown one: beyond the window of steps the simulation keeps
    /// every one of, the nearest kept step before it, and the status line says so.
    private mutating func stepBack() {
        guard controls.step > 0 else { return }
        let target = controls.step - 1
        controls.step = keptStep(atOrBefore: target)
        if controls.step < target { controls.notice = "jumped back to kept step \(controls.step) (older steps thinned)" }
    }

    private mutating func togglePlay() -> [Command] {
        if controls.isPlaying {
            controls.isPlaying = false
            return []
        }
        if controls.step >= controls.horizon { controls.horizon = controls.step + max(setup.steps, 1) }
        guard controls.step < Self.historyLimit else {
            controls.notice = "history limit of \(Self.historyLimit) steps reached"
            return []
        }
        controls.isPlaying = true
        controls.stepCredit = 0
        return [.tick(after: PlaybackSpeed.tickInterval(stepsPerSecond: controls.stepsPerSecond))]
    }

    /// Playback after `seconds` of real time: credit speed × elapsed steps (elapsed capped),
    /// advance the whole steps, pause at the horizon and at the first note with `pause` that
    /// playback reaches (crossed from an earlier step, so playing on from a note does not stop
    /// there again).
    public mutating func tick(seconds: Double) -> [Command] {
        guard controls.isPlaying else { return [] }
        let elapsed = seconds.isFinite ? min(max(seconds, 0), PlaybackSpeed.maximumTickSeconds) : 0
        controls.stepCredit += controls.stepsPerSecond * elapsed
        let whole = Int(controls.stepCredit)
        controls.stepCredit -= Double(whole)
        let step = controls.step
        let target = step + min(whole, max(0, controls.horizon - step))
        if let note = setup.notes.first(where: { $0.pause && $0.step > step && $0.step <= target }) {
            advance(by: note.step - step)
            controls.isPlaying = false
            controls.notice = "paused at a note: space plays on"
            return []
        }
        advance(by: target - step)
        if controls.step >= controls.horizon {
            controls.isPlaying = false
            controls.notice = "horizon reached: space plays on"
            return []
        }
        if controls.step >= Self.historyLimit {
            controls.isPlaying = false
            return []
        }
        return [.tick(after: PlaybackSpeed.tickInterval(stepsPerSecond: controls.stepsPerSecond))]
    }

    /// `r`: the setup's view, step 0, every optimizer shown, paused; then the simulation's reset.
    private mutating func reset() {
        controls.isPlaying = false
        controls.view = setup.view
        controls.cursor = nil
        controls.horizon = setup.steps
        controls.step = 0
        controls.stepCredit = 0
        for k in styles.indices { styles[k].isHidden = false }
        resetSimulation()
    }

    private mutating func moveCursor(dx: Int, dy: Int) {
        let layout = PlotGeometry.layout(self)
        guard let panel = PlotGeometry.panels(self, layout: layout).first else { return }
        guard let current = controls.cursor else {
            let startPoint = PlanePoint(x: start[0], y: start.count > 1 ? start[1] : 0)
            controls.cursor = PlotGeometry.contains(panel.box, startPoint) ? startPoint : PlotGeometry.center(panel.box)
            return
        }
        let cell = panel.cellSize
        let moved = PlanePoint(x: current.x + Double(dx) * cell.x, y: current.y + Double(dy) * cell.y)
        controls.cursor = PlotGeometry.contains(panel.box, moved) ? moved : current
    }

    mutating func select(offset: Int) {
        guard !styles.isEmpty else { return }
        var k = controls.selected
        for _ in styles.indices {
            k = ((k + offset) % styles.count + styles.count) % styles.count
            if !styles[k].isHidden { break }
        }
        controls.selected = k
    }

    private mutating func toggleLane(_ index: Int) {
        guard styles.indices.contains(index) else { return }
        styles[index].isHidden.toggle()
        if styles[controls.selected].isHidden { select(offset: 1) }
    }

    /// A mouse event at screen cell (x, y): a click starts there (``start(at:)``), a drag moves
    /// the cursor, the wheel zooms about the pointer.
    public mutating func mouse(x: Int, y: Int, button: MouseButton) {
        let layout = PlotGeometry.layout(self)
        let panels = PlotGeometry.panels(self, layout: layout)
        guard let point = panels.lazy.compactMap({ $0.planePoint(screenX: x, screenY: y) }).first else { return }
        switch button {
        case .left:
            controls.cursor = point
            start(at: point)
        case .drag: controls.cursor = point
        case .scrollUp: zoom(by: Self.zoomFactor, about: point)
        case .scrollDown: zoom(by: 1 / Self.zoomFactor, about: point)
        case .middle, .right, .release: break
        }
    }

    /// Zooms the view `factor` times about `point`; at the limit (a view too narrow to label,
    /// ``Limits/relativeViewWidth``, or too wide) the view stays and the status line says so.
    private mutating func zoom(by factor: Double, about point: PlanePoint) {
        let zoomed = PlotGeometry.zoomed(controls.view, by: factor, about: point)
        if zoomed == controls.view {
            controls.notice = factor > 1 ? "zoom limit: the view cannot be labelled any narrower" : "zoom limit: the view is as wide as it may be"
        }
        controls.view = zoomed
    }
}
