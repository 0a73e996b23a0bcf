/// What a tuning trial is scored by; lower is better.
public enum TuneCriterion: Sendable, Equatable {
    /// f(x_T): the loss after the budget of T steps.
    case finalLoss
    /// The first step k with ‖x_k − p‖₂ ≤ `tolerance` for a known minimum p (``Run/arrival(of:at:tolerance:)``,
    /// the rule of `descent race`); T + 1 when the run never arrives within the budget T (so a
    /// rate that arrives from some starts beats one that arrives from none), ties broken by the
    /// final loss.
    case stepsToTolerance(Double)
    /// Σ_{k=0}^{T} f(x_k): the area under the loss curve with unit steps (fast and low both count).
    case area

    /// Whether `figure` (a mean over starts) says that no start arrived within `budget` steps.
    public func neverArrived(_ figure: Double, budget: Int) -> Bool {
        guard case .stepsToTolerance = self else { return false }
        return figure > Double(budget)
    }

    /// The least figure the criterion could reach on a surface whose lowest known minimum has
    /// value `fStar` after `budget` steps: f*, (T+1)·f* or 0 steps. Nil when f* is unknown.
    func floor(minimumValue fStar: Double?, budget: Int) -> Double? {
        switch self {
        case .finalLoss: return fStar
        case .area: return fStar.map { $0 * Double(budget + 1) }
        case .stepsToTolerance: return 0
        }
    }
}

/// One start of one trial, scored as the run streams past (no history is kept).
struct TrialScore {
    let criterion: TuneCriterion
    let minima: [CriticalPoint]
    let budget: Int
    private(set) var finalLoss = Double.nan
    private(set) var area = 0.0
    private(set) var arrival: Int?

    init(criterion: TuneCriterion, surface: Surface, budget: Int) {
        self.criterion = criterion
        self.budget = budget
        minima = surface.criticalPoints.filter(\.kind.isMinimum)
    }

    mutating func add(_ step: RunStep) {
        finalLoss = step.loss
        area += step.loss
        if arrival == nil, case .stepsToTolerance(let tolerance) = criterion,
           Run.arrival(of: step.point, at: minima, tolerance: tolerance) != nil {
            arrival = step.step
        }
    }

    /// The criterion's figure for this start.
    var figure: Double {
        switch criterion {
        case .finalLoss: return finalLoss
        case .area: return area
        case .stepsToTolerance: return Double(arrival ?? budget + 1)
        }
    }
}
