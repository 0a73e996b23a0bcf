import DescentCore
import DescentRender

/// How one optimizer of the race is set up and shown: its spec and label, what a restart of it
/// needs (its schedule, its gradient oracle, its start), its colour and visibility. Its run
/// (with the spec in force) and arrival live in the screen's ``Race``.
public struct LaneStyle {
    /// The spec text it was built from (`adam(lr=0.05)`): name and hyperparameters.
    public let spec: String
    /// The name shown in the legend and the charts while the spec is the one it was built
    /// from: a scene's label, else the spec.
    public let label: String
    /// The learning-rate schedule η_k = η·s(k) of this lane.
    let schedule: any Schedule
    /// Makes the gradients this lane sees (the surface's exact gradient, or a scene's minibatch
    /// oracle), afresh for every run so that a restart replays the same minibatches.
    let makeOracle: () -> GradientOracle
    public let color: Color
    public internal(set) var isHidden = false
    /// The point the current run started from.
    public internal(set) var start: [Double]

    /// What the lane's runs record as their loss, when it is not the value of the gradients they
    /// step on: a data scene's full-data loss f(x) (``RaceSetup/recordedLoss``).
    let reference: GradientOracle?

    /// A lane for `entry` of the race `setup`: its own start, schedule and oracle when the
    /// entry has them, else `start`, the race's schedule and the surface's exact gradient.
    init(entry: RaceSetup.Entry, color: Color, setup: RaceSetup, start: [Double]) {
        spec = entry.spec
        label = entry.label ?? entry.spec
        schedule = entry.schedule ?? setup.schedule
        let surface = setup.surface
        makeOracle = entry.oracle ?? { surface.oracle }
        reference = setup.recordedLoss
        self.color = color
        self.start = entry.start ?? start
    }

    /// The lanes of `setup`'s optimizers, from its start, each in its own colour or the trail
    /// palette's for its position.
    static func styles(of setup: RaceSetup) -> [LaneStyle] {
        setup.entries.enumerated().map { k, entry in
            LaneStyle(entry: entry, color: entry.color ?? Palette.trails[k], setup: setup, start: setup.start)
        }
    }

    /// The first run of `optimizer` (as configured, from `spec`: by default the lane's own) from
    /// ``start``, recording the optimizer's state per step, every step of the last
    /// ``Limits/liveHistoryWindow`` kept and older ones thinned (memory bounded however long it plays).
    func firstRun(of optimizer: any Optimizer, spec: String? = nil) -> Run {
        Run(label: spec ?? self.spec, spec: spec ?? self.spec, optimizer: optimizer, schedule: schedule, oracle: makeOracle(),
            start: start, recordsState: true, reference: reference, history: .window(Limits.liveHistoryWindow))
    }

    /// `run` started again from ``start`` with its spec in force (history discarded): the run's
    /// optimizer is reset (a plugin's state lives elsewhere: a copied prototype would not be fresh).
    func restarted(_ run: Run) -> Run {
        run.restarted(from: start, oracle: makeOracle())
    }
}

/// One optimizer of the race as the app shows it: its ``LaneStyle`` with its run and first
/// arrival from the screen's ``Race`` (a read-only view, assembled by ``SurfaceState/lanes``).
public struct Lane {
    public let style: LaneStyle
    /// The run from the current start with the current learning rate.
    public let run: Run
    /// The first step whose point is within the tolerance of a known minimum, if reached so far.
    public let arrivalStep: Int?

    /// The spec in force (after any live edit or `u`/`d`).
    public var spec: String { run.spec }
    /// The legend's name: the style's label (a scene's, else the spec) while the spec is the one
    /// the lane was built from, else the spec in force (numbers to 6 significant digits).
    public var label: String { run.spec == style.spec ? style.label : readableSpec(run.spec) }
    public var color: Color { style.color }
    public var isHidden: Bool { style.isHidden }
    /// The base learning rate in force.
    public var learningRate: Double { run.optimizer.learningRate }
    public var start: [Double] { style.start }

    /// The entry of the run's history shown at `step`: the last kept step not after it (a
    /// diverged run stops early; older steps may be thinned); nil for an empty run.
    func shownEntry(_ step: Int) -> Int? { run.entry(atOrBefore: step) }

    /// Whether the run has diverged by `step`.
    func hasDiverged(by step: Int) -> Bool { run.divergedAt.map { $0 <= step } ?? false }

    /// `failed at step k: REASON` once the optimizer failed (a plugin's fault) by `step`, else nil.
    func failure(by step: Int) -> String? {
        guard let at = run.failedAt, at <= step, let failure = run.failure else { return nil }
        return "failed at step \(at): \(failure.reason)"
    }
}
