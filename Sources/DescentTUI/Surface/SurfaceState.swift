import DescentCore
import DescentRender
import DescentScenes

/// The whole app as a value: the race with its history, what step is shown, playback, the view,
/// the cursor, toggles and the terminal size. Input becomes ``Action``s, ``apply(_:)`` turns
/// them into a new state (and commands), and ``FrameComposer`` draws the state.
public struct SurfaceState {
    /// The most steps any run keeps in its history (memory bound: every step keeps the
    /// optimizer's state for the inspector).
    public static let historyLimit = 200_000

    public let setup: RaceSetup
    public var surface: Surface { setup.surface }
    /// The start every run begins from (changed with Enter or a click).
    public internal(set) var start: [Double]
    /// The optimizers' runs, stepped in lockstep, with their arrivals (the leaderboard).
    public internal(set) var race: Race
    /// Per optimizer, how it is set up and shown (colour, visibility, live learning rate, start).
    public internal(set) var styles: [LaneStyle]
    /// The step shown (the same for every run; a diverged run shows its last point).
    public internal(set) var step = 0
    /// Where playback pauses and End jumps: `--steps` at first, extended by `--steps` each time
    /// play is pressed at the horizon.
    public internal(set) var horizon: Int
    public internal(set) var isPlaying = false
    public internal(set) var speedIndex: Int
    /// Steps owed to playback that have not made a whole step yet.
    var stepCredit = 0.0
    /// The run whose step anatomy (arrows, inspector) is shown and whose learning rate `u`/`d`
    /// change.
    public internal(set) var selected = 0
    /// The view box asked for; the plot widens one axis so that x and y have the same scale.
    public internal(set) var view: ViewBox
    /// The readout point (keyboard cursor or mouse pointer), nil when hidden.
    public internal(set) var cursor: PlanePoint?
    public internal(set) var showsHeatmap = true
    public internal(set) var showsContours = true
    public internal(set) var showsTrails = true
    /// Trails two braille dots wide.
    public internal(set) var boldTrails = false
    public internal(set) var layoutMode: PlotLayoutMode
    public internal(set) var showsHelp = false
    /// The help page on show (clamped to the pages when drawn).
    public internal(set) var helpPage = 0
    public internal(set) var width: Int
    public internal(set) var height: Int
    /// A one-off notice for the status line (cleared by the next key).
    public internal(set) var notice: String?
    /// Whether `q` goes back to a lesson list (the status line hints so).
    public internal(set) var returnsToList = false
    /// A cloud scene's saddle escape, advanced with the shown step (up to ``cloudStepLimit``);
    /// its runs keep their histories, so stepping back indexes them. Nil for a race.
    public internal(set) var escape: SaddleEscape?

    /// The state at step 0 of `setup` on a `width` × `height` screen, paused.
    public init(setup: RaceSetup, width: Int = 80, height: Int = 24) {
        self.setup = setup
        start = setup.start
        horizon = setup.steps
        view = setup.view
        layoutMode = setup.layout
        speedIndex = min(max(setup.speedIndex, 0), PlaybackSpeed.ladder.count - 1)
        notice = setup.notice
        escape = setup.escape
        self.width = width
        self.height = height
        styles = setup.entries.enumerated().map { k, entry in
            LaneStyle(entry: entry, color: entry.color ?? Palette.trails[k], surface: setup.surface, schedule: setup.schedule,
                      start: setup.start)
        }
        race = Race(surface: setup.surface, runs: zip(styles, setup.entries).map { $0.firstRun(of: $1.optimizer) },
                    tolerance: setup.tolerance)
        computeAhead()
    }

    /// The keymap context: a cloud scene's or a race's.
    public var context: KeyContext { escape == nil ? .surface : .cloud }

    /// Playback speed in steps per second.
    public var stepsPerSecond: Double { PlaybackSpeed.ladder[speedIndex] }

    /// Every optimizer as shown: its style with its run and arrival from the race.
    public var lanes: [Lane] {
        styles.indices.map { k in
            Lane(style: styles[k], run: race.runs[k], arrivalStep: race.arrivals[k]?.step, arrivalPoint: race.arrivals[k]?.minimum)
        }
    }

    /// Restarts run `k` from its style's start and learning rate (history and arrival discarded),
    /// computed to the step after the shown one.
    mutating func restart(_ k: Int) {
        race.restart(run: k, with: styles[k].restarted(race.runs[k]))
        race.advance(run: k, toStep: min(step + 1, Self.historyLimit))
    }

    /// Whether every run has stopped (diverged) before the shown step + 1, so stepping on
    /// shows nothing new.
    var allStopped: Bool { race.runs.allSatisfy { !$0.isActive && $0.count - 1 <= step } }

    /// Computes every run one step beyond the shown one (the arrows and the inspector show the
    /// step about to be taken).
    mutating func computeAhead() {
        let target = min(step + 1, Self.historyLimit)
        race.advance(toStep: target)
        let cloudTarget = min(step, cloudStepLimit)
        escape?.advance(toStep: cloudTarget)
    }

    /// The most steps a cloud is computed to: as many as a scene may record
    /// (``SceneLimits/recordedPoints`` over the runs of all clouds), and at least the scene's
    /// steps. Past it the dots and fractions stay at the last computed step.
    var cloudStepLimit: Int {
        let runs = escape?.clouds.reduce(0) { $0 + $1.count } ?? 0
        return max(setup.steps, SceneLimits.recordedPoints / max(runs, 1))
    }

    /// Restarts every run from `start`, keeping their learning rates; back to step 0.
    mutating func restartAll(from start: [Double]) {
        self.start = start
        step = 0
        stepCredit = 0
        for k in styles.indices {
            styles[k].start = start
            restart(k)
        }
        computeAhead()
    }

    /// The caption at the shown step: the latest note at or before it, or nil (then the
    /// setup's description, if any, is shown).
    public var caption: SceneNote? { setup.notes.last { $0.step <= step } }

    /// The lanes that are shown, with their indices.
    var visibleLanes: [(index: Int, lane: Lane)] {
        lanes.enumerated().filter { !$0.element.isHidden }.map { ($0.offset, $0.element) }
    }

    /// The lanes that reached the tolerance by the shown step, first arrival first (ties in
    /// lane order): the race's leaderboard.
    public var leaderboard: [(index: Int, step: Int)] { race.leaderboard(atStep: step, among: styles.indices) }
}
