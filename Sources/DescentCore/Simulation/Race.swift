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

    /// Scores `run` against `surface`'s known critical points with distance tolerance `tolerance`.
    public init(run: Run, surface: Surface, tolerance: Double) {
        label = run.label
        steps = run.steps
        divergedAt = run.divergedAt
        let count = run.count
        finalLoss = count > 0 ? run.losses[count - 1] : .nan
        finalPoint = count > 0 ? run.current : []
        let arrival = run.firstArrival(at: surface.criticalPoints.filter(\.kind.isMinimum), tolerance: tolerance, in: 0..<count)
        stepsToTolerance = arrival?.step
        reachedMinimum = arrival?.minimum
        pathLength = 0
        for k in 1..<max(count, 1) { pathLength += distance(run.point(k), run.point(k - 1)) }
        if count > 0, let best = surface.criticalPoints.min(by: { distance(finalPoint, [$0.x, $0.y]) < distance(finalPoint, [$1.x, $1.y]) }) {
            nearest = best
            nearestDistance = distance(finalPoint, [best.x, best.y])
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
            let x = point(k)
            if let m = minima.first(where: { distance(x, [$0.x, $0.y]) <= tolerance }) { return (k, m) }
        }
        return nil
    }
}

/// ‖a − b‖₂.
func distance(_ a: [Double], _ b: [Double]) -> Double {
    euclideanNorm(zip(a, b).map { $0 - $1 })
}
