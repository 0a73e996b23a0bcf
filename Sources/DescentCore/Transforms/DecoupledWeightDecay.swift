/// Decoupled weight decay (Loshchilov & Hutter 2019, "Decoupled Weight Decay Regularization"):
/// before the optimizer's update, x ← x − η·λ·x with η the step's learning rate. The gradient
/// is not touched, so the decay is not rescaled by adaptive methods (the AdamW idea, in front of
/// any optimizer).
public struct DecoupledWeightDecay: GradientTransform {
    public var weightDecay: Double
    public init(weightDecay: Double) { self.weightDecay = weightDecay }
    /// Stateless: nothing to forget.
    public mutating func reset() {}
    public mutating func apply(gradient: inout [Double], params: inout [Double], lr: Double, step: Int) {
        for i in params.indices { params[i] -= lr * weightDecay * params[i] }
    }
}
