/// Hyperparameter schema entries shared by the optimizers from the literature.
enum LiteratureSchema {
    /// The learning rate η.
    static func lr(_ value: Double) -> HyperParameter {
        .real("lr", value, .nonNegative, "learning rate η")
    }
    /// A moving-average coefficient β in [0, 1).
    static func beta(_ name: String, _ value: Double, _ doc: String) -> HyperParameter {
        .real(name, value, .unitHalfOpen, doc)
    }
}
