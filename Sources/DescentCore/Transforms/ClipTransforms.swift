/// Clipping by the global norm: g ← g·min(1, c/‖g‖₂).
///
/// As `torch.nn.utils.clip_grad_norm_(max_norm=c)` but without its 1e-6 in the denominator, so a
/// gradient exactly at the threshold is left unchanged. A zero or non-finite gradient is left
/// as it is (the run's divergence check sees the non-finite one).
public struct ClipNorm: GradientTransform {
    public var maxNorm: Double
    public init(maxNorm: Double) { self.maxNorm = maxNorm }
    /// Stateless: nothing to forget.
    public mutating func reset() {}
    public mutating func apply(gradient: inout [Double], params: inout [Double], lr: Double, step: Int) {
        let norm = euclideanNorm(gradient)
        guard norm.isFinite, norm > maxNorm else { return }
        let scale = maxNorm / norm
        for i in gradient.indices { gradient[i] *= scale }
    }
}

/// Clipping each coordinate: gᵢ ← min(max(gᵢ, −c), c), as `torch.nn.utils.clip_grad_value_`.
/// NaN coordinates stay NaN.
public struct ClipValue: GradientTransform {
    public var clip: Double
    public init(clip: Double) { self.clip = clip }
    /// Stateless: nothing to forget.
    public mutating func reset() {}
    public mutating func apply(gradient: inout [Double], params: inout [Double], lr: Double, step: Int) {
        for i in gradient.indices where !gradient[i].isNaN {
            gradient[i] = Swift.min(Swift.max(gradient[i], -clip), clip)
        }
    }
}
