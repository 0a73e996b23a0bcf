import DescentCore
import DescentRender

/// One optimizer of the race as the app shows it: its run with full history, colour, visibility,
/// the live learning rate, and when it first came within the tolerance of a known minimum.
public struct Lane {
    /// The spec text it was built from (`adam(lr=0.05)`): name and hyperparameters.
    public let spec: String
    /// The optimizer as configured, before any step (a value: copying it gives fresh state).
    let prototype: any Optimizer
    /// The base learning rate now in use (changed live with `u`/`d`).
    public private(set) var learningRate: Double
    public let color: Color
    public var isHidden = false
    /// The run from the current start with the current learning rate.
    public private(set) var run: Run
    /// The first step whose point is within the tolerance of a known minimum, if reached so far.
    public private(set) var arrivalStep: Int?
    /// The known minimum it arrived at.
    public private(set) var arrivalPoint: CriticalPoint?
    /// How many points of the history have been checked for arrival.
    private var checkedCount = 0

    /// A lane for `optimizer`, started at `start` on `surface`.
    init(spec: String, optimizer: any Optimizer, color: Color, surface: Surface, schedule: any Schedule, start: [Double]) {
        self.spec = spec
        prototype = optimizer
        learningRate = optimizer.learningRate
        self.color = color
        run = Self.makeRun(spec: spec, optimizer: optimizer, learningRate: optimizer.learningRate,
                           surface: surface, schedule: schedule, start: start)
    }

    /// The lane restarted from `start` with base learning rate `lr` (history discarded).
    mutating func restart(from start: [Double], learningRate lr: Double, surface: Surface, schedule: any Schedule) {
        learningRate = lr
        run = Self.makeRun(spec: spec, optimizer: prototype, learningRate: lr, surface: surface, schedule: schedule, start: start)
        arrivalStep = nil
        arrivalPoint = nil
        checkedCount = 0
    }

    /// The learning rate the spec asked for.
    var originalLearningRate: Double { prototype.learningRate }

    /// Advances the run to `steps` steps (or until it diverges) and checks the new points
    /// against the minima: arrival is the first k with ‖x_k − p‖₂ ≤ `tolerance` for a minimum p.
    mutating func extend(toStep steps: Int, minima: [CriticalPoint], tolerance: Double) {
        run.advance(toStep: steps)
        while checkedCount < run.count {
            defer { checkedCount += 1 }
            guard arrivalStep == nil else { continue }
            let p = run.point(checkedCount)
            if let m = minima.first(where: { euclideanNorm([p[0] - $0.x, p[1] - $0.y]) <= tolerance }) {
                arrivalStep = checkedCount
                arrivalPoint = m
            }
        }
    }

    /// The last recorded step not after `step` (a diverged run stops early).
    func shownStep(_ step: Int) -> Int { min(step, run.count - 1) }

    /// Whether the run has diverged by `step`.
    func hasDiverged(by step: Int) -> Bool { run.divergedAt.map { $0 <= step } ?? false }

    private static func makeRun(spec: String, optimizer: any Optimizer, learningRate: Double, surface: Surface,
                                schedule: any Schedule, start: [Double]) -> Run {
        var optimizer = optimizer
        optimizer.learningRate = learningRate
        return Run(label: spec, spec: spec, optimizer: optimizer, schedule: schedule, oracle: surface.oracle,
                   start: start, recordsState: true)
    }
}
