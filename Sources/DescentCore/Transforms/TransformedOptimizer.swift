/// An optimizer with gradient transforms chained in front of it (optax's `chain`): each step
/// applies the transforms in order to (gradient, params), then the inner optimizer's update with
/// the transformed gradient.
///
/// The transforms see the 0-based count of steps taken through this wrapper. `learningRate` and
/// `state` are the inner optimizer's. Gradients the inner optimizer fetches from the oracle
/// itself (SAM's perturbed point, the look-ahead of `nag`, Newton's Hessian) are not
/// transformed.
public struct TransformedOptimizer: Optimizer {
    public var transforms: [any GradientTransform]
    public var inner: any Optimizer
    /// How many steps have been taken (the `step` passed to the transforms next).
    public private(set) var stepCount = 0

    public init(transforms: [any GradientTransform], inner: any Optimizer) {
        self.transforms = transforms
        self.inner = inner
    }

    public var learningRate: Double {
        get { inner.learningRate }
        set { inner.learningRate = newValue }
    }

    public var state: [StateVector] { inner.state }
    public var functionEvaluations: Int? { inner.functionEvaluations }
    public var drawsSamples: Bool { inner.drawsSamples }
    public var ownGradients: String? { inner.ownGradients }

    /// Configures the inner optimizer (the configuration is the last link's); the transforms
    /// are replaced as a whole by ``Registry/reconfigure(_:to:seed:)``.
    public mutating func configure(_ configuration: Configuration) throws(SpecError) {
        try inner.configure(configuration)
    }

    public mutating func setCycledMomentum(_ value: Double) -> Bool { inner.setCycledMomentum(value) }

    public mutating func reset() throws(OptimizerFailure) {
        for i in transforms.indices { transforms[i].reset() }
        try inner.reset()
        stepCount = 0
    }

    public mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) throws(OptimizerFailure) {
        var g = gradient
        for i in transforms.indices {
            transforms[i].apply(gradient: &g, params: &params, lr: lr, step: stepCount)
        }
        try inner.step(params: &params, gradient: g, lr: lr, oracle: oracle)
        stepCount += 1
    }
}
