/// A composable link applied before an optimizer's update (optax-style `chain`): clipping and
/// noise rewrite the gradient, decoupled weight decay shrinks the parameters.
///
/// Transforms are values with their own state (an RNG for noise), applied in chain order.
public protocol GradientTransform {
    /// Rewrites `gradient` (and, for decoupled decay, `params`) for optimizer step `step`
    /// (0-based), whose learning rate is `lr`.
    mutating func apply(gradient: inout [Double], params: inout [Double], lr: Double, step: Int)

    /// Forgets any state (a noise generator restarts from its seed), as a fresh instance.
    mutating func reset()
}
