/// A learning-rate schedule with `torch.optim.lr_scheduler` semantics, stepped once per
/// optimizer step.
///
/// Pure and stateless: `learningRate(at: t, base: η)` is the rate used by optimizer step t
/// (0-based), i.e. the scheduler's rate after t calls of `scheduler.step()` in PyTorch, for an
/// optimizer whose configured rate is η.
public protocol Schedule: Sendable {
    func learningRate(at step: Int, base: Double) -> Double

    /// The momentum of optimizer step t for a schedule that cycles it (torch's
    /// `cycle_momentum=True` on `OneCycleLR` and `CyclicLR`), nil for one that leaves the
    /// optimizer's momentum alone. ``OptimizerStep`` sets it with
    /// ``Optimizer/setCycledMomentum(_:)`` before the step.
    func momentum(at step: Int) -> Double?
}

extension Schedule {
    public func momentum(at step: Int) -> Double? { nil }

    /// Whether the schedule drives the optimizer's momentum.
    public var cyclesMomentum: Bool { momentum(at: 0) != nil }

    /// Throws unless `optimizer` has a momentum for this schedule to cycle: torch raises
    /// "optimizer must support momentum or beta1" there, and so does descent, before any step.
    public func checkMomentum(of optimizer: any Optimizer, name: String) throws(SpecError) {
        guard let m = momentum(at: 0) else { return }
        var probe = optimizer
        guard probe.setCycledMomentum(m) else { throw SpecError("\(name) " + noCycledMomentum) }
    }
}

/// Why an optimizer cannot follow a momentum-cycling schedule (after its name).
let noCycledMomentum = "has neither momentum nor betas for the schedule to cycle; add cycle_momentum=false to the schedule"

/// The constant schedule: η_t = η.
public struct ConstantSchedule: Schedule {
    public init() {}
    public func learningRate(at step: Int, base: Double) -> Double { base }
}
