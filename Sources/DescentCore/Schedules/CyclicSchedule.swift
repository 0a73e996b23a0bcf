import RealModule

/// `torch.optim.lr_scheduler.CyclicLR` (Smith 2017, "Cyclical Learning Rates for Training
/// Neural Networks"), with its momentum cycling.
///
/// With cycle length L = up + down and cycle c = ⌊1 + t/L⌋, x = 1 + t/L − c is the position in
/// the cycle; the triangle is s = x/r while x ≤ r and (x − 1)/(r − 1) after, r = up/L. Then
/// η_t = base_lr + (max_lr − base_lr)·s·scale, with scale 1 (`triangular`), 1/2^(c−1)
/// (`triangular2`: the amplitude halves every cycle) or γ^t (`exp_range`).
///
/// The momentum moves inversely (torch's `cycle_momentum=True`, the default):
/// μ_t = max_momentum − (max_momentum − base_momentum)·s·scale, replacing the optimizer's
/// `momentum`, or β₁ (``Schedule/momentum(at:)``).
///
/// The optimizer's base rate is ignored (CyclicLR overwrites it with `base_lr`).
public struct CyclicSchedule: Schedule {
    /// How the amplitude changes from cycle to cycle.
    public enum Mode: Int, Sendable { case triangular = 0, triangular2 = 1, expRange = 2 }

    public var baseLR: Double
    public var maxLR: Double
    public var stepSizeUp: Int
    public var stepSizeDown: Int
    public var mode: Mode
    public var gamma: Double
    /// (base_momentum, max_momentum), or nil for `cycle_momentum=False`.
    public var cycledMomentum: (base: Double, max: Double)?

    public init(baseLR: Double, maxLR: Double, stepSizeUp: Int, stepSizeDown: Int, mode: Mode, gamma: Double,
                momentum: (base: Double, max: Double)? = nil) {
        self.baseLR = baseLR; self.maxLR = maxLR
        self.stepSizeUp = stepSizeUp; self.stepSizeDown = stepSizeDown
        self.mode = mode; self.gamma = gamma
        cycledMomentum = momentum
    }

    public func learningRate(at step: Int, base: Double) -> Double {
        let (s, scale) = wave(at: step)
        return baseLR + (maxLR - baseLR) * s * scale
    }

    public func momentum(at step: Int) -> Double? {
        guard let (low, high) = cycledMomentum else { return nil }
        let (s, scale) = wave(at: step)
        return high - (high - low) * s * scale
    }

    /// The triangle wave s (from 0 to 1) at `step` and the mode's scale of its cycle (torch's
    /// order of operations: (max − base)·s, then ·scale).
    func wave(at step: Int) -> (Double, Double) {
        let total = Double(stepSizeUp + stepSizeDown), ratio = Double(stepSizeUp) / total
        let t = Double(step)
        let cycle = (1 + t / total).rounded(.down)
        let x = 1 + t / total - cycle
        let triangle = x <= ratio ? x / ratio : (x - 1) / (ratio - 1)
        let scale: Double
        switch mode {
        case .triangular: scale = 1
        case .triangular2: scale = 1 / Double.pow(2, cycle - 1)
        case .expRange: scale = Double.pow(gamma, t)
        }
        return (triangle, scale)
    }
}
