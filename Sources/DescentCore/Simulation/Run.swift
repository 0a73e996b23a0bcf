/// One optimizer from one start on one objective, with its full history.
///
/// Step k of the history holds the point x_k (x_0 is the start), f(x_k), ∇f(x_k), the learning
/// rate η_k used to go from x_k to x_{k+1}, and (optionally) the optimizer's state after step k,
/// so stepping back through a run is an index change, not a recomputation.
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
    /// The spec text the optimizer was built from.
    public let spec: String
    public private(set) var optimizer: any Optimizer
    public let schedule: any Schedule
    private let oracle: GradientOracle
    private let recordsState: Bool
    /// When set, the recorded loss f(x_k) is this oracle's value (e.g. the full-data loss of a
    /// finite-sum objective) while the optimizer steps on `oracle`'s (e.g. minibatch) gradient.
    private let reference: GradientOracle?

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
        oracle: GradientOracle, start: [Double], recordsState: Bool = true, reference: GradientOracle? = nil
    ) {
        self.label = label
        self.spec = spec
        self.optimizer = optimizer
        self.schedule = schedule
        self.oracle = oracle
        self.recordsState = recordsState
        self.reference = reference
        dimension = start.count
        points = []
        losses = []
        gradients = []
        gradientNorms = []
        learningRates = []
        states = []
        var g = [Double](repeating: 0, count: start.count)
        let loss = recordedLoss(start, oracle.evaluate(start, &g))
        if !record(start, loss, g) { divergedAt = 0 }
    }

    /// The number of recorded points (steps taken + 1); 0 if the start was not finite.
    public var count: Int { losses.count }
    /// The number of steps taken.
    public var steps: Int { max(0, count - 1) }
    /// Whether the run can take another step.
    public var isActive: Bool { divergedAt == nil && failure == nil }
    /// The step at which the run ended (diverged or failed), or nil while it is active.
    public var endedAt: Int? { divergedAt ?? failedAt }

    /// x_k.
    public func point(_ k: Int) -> [Double] { Array(points[(k * dimension)..<((k + 1) * dimension)]) }
    /// ∇f(x_k).
    public func gradient(_ k: Int) -> [Double] { Array(gradients[(k * dimension)..<((k + 1) * dimension)]) }
    /// The last point.
    public var current: [Double] { point(count - 1) }

    /// Takes one step; returns false (and does nothing) once the run has diverged or failed.
    @discardableResult
    public mutating func advance() -> Bool {
        guard isActive, count > 0 else { return false }
        let k = count - 1
        var x = point(k)
        let g = gradient(k)
        let lr: Double?
        do {
            lr = try OptimizerStep.take(&optimizer, schedule: schedule, step: k, params: &x, gradient: g, loss: losses[k], oracle: oracle)
        } catch {
            fail(error, at: k + 1)
            return false
        }
        var next = [Double](repeating: 0, count: dimension)
        // A step that changed the number of parameters (a faulty plugin) ends the run like a non-finite one.
        let loss = lr != nil ? recordedLoss(x, oracle.evaluate(x, &next)) : .nan
        guard let lr, record(x, loss, next) else {
            divergedAt = k + 1
            return false
        }
        learningRates.append(lr)
        if recordsState { states.append(optimizer.state) }
        return true
    }

    /// Advances until `steps` steps have been taken or the run diverges.
    public mutating func advance(toStep steps: Int) {
        while self.steps < steps, advance() {}
    }

    /// Replaces the base learning rate (the TUI's live keys) — callers restart the run after.
    public mutating func setLearningRate(_ lr: Double) { optimizer.learningRate = lr }

    /// The run started again from `start` (on `oracle`, or the same oracle), history discarded:
    /// the optimizer is reset, so a fresh run follows — never a copy of a used prototype. If the
    /// reset fails (a plugin), the new run is failed at step 0.
    public func restarted(from start: [Double], oracle: GradientOracle? = nil) -> Run {
        var optimizer = self.optimizer
        var failure: OptimizerFailure?
        do { try optimizer.reset() } catch { failure = error }
        var run = Run(label: label, spec: spec, optimizer: optimizer, schedule: schedule, oracle: oracle ?? self.oracle,
                      start: start, recordsState: recordsState, reference: reference)
        if let failure { run.fail(failure, at: 0) }
        return run
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

    private mutating func record(_ x: [Double], _ loss: Double, _ g: [Double]) -> Bool {
        let norm = euclideanNorm(g)
        guard loss.isFinite, norm.isFinite, x.allSatisfy(\.isFinite) else { return false }
        points.append(contentsOf: x)
        losses.append(loss)
        gradients.append(contentsOf: g)
        gradientNorms.append(norm)
        return true
    }
}
