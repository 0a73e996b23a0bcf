import RealModule

/// The cosine half-wave from `high` (at fraction 0) to `low` (at fraction 1):
/// low + (high − low)·(1 + cos πf)/2. Shared by the cosine schedules.
func cosineAnneal(from high: Double, to low: Double, fraction: Double) -> Double {
    low + (high - low) * (1 + Double.cos(Double.pi * fraction)) / 2
}

/// `torch.optim.lr_scheduler.CosineAnnealingLR` (Loshchilov & Hutter 2017, SGDR without
/// restarts): η_t = η_min + (η − η_min)·(1 + cos(πt/T_max))/2.
///
/// torch computes this recursively from the previous rate; the recursion reproduces the closed
/// form at every step, including past T_max, where the cosine keeps going: the rate climbs back
/// to η at t = 2·T_max and cycles with period 2·T_max. This closed form does the same.
public struct CosineAnnealingSchedule: Schedule {
    /// T_max, at least 1 (smaller values are raised to 1).
    public let tMax: Int
    public var etaMin: Double
    public init(tMax: Int, etaMin: Double) { self.tMax = Swift.max(tMax, 1); self.etaMin = etaMin }
    public func learningRate(at step: Int, base: Double) -> Double {
        cosineAnneal(from: base, to: etaMin, fraction: Double(step) / Double(tMax))
    }
}

/// `torch.optim.lr_scheduler.CosineAnnealingWarmRestarts` (SGDR, Loshchilov & Hutter 2017):
/// η_t = η_min + (η − η_min)·(1 + cos(π·T_cur/T_i))/2, where the i-th cycle lasts
/// T_i = T_0·T_mult^i steps and T_cur counts the steps since the last restart (at a restart the
/// rate jumps back to η).
public struct CosineWarmRestartsSchedule: Schedule {
    /// T_0 and T_mult, both at least 1 (smaller values are raised to 1).
    public let t0: Int, tMult: Int
    public var etaMin: Double
    public init(t0: Int, tMult: Int, etaMin: Double) {
        self.t0 = Swift.max(t0, 1); self.tMult = Swift.max(tMult, 1); self.etaMin = etaMin
    }

    /// (T_cur, T_i) at `step`: cycles of length T_0, T_0·T_mult, T_0·T_mult², ... laid end to end.
    func position(at step: Int) -> (current: Int, length: Int) {
        var start = 0, length = t0
        while step - start >= length {
            start += length
            let (next, overflow) = length.multipliedReportingOverflow(by: tMult)
            if overflow { break }
            length = next
        }
        return (step - start, length)
    }

    public func learningRate(at step: Int, base: Double) -> Double {
        let (current, length) = position(at: step)
        return cosineAnneal(from: base, to: etaMin, fraction: Double(current) / Double(length))
    }
}
