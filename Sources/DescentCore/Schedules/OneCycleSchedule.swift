import RealModule

/// `torch.optim.lr_scheduler.OneCycleLR` (Smith & Topin 2019, "Super-Convergence"), with its
/// momentum cycling.
///
/// The rate starts at η₀ = max_lr/div_factor, rises to max_lr over the first
/// pct_start·total_steps steps, then falls to η₀/final_div_factor at step total_steps − 1. With
/// `three_phase` it first falls back to η₀ (a mirror image of the rise) and only then anneals to
/// the minimum. Each phase ends at torch's `end_step` (pct_start·total − 1, 2·pct_start·total − 2,
/// total − 1) and interpolates with `(1 + cos πp)/2` (`cos`) or linearly (`linear`), p being
/// the fraction of the phase done.
///
/// The momentum moves inversely (torch's `cycle_momentum=True`, the default): from
/// max_momentum down to base_momentum while the rate rises, back up while it falls (three
/// phases: back up while the rate falls to η₀, then held at max_momentum), with the same
/// interpolation. It replaces the optimizer's `momentum`, or β₁ (``Schedule/momentum(at:)``).
///
/// The optimizer's base rate is ignored: OneCycleLR overwrites it with max_lr/div_factor.
/// torch raises past `total_steps`; here steps ≥ total_steps − 1 keep the final rate and
/// momentum.
public struct OneCycleSchedule: Schedule {
    /// How a phase interpolates between its end rates.
    public enum Anneal: Int, Sendable { case cos = 0, linear = 1 }

    /// One phase: it ends at step `end` (a real number, as in torch) with rate `endRate` and
    /// momentum `endMomentum`.
    struct Phase: Sendable {
        var end: Double
        var startRate: Double, endRate: Double
        var startMomentum: Double, endMomentum: Double
    }

    public let maxLR: Double
    public let totalSteps: Int
    public let anneal: Anneal
    /// Whether the momentum cycles (torch's `cycle_momentum`).
    public let cyclesMomentum: Bool
    let phases: [Phase]

    /// Throws ``SpecError`` if a phase would have zero length (torch divides by zero there).
    /// `momentum` is (base_momentum, max_momentum), or nil for `cycle_momentum=False`.
    public init(maxLR: Double, totalSteps: Int, pctStart: Double, anneal: Anneal,
                divFactor: Double, finalDivFactor: Double, threePhase: Bool,
                momentum: (base: Double, max: Double)? = nil) throws {
        guard totalSteps >= 1 else { throw SpecError("one_cycle: total_steps must be at least 1") }
        let initial = maxLR / divFactor, minimum = initial / finalDivFactor
        let (low, high) = momentum ?? (0, 0)
        let total = Double(totalSteps), up = pctStart * total - 1
        if threePhase {
            phases = [Phase(end: up, startRate: initial, endRate: maxLR, startMomentum: high, endMomentum: low),
                      Phase(end: 2 * pctStart * total - 2, startRate: maxLR, endRate: initial, startMomentum: low, endMomentum: high),
                      Phase(end: total - 1, startRate: initial, endRate: minimum, startMomentum: high, endMomentum: high)]
        } else {
            phases = [Phase(end: up, startRate: initial, endRate: maxLR, startMomentum: high, endMomentum: low),
                      Phase(end: total - 1, startRate: maxLR, endRate: minimum, startMomentum: low, endMomentum: high)]
        }
        var start = 0.0
        for phase in phases {
            guard phase.end != start else {
                throw SpecError("one_cycle: pct_start=\(formatNumber(pctStart)) with total_steps=\(totalSteps) "
                                + "gives a phase of zero length")
            }
            start = phase.end
        }
        self.maxLR = maxLR
        self.totalSteps = totalSteps
        self.anneal = anneal
        cyclesMomentum = momentum != nil
    }

    public func learningRate(at step: Int, base: Double) -> Double {
        let (phase, p) = position(at: step)
        return interpolate(from: phase.startRate, to: phase.endRate, p)
    }

    public func momentum(at step: Int) -> Double? {
        guard cyclesMomentum else { return nil }
        let (phase, p) = position(at: step)
        return interpolate(from: phase.startMomentum, to: phase.endMomentum, p)
    }

    /// The phase of `step` and the fraction of it done.
    func position(at step: Int) -> (Phase, Double) {
        let t = Double(min(step, totalSteps - 1))
        var start = 0.0
        for phase in phases.dropLast() {
            if t <= phase.end { return (phase, (t - start) / (phase.end - start)) }
            start = phase.end
        }
        let last = phases[phases.count - 1]
        return (last, (t - start) / (last.end - start))
    }

    /// The value a fraction `p` of the way from `start` to `end`.
    func interpolate(from start: Double, to end: Double, _ p: Double) -> Double {
        switch anneal {
        case .cos: return cosineAnneal(from: start, to: end, fraction: p)
        case .linear: return start + (end - start) * p
        }
    }
}
