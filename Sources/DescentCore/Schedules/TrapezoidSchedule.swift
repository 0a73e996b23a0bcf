/// The trapezoid or "warmup-stable-decay" schedule (Zhai et al. 2022, "Scaling Vision
/// Transformers"; Hägele et al. 2024, "Scaling Laws and Compute-Optimal Training Beyond Fixed
/// Training Durations"): a linear warm-up from 0, a flat stretch at η, and a linear cool-down to
/// 0 over the last steps.
///
/// For step t (0-based) of `total` steps, with w = `warmup` and c = `cooldown`:
/// η_t = η·min(1, (t + 1)/w, (total − t)/c), and 0 for t ≥ total. The ramps are sampled at the
/// end of each step, so no step inside the run is wasted at rate 0: step 0 runs at η/w, step
/// w − 1 at η, and the last step (total − 1) at η/c. A ramp of length 0 is absent.
public struct TrapezoidSchedule: Schedule {
    public var warmup: Int
    public var cooldown: Int
    public var total: Int

    /// Throws ``SpecError`` unless warmup + cooldown ≤ total.
    public init(warmup: Int, cooldown: Int, total: Int) throws {
        guard warmup + cooldown <= total else {
            throw SpecError("trapezoid: warmup (\(warmup)) + cooldown (\(cooldown)) exceeds total (\(total))")
        }
        self.warmup = warmup; self.cooldown = cooldown; self.total = total
    }

    public func learningRate(at step: Int, base: Double) -> Double {
        guard step < total else { return 0 }
        var factor = 1.0
        if warmup > 0 { factor = min(factor, Double(step + 1) / Double(warmup)) }
        if cooldown > 0 { factor = min(factor, Double(total - step) / Double(cooldown)) }
        return base * factor
    }
}
