import RealModule

/// The xoshiro256** generator (Blackman & Vigna 2018), seeded through SplitMix64.
///
/// Small, fast and reproducible across platforms: every random choice in descent (noise,
/// minibatches, random starts) comes from one of these with an explicit seed, never the system
/// RNG. Gaussian samples use the Box–Muller transform.
public struct Xoshiro256: RandomNumberGenerator, Sendable, Equatable {
    private var s0, s1, s2, s3: UInt64
    private var spareGaussian: Double?

    /// A generator whose state is four outputs of SplitMix64 started at `seed`.
    public init(seed: UInt64) {
        var sm = seed
        func splitMix() -> UInt64 {
            sm &+= 0x9E37_79B9_7F4A_7C15
            var z = sm
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
        spareGaussian = nil
    }

    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// A uniform sample in [0, 1) with 53 random bits.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A standard normal sample N(0, 1) by Box–Muller: √(-2 ln u₁)·(cos 2πu₂, sin 2πu₂), the
    /// second of each pair kept for the next call.
    public mutating func gaussian() -> Double {
        if let spare = spareGaussian {
            spareGaussian = nil
            return spare
        }
        let u1 = 1 - uniform()  // (0, 1]: log is finite
        let u2 = uniform()
        let r = (-2 * Double.log(u1)).squareRoot()
        let theta = 2 * Double.pi * u2
        spareGaussian = r * Double.sin(theta)
        return r * Double.cos(theta)
    }
}
