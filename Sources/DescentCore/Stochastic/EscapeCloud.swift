/// One optimizer run from every start of a cloud around a saddle, all advanced in lockstep,
/// with the fraction of runs that have escaped after each step (Lee, Simchowitz, Jordan & Recht
/// 2016, "Gradient Descent Only Converges to Minimizers": from a random start GD almost surely
/// escapes a strict saddle; the noisy variant: Ge, Huang, Jin & Yuan 2015, "Escaping From Saddle
/// Points — Online Stochastic Gradient for Tensor Decomposition").
///
/// Escape: run i has escaped by step k when some iterate x_j, j ≤ k, lay strictly outside the
/// escape radius R around the centre c, ‖x_j − c‖₂ > R, or the run diverged (a non-finite
/// value) at some step j ≤ k. Once escaped, a run stays escaped even if it comes back: the
/// fraction escaped is non-decreasing in k. A start already outside R counts as escaped at
/// step 0. Centre coordinates missing for the runs' dimension are 0.
///
/// Every start is a ``Run`` (without optimizer-state recording, to stay cheap), so the dots of a
/// cloud at any past step are an index into the runs' histories.
public struct EscapeCloud {
    /// Shown in legends (the spec, or a label given by a scene).
    public var label: String
    /// The optimizer spec every run was built from.
    public let spec: String
    /// c.
    public let center: [Double]
    /// R.
    public let escapeRadius: Double
    /// One run per start, in the order of the starts.
    public private(set) var runs: [Run]
    /// The first step at which each run counted as escaped, nil while it has not.
    public private(set) var escapedAt: [Int?]
    /// Entry k: the number of runs escaped by step k (k = 0…``step``).
    public private(set) var escapedCounts: [Int]
    /// The lockstep clock: steps taken by the cloud.
    public private(set) var step = 0

    /// Runs of `optimizers[i]` from `starts[i]` on `oracle` (the two arrays are paired in order;
    /// the shorter one decides the number of runs).
    public init(
        label: String, spec: String, optimizers: [any Optimizer], starts: [[Double]], oracle: GradientOracle,
        center: [Double], escapeRadius: Double, schedule: any Schedule = ConstantSchedule()
    ) {
        self.label = label
        self.spec = spec
        self.center = center
        self.escapeRadius = escapeRadius
        runs = zip(optimizers, starts).map { optimizer, start in
            Run(label: label, spec: spec, optimizer: optimizer, schedule: schedule, oracle: oracle, start: start,
                recordsState: false)
        }
        escapedAt = Array(repeating: nil, count: runs.count)
        escapedCounts = []
        recordEscapes()
    }

    /// Runs of the optimizer `spec` (built by `registry`) from every start; run i's optimizer
    /// gets its own seed, the i-th output of a ``Xoshiro256`` seeded with `seed`, so noisy
    /// optimizers draw independent noise per run.
    public init(
        spec: String, label: String? = nil, registry: Registry, starts: [[Double]], oracle: GradientOracle,
        center: [Double], escapeRadius: Double, seed: UInt64, schedule: any Schedule = ConstantSchedule()
    ) throws(SpecError) {
        var seeds = Xoshiro256(seed: seed)
        var optimizers: [any Optimizer] = []
        optimizers.reserveCapacity(starts.count)
        for _ in starts.indices { optimizers.append(try registry.optimizer(spec, seed: seeds.next()).optimizer) }
        self.init(label: label ?? spec, spec: spec, optimizers: optimizers, starts: starts, oracle: oracle,
                  center: center, escapeRadius: escapeRadius, schedule: schedule)
    }

    /// The number of runs.
    public var count: Int { runs.count }

    /// The fraction of runs escaped by step k (0 for an empty cloud); k is clamped to 0…``step``.
    public func fraction(at k: Int) -> Double {
        guard count > 0 else { return 0 }
        return Double(escapedCounts[min(max(k, 0), step)]) / Double(count)
    }

    /// The fraction escaped after every step 0…``step``: the escape chart's series.
    public var fractions: [Double] { (0...step).map(fraction(at:)) }

    /// Where each run was at step k (its dot), or nil for a run that had diverged by then.
    public func positions(at k: Int) -> [[Double]?] {
        runs.map { run in
            if let diverged = run.divergedAt, k >= diverged { return nil }
            return run.count > 0 ? run.point(min(max(k, 0), run.count - 1)) : nil
        }
    }

    /// Advances every run by one step and updates the escapes.
    public mutating func advance() {
        for i in runs.indices { runs[i].advance() }
        step += 1
        recordEscapes()
    }

    /// Advances until the cloud has taken `steps` steps.
    public mutating func advance(toStep steps: Int) {
        while step < steps { advance() }
    }

    /// Marks the runs that escape at the current step and appends the count.
    private mutating func recordEscapes() {
        var escaped = escapedCounts.last ?? 0
        for i in runs.indices where escapedAt[i] == nil && hasLeft(runs[i]) {
            escapedAt[i] = step
            escaped += 1
        }
        escapedCounts.append(escaped)
    }

    /// Whether the run has diverged or its last point is farther than R from the centre.
    private func hasLeft(_ run: Run) -> Bool {
        guard run.divergedAt == nil, run.count > 0 else { return true }
        let base = (run.count - 1) * run.dimension
        var squared = 0.0
        for j in 0..<run.dimension {
            let d = run.points[base + j] - (j < center.count ? center[j] : 0)
            squared += d * d
        }
        return squared > escapeRadius * escapeRadius
    }
}
