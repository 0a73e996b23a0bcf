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

    public init(
        evaluate: @escaping (_ x: [Double], _ gradient: inout [Double]) -> Double,
        hessian: ((_ x: [Double]) -> [Double])? = nil
    ) {
        self.evaluate = evaluate
        self.hessian = hessian
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
}

/// A first-order (or Newton-type) optimizer over a flat parameter vector of any length.
///
/// This is the plugin API: built-in optimizers and user-written ones conform to it, are
/// registered by name with a hyperparameter schema (``OptimizerEntry``), and then work
/// everywhere — surfaces (2 parameters), nets (thousands), races, scenes.
///
/// Conforming types are values: copying one copies its state, so a run's history can be
/// snapshotted. State is allocated lazily on the first step, sized to the parameters.
public protocol Optimizer {
    /// The base learning rate η (the `lr` hyperparameter). Schedules scale from it, and the
    /// TUI's live learning-rate keys change it.
    var learningRate: Double { get set }

    /// One update x ← x + Δ(g) given `gradient` g = ∇f(x) (already transformed by any gradient
    /// transforms) and `lr`, the learning rate for this step (the base rate after the schedule).
    /// `oracle` gives further gradients or the Hessian to methods that need them.
    mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle)

    /// The per-coordinate state after the last step, for the inspector; empty when stateless.
    var state: [StateVector] { get }
}

extension Optimizer {
    public var state: [StateVector] { [] }
}
