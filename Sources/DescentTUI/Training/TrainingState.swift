import DescentCore
import DescentRender

/// The panels of the training view that `v` cycles through.
public enum TrainingPanel: String, Sendable, CaseIterable {
    /// Train loss, validation loss and validation accuracy.
    case curves
    /// The "Walk with SGD" measurements: gradient cosine, distance from θ₀, height above the
    /// valley floor, sharpness.
    case walk
    /// The selected optimizer's decision regions with the training samples (2D data only).
    case boundary
}

/// How the decision regions are shown (`s`).
public enum BoundaryLayout: String, Sendable, CaseIterable {
    /// The selected optimizer's, as large as the panel.
    case selected
    /// Every optimizer's, as small multiples titled in its colour.
    case all
}

/// The training view's state: the trainers (one optimizer each, same net, data, θ₀ and
/// minibatch order), their evaluations so far, and what the viewer chose (playing, speed,
/// selected optimizer, panel, help). Changed only by ``apply(_:)`` and ``tick()``. A value:
/// the trainers copy their scratch buffers on write, so a copy never shares mutable state.
///
/// Every trainer is evaluated (full train and validation passes) at step 0 and then every
/// ``evaluateEvery`` steps, so point k of every optimizer is at step k·``evaluateEvery``.
public struct TrainingState {
    /// The most steps of every trainer one frame of playback takes.
    public static let maximumStepsPerFrame = 256
    /// What `u` multiplies and `d` divides the selected learning rate by.
    public static let learningRateFactor = 1.5
    /// Every step record of this many last steps is kept; older ones are thinned, so the view
    /// runs for hours in bounded memory (``Swift/Array/thinOlder(keepingLast:)``).
    public static let stepWindow = 50_000
    /// The most evaluation points kept per trainer (see ``pointStride``).
    public static let pointLimit = 4_000
    /// The time between frames of playback (30 frames per second at most).
    public static let frameInterval = Duration.nanoseconds(33_333_333)
    /// The least playback time between two snapshots of the nets whose decision regions are
    /// drawn (``boundaryParameters``): the regions follow training at most 4 times a second.
    public static let boundaryInterval = 0.25
    /// The least playback time between two walk measurements while playing: they are taken
    /// every K steps (``DescentCore/WalkSettings/every``) but no more often than this, so their
    /// cost per second does not grow with the steps per frame. Stepping with `.` takes every one.
    public static let walkInterval = 2.0

    public let setup: TrainingSetup
    public internal(set) var trainers: [Trainer]
    /// Per trainer, its points in order (the first at step 0); a diverged trainer's list stops.
    /// The points are every ``pointStride``-th evaluation (evenly spaced, as the charts draw
    /// them), then the latest evaluation if it falls between.
    public internal(set) var history: [[TrainingPoint]]
    /// Evaluations per kept point: 1, doubled (every other point dropped) each time a trainer's
    /// points pass ``pointLimit``, so the view runs for hours in bounded memory.
    public private(set) var pointStride = 1
    /// Steps between evaluations.
    public var evaluateEvery: Int { setup.evaluateEvery }
    /// Steps every trainer takes per frame while playing, 1…``maximumStepsPerFrame``.
    public private(set) var stepsPerFrame: Int
    public internal(set) var isPlaying = false
    /// The trainer `u`, `d`, `b`, `B` act on and whose decision boundary is drawn.
    public internal(set) var selected = 0
    public private(set) var panel = TrainingPanel.curves
    /// One large decision boundary (the selected optimizer's) or every optimizer's, small.
    public private(set) var boundaryLayout = BoundaryLayout.selected
    /// Per trainer, the parameters θ its decision regions are drawn for: θ_t when paused, and
    /// while playing a snapshot renewed once ``boundaryInterval`` of playback has passed, so a
    /// frame predicts the regions again (``BoundaryCache``) at most 4 times a second.
    public private(set) var boundaryParameters: [[Double]]
    /// Playback seconds since ``boundaryParameters`` was last renewed.
    private var sinceBoundarySnapshot = 0.0
    /// Playback seconds since the last walk measurements.
    private var sinceWalk = Double.infinity
    public private(set) var showsHelp = false
    /// The help page on show (clamped to the pages when drawn).
    public private(set) var helpPage = 0
    /// Whether there is a surface view to switch to (`n`).
    public var canSwitchView: Bool
    /// Whether `q` goes back to a lesson list (the status line hints so).
    public internal(set) var returnsToList = false
    /// Steps taken by every (active) trainer.
    public private(set) var step = 0
    /// Playback pauses when ``epoch`` reaches this (nil: never).
    public private(set) var epochHorizon: Int?
    /// Per trainer, the spec in force (the live editor's `e` starts from it; `u`/`d` rewrite its lr).
    public internal(set) var specs: [String]
    /// Per trainer, its colour (a scene's, else the palette's; an added trainer takes the first
    /// colour no other has).
    public internal(set) var colors: [Color]
    /// The spec editor while open (`e`, `E`, `a`): keys go to it (the ``KeyContext/editor`` context).
    public internal(set) var editor: SpecEditor?
    /// A one-off message for the status line (cleared by the next action but frames).
    public internal(set) var notice: String?

    /// A view of `setup` (whose trainers should be fresh) playing `stepsPerFrame` steps per frame.
    public init(setup: TrainingSetup, stepsPerFrame: Int = 4, canSwitchView: Bool = false) {
        self.setup = setup
        trainers = setup.trainers.map { trainer in
            var trainer = trainer
            trainer.historyWindow = Self.stepWindow
            trainer.measuresWalkEveryK = false
            return trainer
        }
        self.stepsPerFrame = min(max(1, stepsPerFrame), Self.maximumStepsPerFrame)
        self.canSwitchView = canSwitchView
        epochHorizon = setup.epochs
        history = setup.trainers.map { [TrainingPoint($0, since: 0)] }
        boundaryParameters = setup.trainers.map(\.parameters)
        specs = setup.trainers.indices.map { setup.specs.indices.contains($0) ? setup.specs[$0] : setup.trainers[$0].label }
        colors = setup.trainers.indices.map { i in (setup.colors.indices.contains(i) ? setup.colors[i] : nil) ?? Palette.okabeIto[i] }
    }

    /// Epochs completed by every active trainer: the fewest among them (trainers with larger
    /// batches finish epochs in fewer steps; all take the same number of steps).
    public var epoch: Int {
        let anyActive = trainers.contains(where: \.isActive)
        return trainers.lazy.filter { $0.isActive || !anyActive }.map(\.completedEpochs).min() ?? 0
    }

    /// The panels available: the boundary only for data with two features.
    public var panels: [TrainingPanel] { setup.isPlanar ? TrainingPanel.allCases : [.curves, .walk] }

    /// The caption at the completed epochs: the latest note at or before them, or nil.
    public var caption: TrainingNote? { setup.notes.last { $0.epoch <= epoch } }

    /// Applies `action`; returns the commands for the event loop (a tick when playback
    /// starts, ``Command/switchView`` for `n` when there is a surface view). Actions of other
    /// screens do nothing.
    @discardableResult
    public mutating func apply(_ action: Action) -> [Command] {
        let commands = applyAction(action)
        if !isPlaying { snapshotBoundaries() }
        return commands
    }

    private mutating func applyAction(_ action: Action) -> [Command] {
        notice = nil
        if editor != nil {
            editorAction(action)
            return action == .quit ? [.quit] : []
        }
        switch action {
        case .togglePlay: return togglePlay()
        case .jumpToEnd: trainToHorizon()
        case .stepForward:
            isPlaying = false
            advance(steps: 1)
        case .faster: stepsPerFrame = min(stepsPerFrame * 2, Self.maximumStepsPerFrame)
        case .slower: stepsPerFrame = max(stepsPerFrame / 2, 1)
        case let .scaleLearningRate(up): scaleSelectedLearningRate(by: up ? Self.learningRateFactor : 1 / Self.learningRateFactor)
        case let .scaleBatch(up): scaleSelectedBatch(up: up)
        case .selectNext: if !trainers.isEmpty { selected = (selected + 1) % trainers.count }
        case let .editSpec(restart): openEditor(restart: restart)
        case .addOptimizer: openAdder()
        case .removeOptimizer: removeSelected()
        case .nextPanel:
            let panels = self.panels
            panel = panels[((panels.firstIndex(of: panel) ?? 0) + 1) % panels.count]
        case .toggleBoundaryLayout:
            boundaryLayout = boundaryLayout == .selected ? .all : .selected
            if !setup.isPlanar { notice = "decision boundaries need data with two features" }
        case .switchView:
            if canSwitchView {
                return [.switchView]
            }
            notice = "no surface view here: 'descent play' has both (n switches)"
        case .toggleHelp:
            showsHelp.toggle()
            helpPage = 0
        case let .helpPage(forward): if showsHelp { helpPage = max(0, helpPage + (forward ? 1 : -1)) }
        case .dismiss:
            guard showsHelp else { return [.leave] }
            showsHelp = false
        case .repaint: return [.repaint]
        case .quit: return [.quit]
        default: break
        }
        return []
    }

    /// One frame of playback, `seconds` after the previous one: ``stepsPerFrame`` steps of every
    /// trainer while playing, and a new snapshot of the nets for the decision regions once
    /// ``boundaryInterval`` has passed (or playback stopped); asks for the next frame while
    /// still playing.
    @discardableResult
    public mutating func tick(seconds: Double = TrainingState.frameInterval.inSeconds) -> [Command] {
        guard isPlaying else { return [] }
        sinceWalk += seconds
        advance(steps: stepsPerFrame)
        sinceBoundarySnapshot += seconds
        if sinceBoundarySnapshot >= Self.boundaryInterval || !isPlaying { snapshotBoundaries() }
        return isPlaying ? [.tick(after: Self.frameInterval)] : []
    }

    /// Takes θ_t of every trainer as the parameters whose decision regions are drawn (sharing
    /// the arrays' storage: nothing is copied unless a trainer steps on).
    private mutating func snapshotBoundaries() {
        sinceBoundarySnapshot = 0
        boundaryParameters = trainers.map(\.parameters)
    }

    /// Records trainer `i`'s evaluation now: replaces the latest point if it fell between the
    /// kept ones, appends, and halves the kept points when they pass ``pointLimit``.
    mutating func record(trainer i: Int) {
        let spacing = evaluateEvery * pointStride
        if let last = history[i].last, last.step % spacing != 0, history[i].count > 1 { history[i].removeLast() }
        history[i].append(TrainingPoint(trainers[i], since: history[i].last?.step ?? 0))
        guard history[i].count > Self.pointLimit else { return }
        pointStride *= 2
        let kept = evaluateEvery * pointStride
        for k in history.indices {
            let latest = history[k].last
            history[k].removeAll { $0.step % kept != 0 }
            if let latest, history[k].last != latest { history[k].append(latest) }
        }
    }

    /// The commands that keep playback going on this view when it comes (back) on screen.
    var resumeCommands: [Command] { isPlaying ? [.tick(after: Self.frameInterval)] : [] }

    private mutating func togglePlay() -> [Command] {
        if isPlaying {
            isPlaying = false
            return []
        }
        if let horizon = epochHorizon, let epochs = setup.epochs, epoch >= horizon {
            epochHorizon = horizon + epochs
        }
        isPlaying = trainers.contains(where: \.isActive)
        if !isPlaying { notice = "every optimizer has stopped (diverged or failed)" }
        return resumeCommands
    }

    /// `G` / End: every trainer trains on to the epoch horizon at once (past any pausing note)
    /// and playback stops there, as a lesson's last caption expects; without a horizon ahead (a
    /// race from the command line, or one already reached) it only says so.
    private mutating func trainToHorizon() {
        guard let horizon = epochHorizon, epoch < horizon else {
            notice = "no epoch horizon ahead: space trains on"
            return
        }
        isPlaying = false
        while epoch < horizon, trainers.contains(where: \.isActive) { advance(steps: 1) }
        if trainers.contains(where: \.isActive) { notice = "epoch \(epoch) reached: space trains on" }
    }

    /// η ← η·factor from the next step on; the spec in force (and the legend) says so.
    private mutating func scaleSelectedLearningRate(by factor: Double) {
        guard trainers.indices.contains(selected) else { return }
        let lr = trainers[selected].learningRate * factor
        guard lr.isFinite, lr > 0 else { return }
        trainers[selected].learningRate = lr
        if let spec = try? specSetting(specs[selected], "lr", to: lr) { respecify(selected, spec) }
    }

    /// B ← 2B or ⌈B/2⌉ within 1…n (n: the training set; B = n is gradient descent).
    private mutating func scaleSelectedBatch(up: Bool) {
        guard trainers.indices.contains(selected) else { return }
        let n = trainers[selected].sampler.sampleCount, b = trainers[selected].batchSize
        let next = up ? min(2 * b, n) : max((b + 1) / 2, 1)
        trainers[selected].batchSize = next
        if next == b { notice = up ? "already full batch (\(n) samples): gradient descent" : "batch size is already 1" }
    }

    /// The walk measurements of the trainers at a multiple of their K steps: every one while
    /// stepping, at most one per ``walkInterval`` while playing.
    private mutating func measureWalk() {
        guard !isPlaying || sinceWalk >= Self.walkInterval else { return }
        var measured = false
        for i in trainers.indices where trainers[i].walkSettings.every > 0 && trainers[i].stepCount % trainers[i].walkSettings.every == 0 {
            trainers[i].measureWalk()
            measured = true
        }
        if measured { sinceWalk = 0 }
    }

    /// `steps` steps of every active trainer, evaluating every ``evaluateEvery`` steps; stops
    /// playing once every trainer has diverged, at the epoch horizon and at a pausing note.
    private mutating func advance(steps: Int) {
        for _ in 0..<steps {
            let epochBefore = epoch
            var anyActive = false
            for i in trainers.indices where trainers[i].isActive {
                anyActive = trainers[i].step() || anyActive
            }
            guard anyActive else {
                isPlaying = false
                notice = "every optimizer has stopped (diverged or failed)"
                return
            }
            step += 1
            measureWalk()
            if step % evaluateEvery == 0 {
                for i in trainers.indices where trainers[i].isActive {
                    record(trainer: i)
                }
            }
            guard isPlaying, epoch > epochBefore else { continue }
            if let horizon = epochHorizon, epoch >= horizon {
                isPlaying = false
                notice = "epoch \(epoch) reached: space trains on"
                return
            }
            if setup.notes.contains(where: { $0.pause && $0.epoch > epochBefore && $0.epoch <= epoch }) {
                isPlaying = false
                notice = "paused at a note: space plays on"
                return
            }
        }
    }
}
