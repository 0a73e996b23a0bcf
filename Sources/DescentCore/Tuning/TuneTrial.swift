/// One learning rate (and optional second hyperparameter value) tried over every start.
public struct TuneTrial: Sendable, Equatable {
    /// The base learning rate η tried.
    public var learningRate: Double
    /// The value of the second hyperparameter (`--also`), if one is tuned.
    public var also: Double?
    /// The spec the trial ran (the optimizer spec with lr, and the second parameter, set).
    public var spec: String
    /// The criterion's figure, the mean over the starts; nil when the trial diverged or failed,
    /// which never wins.
    public var figure: Double?
    /// The mean final loss over the starts (the tie-break); nil when diverged or failed.
    public var finalLoss: Double?
    /// The first step at which some start diverged (non-finite value) or failed.
    public var divergedAt: Int?
    /// Why the trial could not run (a value the optimizer's schema refuses) or a step failed
    /// (a plugin's fault), if so.
    public var failure: String?

    /// Whether the trial completed its budget on every start.
    public var isHealthy: Bool { figure != nil }

    /// Whether this trial beats `other`: healthy first, then the lower figure, the lower final
    /// loss, the lower rate (so that the order is total and the search deterministic).
    public func beats(_ other: TuneTrial) -> Bool {
        guard let a = figure else { return false }
        guard let b = other.figure else { return true }
        if a != b { return a < b }
        if let l = finalLoss, let m = other.finalLoss, l != m { return l < m }
        if learningRate != other.learningRate { return learningRate < other.learningRate }
        return (also ?? 0) < (other.also ?? 0)
    }
}
