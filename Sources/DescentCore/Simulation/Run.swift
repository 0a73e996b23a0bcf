/// How much of its history a ``Run`` keeps.
public enum RunHistory: Sendable, Equatable {
    /// Every step: entry k of the history is step k (headless commands, scenes' checks, tests).
    case everyStep
    /// Every step of the last `window` steps, and the older steps thinned
    /// (``Swift/Array/thinOlder(keepingLast:)``: every other one each time the older part fills
    /// up, the start always kept), so that at most 2·`window` + 1 entries are kept however long
    /// the run goes: what the live views keep.
    case window(Int)

    /// The window of a thinned history, nil when every step is kept.
    public var window: Int? { if case .window(let w) = self { max(w, 1) } else { nil } }
}

/// One optimizer from one start on one objective, with its history (every step, or every step
/// of a recent window and thinned older steps: ``RunHistory``).
///
/// Step k of the history holds the point x_k (x_0 is the start), f(x_k), ∇f(x_k), the learning
/// rate η_k used to go from x_k to x_{k+1}, and (optionally) the optimizer's state after step k,
/// so stepping back through a run is an index change, not a recomputation. The arrays below hold
/// one element per entry of the history: entry k is step k when every step is kept, else step
/// ``step(ofEntry:)`` (``entry(atOrBefore:)`` finds the entry of a step).
///
/// Each ``advance()`` takes the one ``OptimizerStep`` (η_k = schedule(k, base η);
/// x_{k+1} = optimizer.step(x_k, ∇f(x_k), η_k); finite check), then evaluates f and ∇f at x_{k+1}. A non-finite coordinate, loss or gradient (or a step that changed
/// the number of parameters) ends the run:
/// ``divergedAt`` records k+1 and the history stops at x_k. A step the optimizer itself cannot
/// take (a plugin that crashed, hung or answered nonsense) ends it too, as a failure, not a
/// divergence: ``failure`` says why and ``failedAt`` records k+1.
public struct Run {
    /// Shown in legends and tables (the spec, or a label given by a scene).
    public var label: String
    /// The spec in force: the text the optimizer was built from, or of the last ``OptimizerChange``.
    public private(set) var spec: String
    public private(set) var optimizer: any Optimizer
    /// The changes of optimizer made from given steps on (the live spec editor), in order; a
    /// change replays the run up to its step (``changed(_:oracle:)``), so these are applied again.
    public private(set) var changes: [OptimizerChange] = []
    /// The optimizer and spec the run started with, for replays.
    private let initialOptimizer: any Optimizer
    private let initialSpec: String
    public let schedule: any Schedule
    private let oracle: GradientOracle
    private let recordsState: Bool
    /// When set, the recorded loss f(x_k) is this oracle's value (e.g. the full-data loss of a
    /// finite-sum objective) while the optimizer steps on `oracle`'s (e.g. minibatch) gradient.
    private let reference: GradientOracle?

    /// What the history keeps.
    public let history: RunHistory
    /// The step of each entry of the history when it is thinned (increasing, the start first);
    /// empty when every step is kept (entry k is step k).
    public private(set) var keptSteps: [Int]

    /// x_k for every recorded step, flattened: point k is `points[k*dimension ..< (k+1)*dimension]`.
    public private(set) var points: [Double]
    /// The number of parameters.
    public let dimension: Int
    /// f(x_k).
    public private(set) var losses: [Double]
    /// ∇f(x_k), flattened like `points`.
    public private(set) var gradients: [Double]
    /// ‖∇f(x_k)‖₂.
    public private(set) var gradientNorms: [Double]
    /// η_k: the learning rate of the step from x_k to x_{k+1} (one fewer than points).
    public private(set) var learningRates: [Double]
    /// The optimizer's state after step k (entry k-1 is after the step that produced x_k);
    /// empty unless the run was created with `recordsState`.
    public private(set) var states: [[StateVector]]
    /// The step at which a value became non-finite, or nil while the run is healthy.
    public private(set) var divergedAt: Int?
    /// Why the optimizer could not take a step, or nil while it can.
    public private(set) var failure: OptimizerFailure?
    /// The step the optimizer failed to take.
    public private(set) var failedAt: Int?

    /// A run of `optimizer` from `start` on `oracle`. The start itself must be finite; if f or
    /// ∇f is not finite there, the run is diverged at step 0 with an empty history. With a
    /// `reference` oracle, `losses` hold its value at each point (e.g. the full-data loss) while
    /// `gradients` stay `oracle`'s (the stochastic gradients the optimizer steps on).
    public init(
        label: String, spec: String, optimizer: any Optimizer, schedule: any Schedule = ConstantSchedule(),
        oracle: GradientOracle, start: [Double], recordsState: Bool = true, reference: GradientOracle? = nil,
        history: RunHistory = .everyStep
    ) {
        self.label = label
        self.spec = spec
        self.optimizer = optimizer
        initialOptimizer = optimizer
        initialSpec = spec
        self.schedule = schedule
        self.oracle = oracle
        self.recordsState = recordsState
        self.reference = reference
        self.history = history
        keptSteps = []
        dimension = start.count
        points = []
        losses = []
        gradients = []
        gradientNorms = []
        learningRates = []
        states = []
        var g = [Double](repeating: 0, count: start.count)
        let loss = recordedLoss(start, oracle.evaluate(start, &g))
        if !record(start, loss, g, step: 0) { divergedAt = 0 }
    }

    /// The number of entries of the history: the recorded points (steps taken + 1) when every
    /// step is kept; 0 if the start was not finite.
    public var count: Int { losses.count }
    /// The number of steps taken.
    public private(set) var steps = 0
    /// Whether the run can take another step.
    public var isActive: Bool { divergedAt == nil && failure == nil }
    /// The step at which the run ended (diverged or failed), or nil while it is active.
    public var endedAt: Int? { divergedAt ?? failedAt }

    /// The point of entry k (x_k when every step is kept).
    public func point(_ k: Int) -> [Double] { Array(points[(k * dimension)..<((k + 1) * dimension)]) }
    /// The gradient of entry k (∇f(x_k) when every step is kept).
    public func gradient(_ k: Int) -> [Double] { Array(gradients[(k * dimension)..<((k + 1) * dimension)]) }

    /// The step of entry `k` of the history.
    public func step(ofEntry k: Int) -> Int { keptSteps.isEmpty ? k : keptSteps[k] }

    /// The last entry whose step is at or before `step` (the entry of `step` itself when it is
    /// kept), nil for an empty history or a negative step. O(log count).
    public func entry(atOrBefore step: Int) -> Int? {
        guard count > 0, step >= 0 else { return nil }
        guard !keptSteps.isEmpty else { return min(step, count - 1) }
        var low = 0, high = keptSteps.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if keptSteps[mid] <= step { low = mid } else { high = mid - 1 }
        }
        return low
    }
    /// The last point.
    public var current: [Double] { point(count - 1) }

    /// Takes one step; returns false (and does nothing) once the run has diverged or failed.
    @discardableResult
    public mutating func advance() -> Bool {
        guard isActive, count > 0 else { return false }
        let k = steps
        var x = point(count - 1)
        let g = gradient(count - 1)
        let lr: Double?
        do {
            lr = try OptimizerStep.take(&optimizer, schedule: schedule, step: k, params: &x, gradient: g, loss: losses[count - 1], oracle: oracle)
        } catch {
            fail(error, at: k + 1)
            return false
        }
        var next = [Double](repeating: 0, count: dimension)
        // A step that changed the number of parameters (a faulty plugin) ends the run like a non-finite one.
        let loss = lr != nil ? recordedLoss(x, oracle.evaluate(x, &next)) : .nan
        guard let lr, record(x, loss, next, step: k + 1) else {
            divergedAt = k + 1
            return false
        }
        steps = k + 1
        learningRates.append(lr)
        if recordsState { states.append(optimizer.state) }
        if let window = history.window, let older = [Double].olderToThin(count: count, keepingLast: window) { thin(older: older) }
        return true
    }

    /// Advances until `steps` steps have been taken or the run diverges.
    public mutating func advance(toStep steps: Int) {
        while self.steps < steps, advance() {}
    }

    /// The run started again from `start` (on `oracle`, or the same oracle), history discarded:
    /// the optimizer is reset, so a fresh run follows — never a copy of a used prototype. If the
    /// reset fails (a plugin), the new run is failed at step 0. The optimizer and spec in force
    /// (after any changes) are those of the new run from its start.
    public func restarted(from start: [Double], oracle: GradientOracle? = nil) -> Run {
        var optimizer = self.optimizer
        var failure: OptimizerFailure?
        do { try optimizer.reset() } catch { failure = error }
        var run = Run(label: label, spec: spec, optimizer: optimizer, schedule: schedule, oracle: oracle ?? self.oracle,
                      start: start, recordsState: recordsState, reference: reference)
        if let failure { run.fail(failure, at: 0) }
        return run
    }

    /// The run with `change` made from its step on (clamped to the steps taken): the history up to
    /// that step is the same (replayed from the start on `oracle`, a fresh copy of the run's
    /// oracle, with the earlier changes at their steps), the steps from it on use the changed
    /// optimizer. Later changes than `change` are dropped (that future is rewritten). Throws if
    /// the new hyperparameters are refused (``Optimizer/configure(_:)``); the run is unchanged.
    public func changed(_ change: OptimizerChange, oracle: GradientOracle) throws(SpecError) -> Run {
        var change = change
        change.step = min(max(change.step, 0), steps)
        var run = Run(label: label, spec: initialSpec, optimizer: initialOptimizer, schedule: schedule, oracle: oracle,
                      start: point(0), recordsState: recordsState, reference: reference, history: history)
        do { try run.optimizer.reset() } catch { run.fail(error, at: 0) }
        let kept = changes.filter { $0.step <= change.step }
        for earlier in kept + [change] {
            run.advance(toStep: earlier.step)
            try run.make(earlier)
        }
        run.changes = kept + [change]
        return run
    }

    /// Switches to `change`'s optimizer for the steps from now on.
    private mutating func make(_ change: OptimizerChange) throws(SpecError) {
        switch change.replacement {
        case .configure(let configuration): try optimizer.configure(configuration)
        case .optimizer(let fresh):
            optimizer = fresh
            do { try optimizer.reset() } catch { fail(error, at: steps) }
        }
        spec = change.spec
    }

    /// Ends the run with the optimizer's failure at step `k`.
    private mutating func fail(_ error: OptimizerFailure, at k: Int) {
        failure = error
        failedAt = k
    }

    /// The loss to record at x: the reference oracle's value if there is one, else `loss`.
    private func recordedLoss(_ x: [Double], _ loss: Double) -> Double {
        guard let reference else { return loss }
        var scratch = [Double](repeating: 0, count: x.count)
        return reference.evaluate(x, &scratch)
    }

    private mutating func record(_ x: [Double], _ loss: Double, _ g: [Double], step: Int) -> Bool {
        let norm = euclideanNorm(g)
        guard loss.isFinite, norm.isFinite, x.allSatisfy(\.isFinite) else { return false }
        points.append(contentsOf: x)
        losses.append(loss)
        gradients.append(contentsOf: g)
        gradientNorms.append(norm)
        if history.window != nil { keptSteps.append(step) }
        return true
    }

    /// Thins the first `older` entries of every column alike (see ``RunHistory/window(_:)``).
    private mutating func thin(older: Int) {
        points.thinEntries(older: older, width: dimension)
        gradients.thinEntries(older: older, width: dimension)
        losses.thinEntries(older: older)
        gradientNorms.thinEntries(older: older)
        keptSteps.thinEntries(older: older)
        learningRates.thinEntries(older: older)
        if recordsState { states.thinEntries(older: older) }
    }
}
