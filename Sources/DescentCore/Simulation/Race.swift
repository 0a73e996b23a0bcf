/// Several runs on one surface, stepped in lockstep; with a tolerance, also when each first
/// arrived at a known minimum (the leaderboard), checked as the runs grow.
///
/// What the visualizer's surface screen holds: restarting a run (a new start or learning rate)
/// replaces it here and forgets its arrival; the arrival rule is ``Run/firstArrival(at:tolerance:in:)``,
/// the one `descent race` scores with.
public struct Race {
    public let surface: Surface
    public private(set) var runs: [Run]
    /// Distance to a known minimum that counts as arrived; nil: arrivals are not tracked.
    public let tolerance: Double?
    /// Per run, its first arrival found so far: the step and the minimum.
    public private(set) var arrivals: [(step: Int, minimum: CriticalPoint)?]
    /// Per run, the steps checked for arrival so far (0..<checked).
    private var checked: [Int]
    private let minima: [CriticalPoint]

    /// A race of `runs`, all on `surface`, tracking arrivals within `tolerance` when given.
    public init(surface: Surface, runs: [Run], tolerance: Double? = nil) {
        self.surface = surface
        self.runs = runs
        self.tolerance = tolerance
        minima = surface.criticalPoints.filter(\.kind.isMinimum)
        arrivals = Array(repeating: nil, count: runs.count)
        checked = Array(repeating: 0, count: runs.count)
        for i in runs.indices { checkArrival(i) }
    }

    /// The number of steps every active run has taken (the lockstep clock).
    public var step: Int { runs.map(\.steps).max() ?? 0 }

    /// Advances every run to `steps` steps (diverged runs stay where they ended).
    public mutating func advance(toStep steps: Int) {
        for i in runs.indices { advance(run: i, toStep: steps) }
    }

    /// Advances run `index` to `steps` steps (or until it diverges). A run that thins its
    /// history goes at most its window at a time, so that every step is checked for arrival
    /// before it can be thinned.
    public mutating func advance(run index: Int, toStep steps: Int) {
        let stretch = runs[index].history.window ?? steps
        while runs[index].steps < steps {
            let before = runs[index].steps
            runs[index].advance(toStep: min(steps, before + stretch))
            checkArrival(index)
            if runs[index].steps == before { break }
        }
        checkArrival(index)
    }

    /// The step to show for `step` when runs thin their history: the latest step at or before
    /// it that some run still going at `step` keeps (`step` itself when every such run keeps
    /// it; runs that ended before `step` show their last point).
    public func keptStep(atOrBefore step: Int) -> Int {
        var kept: Int?
        for run in runs where run.steps >= step {
            guard let entry = run.entry(atOrBefore: step) else { continue }
            kept = max(kept ?? 0, run.step(ofEntry: entry))
        }
        return kept ?? step
    }

    /// Advances every active run by one step; returns whether any run moved.
    @discardableResult
    public mutating func advance() -> Bool {
        var moved = false
        for i in runs.indices where runs[i].advance() {
            moved = true
            checkArrival(i)
        }
        return moved
    }

    /// Replaces run `index` (a restart from another start or with another learning rate): its
    /// history and arrival start over.
    public mutating func restart(run index: Int, with run: Run) {
        runs[index] = run
        arrivals[index] = nil
        checked[index] = 0
        checkArrival(index)
    }

    /// Adds `run` at the end (the live editor's `a`), its arrival tracked like the others'.
    public mutating func append(_ run: Run) {
        runs.append(run)
        arrivals.append(nil)
        checked.append(0)
        checkArrival(runs.count - 1)
    }

    /// Removes run `index` (the live editor's `x`).
    public mutating func remove(run index: Int) {
        runs.remove(at: index)
        arrivals.remove(at: index)
        checked.remove(at: index)
    }

    /// Mutable access to one run (relabel, change its learning rate); its arrival is checked
    /// again from the start.
    public subscript(run index: Int) -> Run {
        get { runs[index] }
        set { restart(run: index, with: newValue) }
    }

    /// The runs among `indices` that arrived by step `step`, first arrival first (ties in run order).
    public func leaderboard(atStep step: Int, among indices: some Sequence<Int>) -> [(index: Int, step: Int)] {
        indices.compactMap { k in arrivals[k].flatMap { $0.step <= step ? (k, $0.step) : nil } }
            .sorted { ($0.step, $0.index) < ($1.step, $1.index) }
    }

    private mutating func checkArrival(_ index: Int) {
        guard let tolerance else { return }
        if arrivals[index] == nil {
            arrivals[index] = runs[index].firstArrival(at: minima, tolerance: tolerance, in: checked[index]..<(runs[index].steps + 1))
        }
        checked[index] = runs[index].steps + 1
    }
}

/// How one run did: what `descent race` prints per optimizer.
public struct RaceResult: Sendable, Equatable {
    public var label: String
    /// The first step whose point lies within the tolerance of a known minimum; nil if never.
    public var stepsToTolerance: Int?
    /// The minimum reached within tolerance (nil if never).
    public var reachedMinimum: CriticalPoint?
    public var steps: Int
    public var finalLoss: Double
    public var finalPoint: [Double]
    /// The known critical point nearest the final point and its distance.
    public var nearest: CriticalPoint?
    public var nearestDistance: Double?
    /// Σ‖x_{k+1} − x_k‖ over the recorded steps.
    public var pathLength: Double
    public var divergedAt: Int?
    /// Why the optimizer failed (a plugin's fault), or nil.
    public var failure: String?

    /// Scores `run` (which keeps every step) against `surface`'s known critical points with
    /// distance tolerance `tolerance`.
    public init(run: Run, surface: Surface, tolerance: Double) {
        var score = Score(label: run.label, surface: surface, tolerance: tolerance)
        for k in 0..<run.count { score.add(run.point(k), loss: run.losses[k]) }
        self = score.result(divergedAt: run.divergedAt)
        failure = run.failure?.reason
    }

    /// The result of a run with no points yet.
    private init(empty label: String) {
        self.label = label
        steps = 0
        finalLoss = .nan
        finalPoint = []
        pathLength = 0
    }

    /// A result built step by step, for runs streamed without their history (``RunStream``).
    public struct Score {
        private let minima: [CriticalPoint]
        private let surface: Surface
        private let tolerance: Double
        private var result: RaceResult
        private var count = 0

        /// An empty score for the run labelled `label`.
        public init(label: String, surface: Surface, tolerance: Double) {
            self.surface = surface
            self.tolerance = tolerance
            minima = surface.criticalPoints.filter(\.kind.isMinimum)
            result = RaceResult(empty: label)
        }

        /// Adds x_k with f(x_k), k being the number of points added before.
        public mutating func add(_ x: [Double], loss: Double) {
            if count > 0 { result.pathLength += distance(x, result.finalPoint) }
            if result.stepsToTolerance == nil, let m = Run.arrival(of: x, at: minima, tolerance: tolerance) {
                result.stepsToTolerance = count
                result.reachedMinimum = m
            }
            result.finalPoint = x
            result.finalLoss = loss
            count += 1
        }

        /// The result of the points added, for a run that diverged at `divergedAt` (if it did)
        /// or failed for `failure`.
        public func result(divergedAt: Int?, failure: OptimizerFailure? = nil) -> RaceResult {
            var r = result
            r.steps = max(0, count - 1)
            r.divergedAt = divergedAt
            r.failure = failure?.reason
            let final = r.finalPoint
            if count > 0, let best = surface.criticalPoints.min(by: { distance(final, [$0.x, $0.y]) < distance(final, [$1.x, $1.y]) }) {
                r.nearest = best
                r.nearestDistance = distance(final, [best.x, best.y])
            }
            return r
        }
    }
}

extension Run {
    /// The first step k in `steps` whose point lies within `tolerance` of one of `minima`
    /// (‖x_k − p‖₂ ≤ tolerance), and that minimum: when a run counts as arrived, for
    /// `descent race` and the visualizer's leaderboard alike (which checks each new stretch of
    /// history as the run grows). Of a thinned history, only the kept steps are looked at.
    public func firstArrival(at minima: [CriticalPoint], tolerance: Double, in steps: Range<Int>) -> (step: Int, minimum: CriticalPoint)? {
        guard !steps.isEmpty, var k = entry(atOrBefore: steps.lowerBound) ?? (count > 0 ? 0 : nil) else { return nil }
        if step(ofEntry: k) < steps.lowerBound { k += 1 }
        while k < count, step(ofEntry: k) < steps.upperBound {
            if let m = Self.arrival(of: point(k), at: minima, tolerance: tolerance) { return (step(ofEntry: k), m) }
            k += 1
        }
        return nil
    }

    /// The first of `minima` within `tolerance` of `x` (‖x − p‖₂ ≤ tolerance): the arrival rule
    /// itself, also for runs streamed without their history (``RaceResult/Score``).
    public static func arrival(of x: [Double], at minima: [CriticalPoint], tolerance: Double) -> CriticalPoint? {
        minima.first(where: { distance(x, [$0.x, $0.y]) <= tolerance })
    }
}

/// ‖a − b‖₂.
func distance(_ a: [Double], _ b: [Double]) -> Double {
    euclideanNorm(zip(a, b).map { $0 - $1 })
}
