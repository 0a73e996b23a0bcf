import DescentCore

/// What the training view charts for one trainer at one evaluation (every
/// ``TrainingSetup/evaluateEvery`` steps): the scores and the "Walk with SGD" measurements
/// (Xing et al. 2018) summarised over the steps since the previous evaluation.
public struct TrainingPoint: Sendable, Equatable {
    /// t: the steps taken.
    public var step: Int
    /// The epochs the steps have covered, fractional: completed epochs plus the part of the
    /// current one its minibatches have visited.
    public var epochs: Double
    public var evaluation: Evaluation
    /// The mean of cos(g_s, g_{s−1}) over the steps s since the previous evaluation (NaN when
    /// none has one): near 1 the minibatch gradients agree, near 0 or below SGD bounces.
    public var gradientCosine: Double
    /// ‖θ_t − θ_0‖.
    public var distanceFromStart: Double
    /// The latest segment profile's sharpness λ_max (NaN before the first, or when off).
    public var sharpness: Double
    /// The latest segment profile's height of θ_{t+1} above the valley floor between θ_t and
    /// θ_{t+1} (NaN before the first).
    public var heightAboveFloor: Double
    /// Segment profiles so far in which the loss rose above both ends (barriers crossed).
    public var barriersCrossed: Int

    /// The point of `trainer` now, averaging the cosines of its steps from `since` on.
    init(_ trainer: Trainer, since: Int) {
        step = trainer.stepCount
        let order = trainer.sampler
        epochs = order.sampleCount > 0 ? Double(order.epoch) + Double(order.position) / Double(order.sampleCount) : 0
        evaluation = trainer.evaluate()
        var sum = 0.0, count = 0
        // From the end: the live view thins old records (``Trainer/historyWindow``), so an
        // index is not a step.
        for record in trainer.history.reversed() {
            guard record.step >= since else { break }
            guard let c = record.gradientCosine else { continue }
            sum += c
            count += 1
        }
        gradientCosine = count > 0 ? sum / Double(count) : .nan
        distanceFromStart = trainer.history.last?.distanceFromStart ?? 0
        let profile = trainer.profiles.last
        sharpness = profile?.sharpness ?? .nan
        heightAboveFloor = profile?.heightAfter ?? .nan
        barriersCrossed = trainer.barriersCrossed
    }
}
