import RealModule

/// `torch.optim.lr_scheduler.StepLR`: η_t = η·γ^⌊t / step_size⌋.
public struct StepSchedule: Schedule {
    /// At least 1 (smaller values are raised to 1).
    public let stepSize: Int
    public var gamma: Double
    public init(stepSize: Int, gamma: Double) { self.stepSize = Swift.max(stepSize, 1); self.gamma = gamma }
    public func learningRate(at step: Int, base: Double) -> Double {
        base * Double.pow(gamma, step / stepSize)
    }
}

/// `torch.optim.lr_scheduler.MultiStepLR`: η_t = η·γ^k with k the number of milestones ≤ t
/// (a milestone listed twice counts twice, as in torch's `Counter`).
public struct MultiStepSchedule: Schedule {
    public var milestones: [Int]
    public var gamma: Double
    public init(milestones: [Int], gamma: Double) { self.milestones = milestones; self.gamma = gamma }
    public func learningRate(at step: Int, base: Double) -> Double {
        base * Double.pow(gamma, milestones.lazy.filter { $0 <= step }.count)
    }
}

/// `torch.optim.lr_scheduler.ExponentialLR`: η_t = η·γ^t.
public struct ExponentialSchedule: Schedule {
    public var gamma: Double
    public init(gamma: Double) { self.gamma = gamma }
    public func learningRate(at step: Int, base: Double) -> Double {
        base * Double.pow(gamma, step)
    }
}

/// `torch.optim.lr_scheduler.LinearLR`: the factor moves linearly from `start_factor` to
/// `end_factor` over `total_iters` steps and then stays:
/// η_t = η·(s + (e − s)·min(t, T)/T).
public struct LinearSchedule: Schedule {
    public var startFactor: Double
    public var endFactor: Double
    /// T, at least 1 (smaller values are raised to 1).
    public let totalIters: Int
    public init(startFactor: Double, endFactor: Double, totalIters: Int) {
        self.startFactor = startFactor; self.endFactor = endFactor; self.totalIters = Swift.max(totalIters, 1)
    }
    public func learningRate(at step: Int, base: Double) -> Double {
        let progress = Double(min(step, totalIters)) / Double(totalIters)
        return base * (startFactor + (endFactor - startFactor) * progress)
    }
}
