/// Noisy stochastic gradient descent (Ge, Huang, Jin & Yuan 2015, "Escaping From Saddle Points
/// — Online Stochastic Gradient for Tensor Decomposition", Algorithm 1):
///
///     x ← x − η·(g + ξ),   ξ uniform on the sphere of radius r
///
/// The noise pushes the iterate off saddle points, where plain gradient descent can stall. ξ is
/// a standard normal vector scaled to length r, drawn from a ``Xoshiro256`` seeded with the
/// configuration's seed. r = `noise` = 0.1.
public struct NoisySGD: Optimizer {
    public var learningRate: Double
    /// r.
    public var radius: Double
    /// The seed the noise starts from (again after ``reset()``).
    public private(set) var seed: UInt64
    var generator: Xoshiro256
    private var lastNoise: [Double] = []

    public init(lr: Double = 0.01, radius: Double = 0.1, seed: UInt64) {
        learningRate = lr
        self.radius = radius
        self.seed = seed
        generator = Xoshiro256(seed: seed)
    }

    /// A point uniformly distributed on the sphere of radius r in `dimension` dimensions.
    mutating func sphereSample(dimension: Int) -> [Double] {
        guard dimension > 0 else { return [] }
        var u: [Double], norm: Double
        repeat {
            u = (0..<dimension).map { _ in generator.gaussian() }
            norm = euclideanNorm(u)
        } while norm == 0
        return u.map { radius * $0 / norm }
    }

    public mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) {
        lastNoise = sphereSample(dimension: params.count)
        for i in params.indices { params[i] -= lr * (gradient[i] + lastNoise[i]) }
    }

    public var state: [StateVector] { [StateVector("noise ξ", lastNoise)] }

    /// Takes lr, `noise` (r) and the seed; the generator restarts only if the seed changed.
    public mutating func configure(_ c: Configuration) throws(SpecError) {
        learningRate = c.number("lr")
        radius = c.number("noise")
        if c.seed != seed {
            seed = c.seed
            generator = Xoshiro256(seed: seed)
        }
    }

    public mutating func reset() {
        generator = Xoshiro256(seed: seed)
        lastNoise = []
    }

    /// `noisy_sgd`: the registry entry.
    public static let entry = OptimizerEntry(
        name: "noisy_sgd", summary: "SGD plus noise uniform on a sphere, to escape saddle points",
        reference: "Ge et al. 2015",
        parameters: [
            LiteratureSchema.lr(0.01),
            .real("noise", 0.1, .nonNegative, "radius r of the noise ξ"),
        ]
    ) { c in try NoisySGD(seed: c.seed).configured(c) }
}
