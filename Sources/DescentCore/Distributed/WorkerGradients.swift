/// Where the workers of a distributed simulation get their stochastic gradients, and the
/// objective f whose value is recorded along the server path.
///
/// - ``surface(_:noise:)``: every worker sees ∇f of the surface plus its own isotropic Gaussian
///   noise σ·ξ, ξ ~ N(0, I) (the noisy-gradient model of the stochastic scenes);
/// - ``finiteSum(_:batchSize:)``: f = (1/n) Σ f_i, every worker draws its own minibatches
///   (``FiniteSumObjective/minibatchOracle(batchSize:seed:)``); on `sparse_least_squares` the
///   samples touch only some coordinates (what Hogwild! exploits).
///
/// Hogwild! draws single samples (uniformly, with replacement, from each worker's own
/// generator) and needs a finite sum: the samples ``objective`` carries.
public struct WorkerGradients {
    /// The number of parameters.
    public let dimension: Int
    /// f and ∇f exactly: the loss recorded at every server point (with the samples of a finite sum).
    public let objective: GradientOracle
    /// A fresh oracle for one worker, drawing its noise or minibatches from the seed.
    let workerOracle: (_ seed: UInt64) -> GradientOracle
    /// The samples of a finite sum (nil on a plain surface).
    var samples: (any SampledObjective)? { objective.samples }

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
        })
    }

    /// Minibatches of `batchSize` samples of `objective`, drawn per worker.
    public static func finiteSum(_ objective: FiniteSumObjective, batchSize: Int) -> WorkerGradients {
        WorkerGradients(dimension: 2, objective: objective.fullOracle, workerOracle: { seed in
            objective.minibatchOracle(batchSize: batchSize, seed: seed)
        })
    }
}

/// A generator an oracle closure owns and advances on every call.
final class GeneratorBox {
    var generator: Xoshiro256
    init(seed: UInt64) { generator = Xoshiro256(seed: seed) }
}
