/// The objective as optimizers see it: f and ∇f at any point of a flat parameter vector, and the
/// Hessian where it is available.
///
/// Optimizers that need extra evaluations per step (SAM's ascent step, Nesterov's look-ahead,
/// Newton's Hessian) call the oracle passed to ``Optimizer/step(params:gradient:lr:oracle:)``;
/// the caller never special-cases them. Stochastic objectives (minibatches, noise) are oracles too.
public struct GradientOracle {
    /// Writes ∇f(x) into `gradient` (which has `x.count` elements) and returns f(x).
    public let evaluate: (_ x: [Double], _ gradient: inout [Double]) -> Double
    /// ∇²f(x) as a row-major n×n array, or nil where the objective has no Hessian.
    public let hessian: ((_ x: [Double]) -> [Double])?
    /// f at the point being stepped from, as the caller recorded it (nan when unknown): set per
    /// step by ``OptimizerStep``, so a plugin is sent the loss without another evaluation.
    public var loss: Double = .nan
    /// The samples of the finite sum f is the mean of, when it is one (a scene's `[data]`, a
    /// finite-sum surface), else nil: Hogwild! draws its single samples from them.
    public let samples: (any SampledObjective)?

    public init(
        evaluate: @escaping (_ x: [Double], _ gradient: inout [Double]) -> Double,
        hessian: ((_ x: [Double]) -> [Double])? = nil,
        samples: (any SampledObjective)? = nil
    ) {
        self.evaluate = evaluate
        self.hessian = hessian
        self.samples = samples
    }

    /// ∇f(x) as a new array.
    public func gradient(at x: [Double]) -> [Double] {
        var g = [Double](repeating: 0, count: x.count)
        _ = evaluate(x, &g)
        return g
    }
}

/// A named per-coordinate vector of optimizer state (m, v, a momentum buffer, an effective
/// learning rate), shown by the state inspector.
public struct StateVector: Sendable, Equatable {
    public var name: String
    public var values: [Double]
    public init(_ name: String, _ values: [Double]) { self.name = name; self.values = values }

    /// The name of the vector holding ``Optimizer/functionEvaluations`` (the same in every
    /// coordinate), so a run's recorded states tell the count at any step.
    public static let evaluationsName = "evaluations"
}

/// Why an optimizer could not take a step — not a divergence (the numbers did not blow up) but
/// a fault of the optimizer itself: a plugin process that exited, timed out or answered
/// nonsense. A run that meets one ends, shown as `failed: REASON`.
public struct OptimizerFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// One line, already sanitised for a terminal (`plugin exited with status 1: …`).
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// A first-order (or Newton-type) optimizer over a flat parameter vector of any length.
///
/// This is the plugin API. An optimizer is three things: a schema (its ``OptimizerEntry``:
/// name, summary, reference, hyperparameters with defaults, bounds and docs), a factory of fresh
/// state (the entry's `make`), and this protocol's step. Built-in Swift types, rule files
/// (equations) and plugin processes all conform, are registered by name in a ``Registry``, and
/// then work everywhere — surfaces (2 parameters), nets (thousands), races, scenes.
///
/// The hyperparameters live in the instance, next to the state (as optax's
/// `inject_hyperparams`), so ``configure(_:)`` can change any of them between two steps.
/// Conforming Swift types are values: copying one copies its state. State is allocated lazily
/// on the first step, sized to the parameters; ``reset()`` forgets it. A restarted run resets
/// its optimizer (or asks the entry for a fresh one) — it never reuses a copied prototype, which
/// would be wrong for a plugin whose state lives in another process.
public protocol Optimizer {
    /// The base learning rate η (the `lr` hyperparameter). Schedules scale from it, and the
    /// TUI's live learning-rate keys change it.
    var learningRate: Double { get set }

    /// One update x ← x + Δ(g) given `gradient` g = ∇f(x) (already transformed by any gradient
    /// transforms) and `lr`, the learning rate for this step (the base rate after the schedule).
    /// `oracle` gives further gradients or the Hessian to methods that need them. Throws when
    /// the optimizer itself cannot go on (a plugin's fault), leaving `params` unchanged.
    mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) throws(OptimizerFailure)

    /// The per-coordinate state after the last step, for the inspector; empty when stateless.
    var state: [StateVector] { get }

    /// Takes every hyperparameter of `configuration` (resolved against this optimizer's own
    /// schema) from the next step on; the state (moments, step count) is kept. Throws for a
    /// combination the optimizer refuses (SGD's Nesterov without momentum).
    mutating func configure(_ configuration: Configuration) throws(SpecError)

    /// Forgets the state: the next step is the first step of a fresh instance with the same
    /// hyperparameters (random generators start again from their seed).
    mutating func reset() throws(OptimizerFailure)

    /// Sets the coefficient a momentum-cycling schedule (``Schedule/momentum(at:)``) drives,
    /// from the next step on, by torch's rule for `cycle_momentum`: the `momentum`
    /// hyperparameter where the optimizer has one (even when it is 0), else β₁, the first of
    /// `betas`. Returns false, changing nothing, for an optimizer with neither (the default).
    mutating func setCycledMomentum(_ value: Double) -> Bool

    /// The oracle evaluations made so far over all steps, for an optimizer whose steps make a
    /// varying number of them (L-BFGS: PyTorch's `func_evals`); the legends show it. nil for
    /// the others.
    var functionEvaluations: Int? { get }

    /// Whether the steps draw single samples of a finite sum from ``GradientOracle/samples``
    /// (Hogwild!): such an optimizer runs only on an oracle that carries them (a scene's
    /// `[data]`, a finite-sum surface), and callers refuse it elsewhere before the first step
    /// (``checkSamples(of:)``). False for the others (the default).
    var drawsSamples: Bool { get }

    /// Why the gradient handed to ``step(params:gradient:lr:oracle:)`` never reaches the
    /// updates, or nil when it does (the default): a distributed simulation's workers compute
    /// their own gradients from the oracle, so a transform in front of it, a scene's `[noise]`
    /// or matched noise would change nothing, and callers refuse them.
    var ownGradients: String? { get }
}

extension Optimizer {
    public var state: [StateVector] { [] }
    public var functionEvaluations: Int? { nil }
    public var drawsSamples: Bool { false }
    public var ownGradients: String? { nil }

    /// Throws unless `oracle` gives what the steps need: the samples of a finite sum for an
    /// optimizer that ``drawsSamples`` (the message names the way to get them).
    public func checkSamples(of oracle: GradientOracle) throws(SpecError) {
        if drawsSamples && oracle.samples == nil { throw SpecError(DistributedOptimizers.noSamples) }
    }

    public mutating func setCycledMomentum(_ value: Double) -> Bool { false }

    /// A copy configured with `configuration`: how registry entries build an optimizer from a
    /// default instance, so the schema is read in one place (``configure(_:)``).
    public func configured(_ configuration: Configuration) throws(SpecError) -> Self {
        var copy = self
        try copy.configure(configuration)
        return copy
    }
}
