/// A change of a run's optimizer from step `step` on: the step from x_step and every later one
/// use it (the TUI's live spec editor, ``Run/changed(_:oracle:)``).
public struct OptimizerChange {
    /// How the optimizer changes.
    public enum Replacement {
        /// The same optimizer with new hyperparameters, configured into its running state (the
        /// moments, the step count go on).
        case configure(Configuration)
        /// Another optimizer, from a fresh state at the run's current point.
        case optimizer(any Optimizer)
    }

    /// The first step taken with the change (the point it starts from, x_step).
    public var step: Int
    /// The spec text in force from then on.
    public var spec: String
    public var replacement: Replacement

    public init(step: Int, spec: String, replacement: Replacement) {
        self.step = step
        self.spec = spec
        self.replacement = replacement
    }

    /// The change from step `step` to the optimizer `configured` (built from the spec typed),
    /// for a run whose optimizer in force was built from `current`: configured into the running
    /// state when it is the same optimizer behind the same transforms (`adam` → `adam`), else a
    /// fresh optimizer.
    public init(step: Int, to configured: ConfiguredOptimizer, from current: String) {
        let same = (try? SpecParser.parseChain(current)).map { old in
            (try? SpecParser.parseChain(configured.spec)).map { new in
                old.count == new.count && old.last?.name == new.last?.name
                    && zip(old.dropLast(), new.dropLast()).allSatisfy { $0.text == $1.text }
            } ?? false
        } ?? false
        self.init(step: step, spec: configured.spec,
                  replacement: same ? .configure(configured.configuration) : .optimizer(configured.optimizer))
    }
}
