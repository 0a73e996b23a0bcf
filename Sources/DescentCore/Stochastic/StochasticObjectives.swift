/// A registered finite-sum objective (built from a spec such as `least_squares(n=200, noise=0.5, seed=1)`).
public typealias FiniteSumEntry = RegistryEntry<FiniteSumObjective>

/// The finite-sum objectives: two-parameter regression problems on seeded synthetic data, whose
/// minibatch gradients have the true, data-shaped covariance (and, for `sparse_least_squares`,
/// samples that mostly touch one parameter: Hogwild!'s setting). Each is also registered as a
/// surface of the same name (``surfaces``), so `--surface least_squares(n=50)` plots it, and
/// ``objective(_:)`` gives the objective itself for its minibatch oracle.
///
/// The `seed` parameter fixes the data set; the minibatch order has its own seed
/// (``FiniteSumObjective/minibatchOracle(batchSize:seed:)``).
public enum StochasticObjectives {
    public static let all: [FiniteSumEntry] = [leastSquares, logistic, sparseLeastSquares]

    /// The objectives as surfaces (the same names and parameters).
    public static let surfaces: [SurfaceEntry] = all.map { entry in
        SurfaceEntry(name: entry.name, summary: entry.summary, reference: entry.reference,
                     parameters: entry.parameters) { configuration in try entry.make(configuration).surface }
    }

    /// The objective named by a spec, e.g. `logistic(n=100, seed=3)`; a ``SpecError`` (with the
    /// valid names) for anything else.
    public static func objective(_ text: String) throws(SpecError) -> FiniteSumObjective {
        let spec = try SpecParser.parse(text)
        guard let entry = all.first(where: { $0.name == spec.name }) else {
            throw SpecError("unknown finite-sum objective '\(spec.name)'; valid: \(all.map(\.name).joined(separator: ", "))",
                            column: spec.column)
        }
        let configuration = try entry.configuration(spec.arguments)
        do {
            return try entry.make(configuration)
        } catch let error as SpecError {
            throw SpecError(error.message, column: error.column ?? spec.column)
        } catch {
            throw SpecError("\(entry.name): \(error)", column: spec.column)
        }
    }

    private static let sampleCount = HyperParameter.integer(
        "n", 200, HyperParameter.Bounds(lower: 2, upper: 10_000),
        "number of samples (x_i, y_i); at most 10 000, since plotting evaluates all n per pixel")
    private static let dataSeed = HyperParameter.integer(
        "seed", 1, HyperParameter.Bounds(lower: 0, upper: 1e15), "seed of the generated data set")

    /// `least_squares`: f(w, b) = (1/n) Σ ½(w·x_i + b − y_i)², y_i = slope·x_i + intercept + noise·ε_i.
    static let leastSquares = FiniteSumEntry(
        name: "least_squares",
        summary: "least-squares line fit on generated data: x = slope w, y = intercept b",
        reference: "finite-sum objective; minibatch noise as in Zhu et al. 2019",
        parameters: [
            sampleCount,
            .real("noise", 0.5, .nonNegative, "standard deviation of the label noise ε_i"),
            .real("slope", 2, .any, "true slope of the data"),
            .real("intercept", -1, .any, "true intercept of the data"),
            dataSeed,
        ]
    ) { c in
        let data = SyntheticData.regression(count: c.integer("n"), slope: c.number("slope"), intercept: c.number("intercept"),
                                            noise: c.number("noise"), seed: UInt64(c.integer("seed")))
        return try FiniteSumObjective(
            name: "least_squares", summary: "least squares on \(c.integer("n")) points: x = slope w, y = intercept b",
            loss: .squared, x: data.x, y: data.y)
    }

    /// `logistic`: f(w, b) = (1/n) Σ log(1 + exp(−y_i(w·x_i + b))) + (λ/2)(w² + b²), y_i ∈ {±1}.
    static let logistic = FiniteSumEntry(
        name: "logistic",
        summary: "logistic regression on generated labels: x = weight w, y = bias b",
        reference: "finite-sum objective; minibatch noise as in Zhu et al. 2019",
        parameters: [
            sampleCount,
            .real("slope", 2, .any, "true weight of the logistic model generating the labels"),
            .real("intercept", 0.5, .any, "true bias of the logistic model generating the labels"),
            .real("l2", 0.01, .nonNegative, "ridge penalty λ (keeps the minimizer finite on separable data)"),
            dataSeed,
        ]
    ) { c in
        let data = SyntheticData.classification(count: c.integer("n"), slope: c.number("slope"),
                                                intercept: c.number("intercept"), seed: UInt64(c.integer("seed")))
        return try FiniteSumObjective(
            name: "logistic", summary: "logistic regression on \(c.integer("n")) labels: x = weight w, y = bias b",
            loss: .logistic, x: data.x, y: data.y, ridge: c.number("l2"))
    }

    /// `sparse_least_squares`: f(θ) = (1/n) Σ ½(a_iᵀθ − b_i)² on ``SyntheticData/sparse(count:overlap:noise:seed:)``
    /// rows: a fraction `overlap` of the samples touch both parameters, the others one.
    static let sparseLeastSquares = FiniteSumEntry(
        name: "sparse_least_squares",
        summary: "least squares whose samples mostly touch one parameter (Hogwild!'s sparse data): x = θ₁, y = θ₂",
        reference: "sparse finite sum of Niu, Recht, Ré & Wright 2011 (Hogwild!)",
        parameters: [
            sampleCount,
            .real("overlap", 0.1, .unit, "fraction of samples that touch both parameters (the others touch one)"),
            .real("noise", 0.1, .nonNegative, "standard deviation of the label noise ε_i"),
            dataSeed,
        ]
    ) { c in
        let data = SyntheticData.sparse(count: c.integer("n"), overlap: c.number("overlap"), noise: c.number("noise"),
                                        seed: UInt64(c.integer("seed")))
        return try FiniteSumObjective(
            name: "sparse_least_squares",
            summary: "sparse least squares on \(c.integer("n")) samples, \(formatNumber(100 * c.number("overlap")))% touching both: x = θ₁, y = θ₂",
            loss: .squared, rows: data.rows, labels: data.labels)
    }
}
