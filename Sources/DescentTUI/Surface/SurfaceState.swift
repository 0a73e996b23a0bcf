import DescentCore
import DescentRender
import DescentScenes

/// The surface race screen as a value: the race with its history, per optimizer its style, and
/// the ``PlotControls`` (step shown, playback, view, cursor, toggles, size). Input becomes
/// ``Action``s, ``PlotScreen/apply(_:)`` turns them into a new state (and commands), and
/// ``FrameComposer`` draws the state.
public struct SurfaceState: PlotScreen {
    /// The most steps the race plays: the steps limit of the command line and scenes. Its
    /// runs' memory stays bounded however far it goes: each keeps every step of the last
    /// ``Limits/liveHistoryWindow`` and thins older ones.
    public static let historyLimit = Limits.steps.upperBound

    public let setup: RaceSetup
    /// The start every run begins from (changed with Enter or a click).
    public internal(set) var start: [Double]
    /// The optimizers' runs, stepped in lockstep, with their arrivals (the leaderboard).
    public internal(set) var race: Race
    /// Per optimizer, how it is set up and shown (colour, visibility, start).
    public var styles: [LaneStyle]
    public var controls: PlotControls
    /// The spec editor while open (`e`, `E`, `a`): keys go to it (the ``KeyContext/editor`` context).
    public internal(set) var editor: SpecEditor?

    /// The state at step 0 of `setup` on a `width` × `height` screen, paused.
    public init(setup: RaceSetup, width: Int = 80, height: Int = 24) {
        self.setup = setup
        start = setup.start
        controls = PlotControls(setup: setup, width: width, height: height)
        (styles, race) = Self.lanes(of: setup)
        computeAhead()
    }

    /// The styles and fresh runs of `setup`'s optimizers, as at the start.
    static func lanes(of setup: RaceSetup) -> ([LaneStyle], Race) {
        let styles = LaneStyle.styles(of: setup)
        let race = Race(surface: setup.surface, runs: zip(styles, setup.entries).map { $0.firstRun(of: $1.optimizer) },
                        tolerance: setup.tolerance)
        return (styles, race)
    }

    /// The race's keymap context (the editor's while it is open).
    public var context: KeyContext { editor != nil ? .editor : .surface }

    /// Every optimizer as shown: its style with its run and arrival from the race.
    public var lanes: [Lane] {
        styles.indices.map { k in
            Lane(style: styles[k], run: race.runs[k], arrivalStep: race.arrivals[k]?.step)
        }
    }

    /// The first optimizer that failed by the shown step, with why (`2 heavy failed at step 1:
    /// plugin exited with status 1: …`), for the status line; nil when none did.
    public var failureNotice: String? {
        lanes.enumerated().lazy.compactMap { k, lane in lane.failure(by: self.controls.step).map { "\(k + 1) \(lane.label) \($0)" } }.first
    }

    /// Restarts run `k` from its style's start with its spec in force (history and arrival discarded),
    /// computed to the step after the shown one.
    mutating func restart(_ k: Int) {
        race.restart(run: k, with: styles[k].restarted(race.runs[k]))
        race.advance(run: k, toStep: controls.step + 1)
    }

    /// Computes every run one step beyond the shown one (the arrows and the inspector show the
    /// step about to be taken).
    public mutating func computeAhead() {
        race.advance(toStep: controls.step + 1)
    }

    /// Restarts every run from `start`, keeping their learning rates; back to step 0.
    mutating func restartAll(from start: [Double]) {
        self.start = start
        controls.step = 0
        controls.stepCredit = 0
        for k in styles.indices {
            styles[k].start = start
            restart(k)
        }
        computeAhead()
    }

    /// The nearest step at or before `step` that the runs keep (``Race/keptStep(atOrBefore:)``).
    public func keptStep(atOrBefore step: Int) -> Int { race.keptStep(atOrBefore: step) }

    /// The lanes that are shown, with their indices.
    var visibleLanes: [(index: Int, lane: Lane)] {
        lanes.enumerated().filter { !$0.element.isHidden }.map { ($0.offset, $0.element) }
    }

    /// The lanes that reached the tolerance by the shown step, first arrival first (ties in
    /// lane order): the race's leaderboard.
    public var leaderboard: [(index: Int, step: Int)] { race.leaderboard(atStep: controls.step, among: styles.indices) }
}
