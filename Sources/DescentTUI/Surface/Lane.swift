import DescentCore
import DescentRender

/// One optimizer of the race as the app shows it: its run with full history, colour, visibility,
/// the live learning rate, and when it first came within the tolerance of a known minimum.
public struct Lane {
    /// The spec text it was built from (`adam(lr=0.05)`): name and hyperparameters.
    public let spec: String
    /// The name shown in the legend and the charts: a scene's label, else the spec.
    public let label: String
    /// The learning rate the spec asked for.
    let originalLearningRate: Double
    /// The learning-rate schedule η_k = η·s(k) of this lane.
    let schedule: any Schedule
    /// Makes the gradients this lane sees (the surface's exact gradient, or a scene's minibatch
    /// oracle), afresh for every run so that a restart replays the same minibatches.
    let makeOracle: () -> GradientOracle
    /// The base learning rate now in use (changed live with `u`/`d`).
    public private(set) var learningRate: Double
    public let color: Color
    public var isHidden = false
    /// The point the current run started from.
    public private(set) var start: [Double]
    /// The run from the current start with the current learning rate.
    public private(set) var run: Run
    /// The first step whose point is within the tolerance of a known minimum, if reached so far.
    public private(set) var arrivalStep: Int?
    /// The known minimum it arrived at.
    public private(set) var arrivalPoint: CriticalPoint?
    /// How many points of the history have been checked for arrival.
    private var checkedCount = 0

    /// A lane for `entry` of a race on `surface`: its own start, schedule and oracle when the
    /// entry has them, else `start`, `schedule` and the surface's exact gradient.
    init(entry: RaceSetup.Entry, color: Color, surface: Surface, schedule: any Schedule, start: [Double]) {
        spec = entry.spec
        label = entry.label ?? entry.spec
        originalLearningRate = entry.optimizer.learningRate
        self.schedule = entry.schedule ?? schedule
        makeOracle = entry.oracle ?? { surface.oracle }
        learningRate = entry.optimizer.learningRate
        self.color = color
        self.start = entry.start ?? start
        run = Run(label: spec, spec: spec, optimizer: entry.optimizer, schedule: self.schedule, oracle: makeOracle(),
                  start: self.start, recordsState: true)
    }

    /// The lane restarted from `start` with base learning rate `lr` (history discarded): the
    /// run's optimizer is reset (a plugin's state lives elsewhere: a copied prototype would not be fresh).
    mutating func restart(from start: [Double], learningRate lr: Double) {
        learningRate = lr
        self.start = start
        run.setLearningRate(lr)
        run = run.restarted(from: start, oracle: makeOracle())
        arrivalStep = nil
        arrivalPoint = nil
        checkedCount = 0
    }

    /// Advances the run to `steps` steps (or until it diverges) and checks the new points
    /// against the minima (``Run/firstArrival(at:tolerance:in:)``, as `descent race` does).
    mutating func extend(toStep steps: Int, minima: [CriticalPoint], tolerance: Double) {
        run.advance(toStep: steps)
        if arrivalStep == nil, let arrival = run.firstArrival(at: minima, tolerance: tolerance, in: checkedCount..<run.count) {
            arrivalStep = arrival.step
            arrivalPoint = arrival.minimum
        }
        checkedCount = run.count
    }

    /// The last recorded step not after `step` (a diverged run stops early).
    func shownStep(_ step: Int) -> Int { min(step, run.count - 1) }

    /// Whether the run has diverged by `step`.
    func hasDiverged(by step: Int) -> Bool { run.divergedAt.map { $0 <= step } ?? false }
}
