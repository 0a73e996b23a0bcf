import RealModule

/// The two-dimensional toy classification sets, generated in-process from a seed.
///
/// Sample i is drawn from a ``Xoshiro256`` started at `seed`; its class is i mod C (so classes
/// are balanced: for xor and the checkerboard a point of the wrong class is moved to the
/// neighbouring quadrant or column), and Gaussian noise of standard deviation
/// `noise` is added to both coordinates (u ~ U[0, 1), g ~ N(0, 1)):
///
///     moons:         class 0: (cos πu, sin πu) − (½, ¼),   class 1: (1 − cos πu, ½ − sin πu) − (½, ¼)
///     circles:       radius 1 (class 0) or ½ (class 1) at angle 2πu
///     spirals:       r = 0.1 + 0.9u at angle 3πu + cπ: two arms of one and a half turns
///     xor:           p ~ U[−1, 1]², class 0 where p₁p₂ > 0, else 1
///     blobs:         three classes around μ_c = 1.5(cos θ_c, sin θ_c), θ_c = π/2 + 2πc/3
///     checkerboard:  p ~ U[−2, 2]², class (⌊p₁⌋ + ⌊p₂⌋) mod 2: a 4×4 board
///
/// (for blobs the noise is the standard deviation of each blob).
public enum SyntheticDataset: String, Sendable, CaseIterable {
    case moons, circles, spirals, xor, blobs, checkerboard

    /// C.
    public var classCount: Int { self == .blobs ? 3 : 2 }

    /// The noise used when none is given.
    public var defaultNoise: Double {
        switch self {
        case .moons: 0.1
        case .circles: 0.05
        case .spirals: 0.02
        case .xor: 0.05
        case .blobs: 0.5
        case .checkerboard: 0.02
        }
    }

    /// `count` samples (≥ 1) with two features each.
    public func generate(count: Int, noise: Double? = nil, seed: UInt64) -> Dataset {
        let sigma = noise ?? defaultNoise
        var generator = Xoshiro256(seed: seed)
        var features: [Double] = []
        features.reserveCapacity(2 * count)
        var labels: [Int] = []
        labels.reserveCapacity(count)
        for i in 0..<count {
            let (x, y, c) = sample(i, &generator)
            features.append(x + sigma * generator.gaussian())
            features.append(y + sigma * generator.gaussian())
            labels.append(c)
        }
        // Two features per sample and labels below classCount by construction.
        return try! Dataset(features: features, labels: labels, featureCount: 2, classCount: classCount)
    }

    /// The noiseless point of sample i and its class.
    private func sample(_ i: Int, _ g: inout Xoshiro256) -> (Double, Double, Int) {
        let c = i % classCount
        switch self {
        case .moons:
            let t = Double.pi * g.uniform()
            return c == 0 ? (Double.cos(t) - 0.5, Double.sin(t) - 0.25, 0)
                          : (0.5 - Double.cos(t), 0.25 - Double.sin(t), 1)
        case .circles:
            let t = 2 * Double.pi * g.uniform()
            let r = c == 0 ? 1.0 : 0.5
            return (r * Double.cos(t), r * Double.sin(t), c)
        case .spirals:
            let u = g.uniform()
            let r = 0.1 + 0.9 * u, t = 3 * Double.pi * u + Double(c) * Double.pi
            return (r * Double.cos(t), r * Double.sin(t), c)
        case .xor:
            let x = 2 * g.uniform() - 1, y = 2 * g.uniform() - 1
            // Mirroring x flips the class: keeps each class uniform on its quadrants.
            return ((x * y > 0 ? 0 : 1) == c ? x : -x, y, c)
        case .blobs:
            let t = Double.pi / 2 + 2 * Double.pi * Double(c) / 3
            return (1.5 * Double.cos(t), 1.5 * Double.sin(t), c)
        case .checkerboard:
            let x = 4 * g.uniform() - 2, y = 4 * g.uniform() - 2
            let cell = Int(x.rounded(.down)) + Int(y.rounded(.down))
            // Moving x by one column (cyclically) flips the class, keeping each class uniform.
            return ((cell % 2 + 2) % 2 == c ? x : (x < 1 ? x + 1 : x - 3), y, c)
        }
    }
}
