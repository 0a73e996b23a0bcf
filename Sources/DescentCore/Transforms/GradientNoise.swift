import RealModule

/// Additive isotropic Gaussian gradient noise: g ← g + σ_t·ξ, ξ ~ N(0, I), drawn from a
/// ``Xoshiro256`` seeded with the configuration's seed (so a run is reproducible).
///
/// σ_t is either constant (`noise`) or annealed as σ_t² = η/(1 + t)^γ at 0-based step t
/// (`annealed_noise`; Neelakantan et al. 2015, "Adding Gradient Noise Improves Learning for Very
/// Deep Networks", who recommend η ∈ {0.01, 0.3, 1} and γ = 0.55).
public struct GradientNoise: GradientTransform {
    /// How the standard deviation changes with the step.
    public enum Scale: Sendable, Equatable {
        /// σ_t = σ.
        case constant(sigma: Double)
        /// σ_t = √(η/(1 + t)^γ).
        case annealed(eta: Double, gamma: Double)

        /// σ_t at 0-based step t.
        public func standardDeviation(at step: Int) -> Double {
            switch self {
            case .constant(let sigma): return sigma
            case .annealed(let eta, let gamma): return (eta / Double.pow(Double(1 + step), gamma)).squareRoot()
            }
        }
    }

    public var scale: Scale
    /// The seed the noise starts from (again after ``reset()``).
    public let seed: UInt64
    var generator: Xoshiro256

    public init(scale: Scale, seed: UInt64) {
        self.scale = scale
        self.seed = seed
        generator = Xoshiro256(seed: seed)
    }

    public mutating func reset() { generator = Xoshiro256(seed: seed) }

    public mutating func apply(gradient: inout [Double], params: inout [Double], lr: Double, step: Int) {
        let sigma = scale.standardDeviation(at: step)
        for i in gradient.indices { gradient[i] += sigma * generator.gaussian() }
    }
}
