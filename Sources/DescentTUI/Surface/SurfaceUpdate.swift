import DescentCore
import DescentRender

extension SurfaceState {
    /// The zoom factor of one `z`/`Z` press or wheel click.
    static let zoomFactor = 1.5
    /// The learning-rate factor of one `u`/`d` press.
    static let learningRateFactor = 1.5

    /// The pure update: `state` after `action`, and the commands for the event loop.
    public static func update(_ state: SurfaceState, _ action: Action) -> (SurfaceState, [Command]) {
        var next = state
        let commands = next.apply(action)
        return (next, commands)
    }

    /// Applies `action` in place; returns the commands for the event loop. Deterministic: no
    /// clock, no terminal — time arrives through ``tick(seconds:)``. Actions of other screens
    /// do nothing.
    public mutating func apply(_ action: Action) -> [Command] {
        notice = nil
        switch action {
        case .togglePlay: return togglePlay()
        case .stepForward:
            isPlaying = false
            advance(by: 1)
        case .stepBack:
            isPlaying = false
            step = max(0, step - 1)
        case .jumpToStart:
            step = 0
            stepCredit = 0
        case .jumpToEnd:
            isPlaying = false
            advance(by: max(0, horizon - step))
        case .faster, .slower:
            speedIndex = min(max(speedIndex + (action == .faster ? 1 : -1), 0), PlaybackSpeed.ladder.count - 1)
            notice = PlaybackSpeed.label(stepsPerSecond)
            if isPlaying { return [.tick(after: PlaybackSpeed.tickInterval(stepsPerSecond: stepsPerSecond))] }
        case .reset: reset()
        case let .moveCursor(dx, dy): moveCursor(dx: dx, dy: dy)
        case .startAtCursor:
            if escape != nil { notice = Self.cloudStartNotice } else if let cursor { restartAll(from: [cursor.x, cursor.y]) }
        case .dismiss:
            guard showsHelp || cursor != nil else { return [.leave] }
            showsHelp = false
            cursor = nil
        case .zoomIn, .zoomOut:
            let about = cursor.flatMap { PlotGeometry.contains(view, $0) ? $0 : nil } ?? PlotGeometry.center(view)
            zoom(by: action == .zoomIn ? Self.zoomFactor : 1 / Self.zoomFactor, about: about)
        case let .pan(dx, dy):
            let w = view.x.upperBound - view.x.lowerBound, h = view.y.upperBound - view.y.lowerBound
            view = ViewBox(x: (view.x.lowerBound + dx * w)...(view.x.upperBound + dx * w),
                           y: (view.y.lowerBound + dy * h)...(view.y.upperBound + dy * h))
        case .resetView: view = setup.view
        case .toggleContours: showsContours.toggle()
        case .toggleHeatmap: showsHeatmap.toggle()
        case .toggleTrails: showsTrails.toggle()
        case .toggleBoldTrails: boldTrails.toggle()
        case .switchView:
            isPlaying = false
            return [.switchView]
        case .selectNext: select(offset: 1)
        case .selectPrevious: select(offset: -1)
        case let .scaleLearningRate(up): scaleLearningRate(up: up)
        case let .toggleLane(index): toggleLane(index)
        case .toggleLayout: layoutMode = layoutMode == .overlay ? .grid : .overlay
        case .toggleHelp:
            showsHelp.toggle()
            helpPage = 0
        case let .helpPage(forward): if showsHelp { helpPage = max(0, helpPage + (forward ? 1 : -1)) }
        case .repaint: return [.repaint]
        case .quit: return [.quit]
        default: break
        }
        return []
    }

    /// The terminal now has `width` × `height` cells.
    public mutating func resize(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// Moves the shown step `n` steps on (computing the runs as needed), up to the history limit.
    mutating func advance(by n: Int) {
        let target = min(step + n, Self.historyLimit)
        if target == step, n > 0 { notice = "history limit of \(Self.historyLimit) steps reached" }
        step = target
        computeAhead()
        if escape != nil, step > cloudStepLimit {
            notice = "the cloud stops at step \(cloudStepLimit) (memory bound): its dots stay there"
        }
    }

    /// Why Enter and clicks do not restart a cloud scene.
    static let cloudStartNotice = "a cloud starts from its random starts: Enter and clicks do not move it"

    private mutating func togglePlay() -> [Command] {
        if isPlaying {
            isPlaying = false
            return []
        }
        if step >= horizon { horizon = step + max(setup.steps, 1) }
        guard step < Self.historyLimit else {
            notice = "history limit of \(Self.historyLimit) steps reached"
            return []
        }
        isPlaying = true
        stepCredit = 0
        return [.tick(after: PlaybackSpeed.tickInterval(stepsPerSecond: stepsPerSecond))]
    }

    /// Playback after `seconds` of real time: credit speed × elapsed steps (elapsed capped),
    /// advance the whole steps, pause at the horizon and at the first note with `pause` that
    /// playback reaches (crossed from an earlier step, so playing on from a note does not stop
    /// there again).
    public mutating func tick(seconds: Double) -> [Command] {
        guard isPlaying else { return [] }
        let elapsed = seconds.isFinite ? min(max(seconds, 0), PlaybackSpeed.maximumTickSeconds) : 0
        stepCredit += stepsPerSecond * elapsed
        let whole = Int(stepCredit)
        stepCredit -= Double(whole)
        let target = step + min(whole, max(0, horizon - step))
        if let note = setup.notes.first(where: { $0.pause && $0.step > step && $0.step <= target }) {
            advance(by: note.step - step)
            isPlaying = false
            notice = "paused at a note: space plays on"
            return []
        }
        advance(by: target - step)
        if step >= horizon {
            isPlaying = false
            notice = "horizon reached: space plays on"
            return []
        }
        if step >= Self.historyLimit {
            isPlaying = false
            return []
        }
        return [.tick(after: PlaybackSpeed.tickInterval(stepsPerSecond: stepsPerSecond))]
    }

    private mutating func reset() {
        isPlaying = false
        view = setup.view
        cursor = nil
        horizon = setup.steps
        start = setup.start
        step = 0
        stepCredit = 0
        for k in styles.indices {
            styles[k].isHidden = false
            styles[k].start = setup.entries[k].start ?? setup.start
            styles[k].learningRate = styles[k].originalLearningRate
            restart(k)
        }
        computeAhead()
    }

    private mutating func moveCursor(dx: Int, dy: Int) {
        let layout = PlotGeometry.layout(self)
        guard let panel = PlotGeometry.panels(self, layout: layout).first else { return }
        guard let current = cursor else {
            let startPoint = PlanePoint(x: start[0], y: start[1])
            cursor = PlotGeometry.contains(panel.box, startPoint) ? startPoint : PlotGeometry.center(panel.box)
            return
        }
        let cell = panel.cellSize
        let moved = PlanePoint(x: current.x + Double(dx) * cell.x, y: current.y + Double(dy) * cell.y)
        cursor = PlotGeometry.contains(panel.box, moved) ? moved : current
    }

    private mutating func select(offset: Int) {
        guard !styles.isEmpty else { return }
        var k = selected
        for _ in styles.indices {
            k = ((k + offset) % styles.count + styles.count) % styles.count
            if !styles[k].isHidden { break }
        }
        selected = k
    }

    private mutating func scaleLearningRate(up: Bool) {
        guard escape == nil else {
            notice = "a cloud keeps its scene's learning rates: u/d do nothing here"
            return
        }
        guard styles.indices.contains(selected) else { return }
        let old = styles[selected].learningRate
        let lr = up ? old * Self.learningRateFactor : old / Self.learningRateFactor
        guard lr.isFinite, lr > 0 else { return }
        styles[selected].learningRate = lr
        restart(selected)
        notice = "\(styles[selected].label): lr \(NumberFormat.compact(old)) → \(NumberFormat.compact(lr)), restarted"
    }

    private mutating func toggleLane(_ index: Int) {
        guard styles.indices.contains(index) else { return }
        styles[index].isHidden.toggle()
        if styles[selected].isHidden { select(offset: 1) }
    }

    /// A mouse event at screen cell (x, y): a click restarts every run there, a drag moves the
    /// cursor, the wheel zooms about the pointer.
    public mutating func mouse(x: Int, y: Int, button: MouseButton) {
        let layout = PlotGeometry.layout(self)
        let panels = PlotGeometry.panels(self, layout: layout)
        guard let point = panels.lazy.compactMap({ $0.planePoint(screenX: x, screenY: y) }).first else { return }
        switch button {
        case .left:
            cursor = point
            if escape != nil { notice = Self.cloudStartNotice } else { restartAll(from: [point.x, point.y]) }
        case .drag: cursor = point
        case .scrollUp: zoom(by: Self.zoomFactor, about: point)
        case .scrollDown: zoom(by: 1 / Self.zoomFactor, about: point)
        case .middle, .right, .release: break
        }
    }
}

extension SurfaceState {
    /// Shows step `target` (clamped to 0…``historyLimit``), computing the runs as far as needed;
    /// for `descent render --at` and scripted sessions.
    public mutating func seek(toStep target: Int) {
        step = min(max(target, 0), Self.historyLimit)
        computeAhead()
    }

    /// Zooms the view `factor` times about `point`; at the limit (a view too narrow to label,
    /// ``Limits/relativeViewWidth``, or too wide) the view stays and the status line says so.
    private mutating func zoom(by factor: Double, about point: PlanePoint) {
        let zoomed = PlotGeometry.zoomed(view, by: factor, about: point)
        if zoomed == view { notice = factor > 1 ? "zoom limit: the view cannot be labelled any narrower" : "zoom limit: the view is as wide as it may be" }
        view = zoomed
    }
}
