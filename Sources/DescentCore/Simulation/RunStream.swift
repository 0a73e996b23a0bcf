/// One recorded step of a streamed run: x_k, f(x_k), ‖∇f(x_k)‖ and the learning rate η_k of
/// the step from x_k to x_{k+1} (nil for the last point).
public struct RunStep: Sendable, Equatable {
    public var step: Int
    public var point: [Double]
    public var loss: Double
    public var gradientNorm: Double
    public var learningRate: Double?
    /// The optimizer's state after the step that produced x_k (empty at x_0, and unless the
    /// stream records states).
    public var state: [StateVector] = []
}

/// A run stepped to any length in memory bounded by a chunk, for output that is written as it
/// is computed (`descent trace`, `descent race`).
///
/// The run takes `chunk` steps through ``Run/advance()`` (the one stepper); their records are
/// handed out, then a new run continues from the last point with the same optimizer (its state
/// carries over) and the schedule shifted by the steps taken, so the trajectory is the one a
/// single run would record — step for step, bit for bit — without keeping its history.
public enum RunStream {
    /// Steps per chunk.
    public static let chunk = 4096

    /// Steps `run` (fresh, at step 0) on `oracle` (the oracle it was made with) until `steps`
    /// steps, divergence or failure, calling `body` with every recorded step in order. Returns
    /// how the run ended early, if it did. With `recordsState` (and a `run` that records its
    /// states) every step carries the optimizer's state too.
    @discardableResult
    public static func forEachStep(
        of run: Run, oracle: GradientOracle, steps: Int, chunk: Int = RunStream.chunk, recordsState: Bool = false,
        _ body: (RunStep) -> Void
    ) -> RunEnding? {
        var run = run
        var offset = 0
        /// The state after the step that produced a chunk's first point (the last of the previous chunk).
        var carried: [StateVector] = []
        let schedule = run.schedule
        while true {
            run.advance(toStep: min(max(chunk, 1), steps - offset))
            let finished = offset + run.steps >= steps || !run.isActive
            // The last point's learning rate is known only after the next step: it opens the next chunk.
            for k in 0..<(finished ? run.count : run.count - 1) {
                body(RunStep(step: offset + k, point: run.point(k), loss: run.losses[k], gradientNorm: run.gradientNorms[k],
                             learningRate: k < run.learningRates.count ? run.learningRates[k] : nil,
                             state: k == 0 ? carried : (k <= run.states.count ? run.states[k - 1] : [])))
            }
            if finished {
                if let failure = run.failure, let k = run.failedAt { return .failed(at: k + offset, failure) }
                return run.divergedAt.map { .diverged(at: $0 + offset) }
            }
            offset += run.steps
            carried = run.states.last ?? []
            run = Run(label: run.label, spec: run.spec, optimizer: run.optimizer, schedule: ShiftedSchedule(base: schedule, offset: offset),
                      oracle: oracle, start: run.current, recordsState: recordsState)
        }
    }
}

/// How a run ended before its last step.
public enum RunEnding: Sendable, Equatable {
    /// A value became non-finite at this step.
    case diverged(at: Int)
    /// The optimizer could not take this step (a plugin's fault), for this reason.
    case failed(at: Int, OptimizerFailure)

    /// The step of a divergence.
    public var divergedAt: Int? { if case .diverged(let k) = self { k } else { nil } }
    /// The reason of a failure.
    public var failure: OptimizerFailure? { if case .failed(_, let f) = self { f } else { nil } }
}

/// `base` as seen from step `offset` on: η(k) = base(k + offset).
private struct ShiftedSchedule: Schedule {
    let base: any Schedule
    let offset: Int

    func learningRate(at step: Int, base rate: Double) -> Double { base.learningRate(at: step + offset, base: rate) }
    func momentum(at step: Int) -> Double? { base.momentum(at: step + offset) }
}
