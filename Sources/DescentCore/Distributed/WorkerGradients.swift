/// Where the workers of a distributed simulation get their stochastic gradients, and the
/// objective f whose value is recorded along the server path.
///
/// - ``surface(_:noise:)``: every worker sees ∇f of the surface plus its own isotropic Gaussian
///   noise σ·ξ, ξ ~ N(0, I) (the noisy-gradient model of the stochastic scenes);
/// - ``finiteSum(_:batchSize:)``: f = (1/n) Σ f_i, every worker draws its own minibatches
///   (``FiniteSumObjective/minibatchOracle(batchSize:seed:)``);
/// - ``sparse(_:batchSize:)``: the same on a ``SparseLeastSquares`` sum, whose samples touch
///   only some coordinates (what Hogwild! exploits).
///
/// Hogwild! draws single samples (uniformly, with replacement, from each worker's own
/// generator) and needs a finite sum.
public struct WorkerGradients {
    /// The number of parameters.
    public let dimension: Int
    /// f and ∇f exactly: the loss recorded at every server point.
    public let objective: GradientOracle
    /// A fresh oracle for one worker, drawing its noise or minibatches from the seed.
    let workerOracle: (_ seed: UInt64) -> GradientOracle
    /// The samples of a finite sum (nil on a plain surface).
    let samples: (any SampledObjective)?

    /// ∇f of `surface` plus N(0, σ²I) noise per worker (σ = `noise`, 0 for exact gradients).
    public static func surface(_ surface: Surface, noise: Double = 0) -> WorkerGradients {
        let exact = surface.oracle
        return WorkerGradients(dimension: 2, objective: exact, workerOracle: { seed in
            guard noise > 0 else { return exact }
            let generator = GeneratorBox(seed: seed)
            return GradientOracle(evaluate: { x, g in
                let value = exact.evaluate(x, &g)
                for j in g.indices { g[j] += noise * generator.generator.gaussian() }
                return value
            })
        }, samples: nil)
    }

    /// Minibatches of `batchSize` samples of `objective`, drawn per worker.
    public static func finiteSum(_ objective: FiniteSumObjective, batchSize: Int) -> WorkerGradients {
        WorkerGradients(dimension: 2, objective: objective.fullOracle, workerOracle: { seed in
            objective.minibatchOracle(batchSize: batchSize, seed: seed)
        }, samples: objective)
    }

    /// Minibatches of `batchSize` samples of a sparse sum, drawn per worker.
    public static func sparse(_ objective: SparseLeastSquares, batchSize: Int) -> WorkerGradients {
        WorkerGradients(dimension: objective.dimension, objective: objective.fullOracle, workerOracle: { seed in
            objective.minibatchOracle(batchSize: batchSize, seed: seed)
        }, samples: objective)
    }
}

/// A finite sum f = (1/n) Σ_i f_i whose samples can be taken one at a time, each touching only
/// the coordinates of its support e_i (every coordinate for a dense sum).
protocol SampledObjective {
    /// n.
    var count: Int { get }
    /// ∇f_i(x), zero outside e_i.
    func sampleGradient(_ i: Int, at x: [Double]) -> [Double]
    /// e_i, ascending.
    func support(_ i: Int) -> [Int]
}

extension FiniteSumObjective: SampledObjective {
    /// Both coordinates: every sample of a linear model touches the weight and the bias.
    func support(_ i: Int) -> [Int] { [0, 1] }
}

/// A generator an oracle closure owns and advances on every call.
final class GeneratorBox {
    var generator: Xoshiro256
    init(seed: UInt64) { generator = Xoshiro256(seed: seed) }
}
