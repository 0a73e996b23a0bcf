/// Several runs on one surface, stepped in lockstep.
public struct Race {
    public let surface: Surface
    public private(set) var runs: [Run]

    /// A race of `runs`, all on `surface`.
    public init(surface: Surface, runs: [Run]) {
        self.surface = surface
        self.runs = runs
    }

    /// The number of steps every active run has taken (the lockstep clock).
    public var step: Int { runs.map(\.steps).max() ?? 0 }

    /// Advances every run to `steps` steps (diverged runs stay where they ended).
    public mutating func advance(toStep steps: Int) {
        for i in runs.indices { runs[i].advance(toStep: steps) }
    }

    /// Advances every active run by one step; returns whether any run moved.
    @discardableResult
    public mutating func advance() -> Bool {
        var moved = false
        for i in runs.indices where runs[i].advance() { moved = true }
        return moved
    }

    /// Mutable access to one run (relabel, change its learning rate).
    public subscript(run index: Int) -> Run {
        get { runs[index] }
        set { runs[index] = newValue }
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

    /// Scores `run` against `surface`'s known critical points with distance tolerance `tolerance`.
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
    /// history as the run grows).
    public func firstArrival(at minima: [CriticalPoint], tolerance: Double, in steps: Range<Int>) -> (step: Int, minimum: CriticalPoint)? {
        for k in steps.clamped(to: 0..<count) {
            if let m = Self.arrival(of: point(k), at: minima, tolerance: tolerance) { return (k, m) }
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
