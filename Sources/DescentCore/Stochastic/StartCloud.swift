import RealModule

/// N start points drawn uniformly from the disc of radius ρ around a centre c, seeded — the
/// random initialisation of Lee, Simchowitz, Jordan & Recht 2016 ("Gradient Descent Only
/// Converges to Minimizers", COLT), under which gradient descent escapes strict saddles for
/// almost every start.
///
/// Point i is c + ρ·√u_i·(cos 2πv_i, sin 2πv_i) with u_i, v_i uniform in [0, 1) from a
/// ``Xoshiro256`` seeded with `seed` (√u makes the density uniform in area). ρ = 0 puts every
/// start exactly on the centre. Missing centre coordinates are 0.
public struct StartCloud: Sendable, Equatable {
    public var count: Int
    public var center: [Double]
    public var radius: Double
    public var seed: UInt64

    /// The largest number of starts a cloud holds (each start is a full ``Run``); scene
    /// validators should reject larger counts, and the initialiser clamps to it.
    public static let maximumCount = 100_000

    /// `count` starts (clamped to 0…``maximumCount``) in the disc of `radius` around `center` (x, y).
    public init(count: Int, center: [Double], radius: Double, seed: UInt64) {
        self.count = min(max(count, 0), Self.maximumCount)
        self.center = center
        self.radius = radius
        self.seed = seed
    }

    /// c_j (0 when the centre has fewer coordinates).
    func coordinate(_ j: Int) -> Double { j < center.count ? center[j] : 0 }

    /// The start points, in order.
    public var points: [[Double]] {
        var generator = Xoshiro256(seed: seed)
        return (0..<count).map { _ in
            let r = radius * generator.uniform().squareRoot()
            let angle = 2 * Double.pi * generator.uniform()
            return [coordinate(0) + r * Double.cos(angle), coordinate(1) + r * Double.sin(angle)]
        }
    }
}
