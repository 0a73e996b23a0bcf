import RealModule

/// `torch.optim.lr_scheduler.OneCycleLR` (Smith & Topin 2019, "Super-Convergence"), learning
/// rate only.
///
/// The rate starts at η₀ = max_lr/div_factor, rises to max_lr over the first
/// pct_start·total_steps steps, then falls to η₀/final_div_factor at step total_steps − 1. With
/// `three_phase` it first falls back to η₀ (a mirror image of the rise) and only then anneals to
/// the minimum. Each phase ends at torch's `end_step` (pct_start·total − 1, 2·pct_start·total − 2,
/// total − 1) and interpolates with `(1 + cos πp)/2` (`cos`) or linearly (`linear`), p being
/// the fraction of the phase done.
///
/// The optimizer's base rate is ignored: OneCycleLR overwrites it with max_lr/div_factor.
/// Momentum cycling (torch's `cycle_momentum`) is out of scope: the optimizer's momentum stays
/// as configured. torch raises past `total_steps`; here steps ≥ total_steps − 1 keep the final
/// rate.
public struct OneCycleSchedule: Schedule {
    /// How a phase interpolates between its end rates.
    public enum Anneal: Int, Sendable { case cos = 0, linear = 1 }

    /// One phase: it ends at step `end` (a real number, as in torch) with rate `endRate`.
    struct Phase: Sendable { var end: Double; var startRate: Double; var endRate: Double }

    public let maxLR: Double
    public let totalSteps: Int
    public let anneal: Anneal
    let phases: [Phase]

    /// Throws ``SpecError`` if a phase would have zero length (torch divides by zero there).
    public init(maxLR: Double, totalSteps: Int, pctStart: Double, anneal: Anneal,
                divFactor: Double, finalDivFactor: Double, threePhase: Bool) throws {
        guard totalSteps >= 1 else { throw SpecError("one_cycle: total_steps must be at least 1") }
        let initial = maxLR / divFactor, minimum = initial / finalDivFactor
        let total = Double(totalSteps), up = pctStart * total - 1
        if threePhase {
            phases = [Phase(end: up, startRate: initial, endRate: maxLR),
                      Phase(end: 2 * pctStart * total - 2, startRate: maxLR, endRate: initial),
                      Phase(end: total - 1, startRate: initial, endRate: minimum)]
        } else {
            phases = [Phase(end: up, startRate: initial, endRate: maxLR),
                      Phase(end: total - 1, startRate: maxLR, endRate: minimum)]
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
    }

    public func learningRate(at step: Int, base: Double) -> Double {
        let t = Double(min(step, totalSteps - 1))
        var start = 0.0
        for phase in phases.dropLast() {
            if t <= phase.end { return interpolate(phase, (t - start) / (phase.end - start)) }
            start = phase.end
        }
        let last = phases[phases.count - 1]
        return interpolate(last, (t - start) / (last.end - start))
    }

    /// The rate a fraction `p` of the way through `phase`.
    func interpolate(_ phase: Phase, _ p: Double) -> Double {
        switch anneal {
        case .cos: return cosineAnneal(from: phase.startRate, to: phase.endRate, fraction: p)
        case .linear: return phase.startRate + (phase.endRate - phase.startRate) * p
        }
    }
}
