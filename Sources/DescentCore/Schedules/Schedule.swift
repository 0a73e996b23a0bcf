/// A learning-rate schedule with `torch.optim.lr_scheduler` semantics, stepped once per
/// optimizer step.
///
/// Pure and stateless: `learningRate(at: t, base: η)` is the rate used by optimizer step t
/// (0-based), i.e. the scheduler's rate after t calls of `scheduler.step()` in PyTorch, for an
/// optimizer whose configured rate is η.
public protocol Schedule: Sendable {
    func learningRate(at step: Int, base: Double) -> Double
}

/// The constant schedule: η_t = η.
public struct ConstantSchedule: Schedule {
    public init() {}
    public func learningRate(at step: Int, base: Double) -> Double { base }
}
