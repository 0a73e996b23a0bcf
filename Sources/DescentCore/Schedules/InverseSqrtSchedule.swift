/// The inverse-square-root schedule of the Transformer (Vaswani et al. 2017, "Attention Is All
/// You Need", §5.3), normalised so that its peak is the base rate η.
///
/// The paper uses d^(−1/2)·min(s^(−1/2), s·w^(−3/2)) at 1-based step s; multiplying by √(d·w)
/// gives, at our 0-based step t (s = t + 1):
/// η_t = η·min((t + 1)/w, √(w/(t + 1))),
/// a linear warm-up reaching η at step t = w − 1, then decay ∝ 1/√(t + 1).
public struct InverseSqrtSchedule: Schedule {
    /// w, at least 1 (smaller values are raised to 1).
    public let warmup: Int
    public init(warmup: Int) { self.warmup = Swift.max(warmup, 1) }
    public func learningRate(at step: Int, base: Double) -> Double {
        let s = Double(step + 1), w = Double(warmup)
        return base * min(s / w, (w / s).squareRoot())
    }
}
