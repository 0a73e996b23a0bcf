import RealModule

/// A ``DistributedMethod`` as a registry optimizer, so that a distributed simulation races on any
/// surface or finite sum next to the other optimizers (`async_sgd(lr=0.05, workers=4,
/// staleness=8)` in a scene's `[[optimizer]]` or on the command line). The parameters are the
/// server point (EASGD: the centre x̃); one step is one tick of ``DistributedWorkers`` (the update
/// equations are on ``DistributedMethod``).
///
/// Each worker's gradient at a point p is the oracle's, g_k(p) = ∇f(p) + σ·ξ_k with ξ_k ~ N(0, I)
/// from worker k's own ``Xoshiro256`` (σ = `noise`, 0 for none): on a minibatch oracle (a scene's
/// `[data]`) every worker's call draws its own next minibatch. Hogwild! instead draws single
/// samples of the finite sum the oracle carries (``GradientOracle/samples``; without them a step
/// fails, and callers refuse it first: ``drawsSamples``). The gradient handed to ``step``
/// (∇f at the server point) is not used: the workers compute theirs where they are.
///
/// The state shows every worker's position, named with its staleness (`w2 τ3`) or, for EASGD,
/// its distance to the centre (`w2 ↔0.12`); the TUI draws the positions as faint worker trails.
public struct DistributedOptimizer: Optimizer {
    public var learningRate: Double
    public private(set) var method: DistributedMethod
    /// K.
    public private(set) var workerCount: Int
    /// σ.
    public private(set) var noise: Double
    /// The seed the workers' noise and draws start from (again after ``reset()``).
    public private(set) var seed: UInt64
    private var workers: DistributedWorkers?
    private var noiseGenerators: [Xoshiro256] = []
    private var server: [Double] = []

    public init(method: DistributedMethod, workers: Int, lr: Double, noise: Double = 0, seed: UInt64 = 0) {
        self.method = method
        workerCount = workers
        learningRate = lr
        self.noise = noise
        self.seed = seed
    }

    public mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) throws(OptimizerFailure) {
        if drawsSamples && oracle.samples == nil { throw OptimizerFailure(DistributedOptimizers.noSamples) }
        var workers = self.workers ?? startWorkers(at: params)
        var generators = noiseGenerators
        let sigma = noise
        workers.advance(&params, lr: lr, samples: oracle.samples) { k, point in
            var g = oracle.gradient(at: point)
            if sigma > 0 { for j in g.indices { g[j] += sigma * generators[k].gaussian() } }
            return g
        }
        self.workers = workers
        noiseGenerators = generators
        server = params
    }

    /// Workers at `start`, their noise generators seeded from ``seed`` (then the engine's seeds).
    private mutating func startWorkers(at start: [Double]) -> DistributedWorkers {
        var seeds = Xoshiro256(seed: seed)
        noiseGenerators = (0..<workerCount).map { _ in Xoshiro256(seed: seeds.next()) }
        return DistributedWorkers(method: method, count: workerCount, start: start, seeds: &seeds)
    }

    /// True for Hogwild!, whose workers draw single samples of the oracle's finite sum.
    public var drawsSamples: Bool { method == .hogwild }

    /// Every method's workers compute their own gradients where they are, so the gradient at
    /// the server point handed to ``step`` is never used.
    public var ownGradients: String? {
        drawsSamples ? "draws its own single samples" : "computes its workers' own gradients (give them noise with noise=σ)"
    }

    /// Worker positions after the last tick (none before the first).
    public var workerPositions: [[Double]] { workers?.positions ?? [] }
    /// Worker staleness after the last tick (see ``DistributedWorkers``).
    public var workerStaleness: [Int] { workers?.ages ?? [] }

    public var state: [StateVector] {
        guard let workers else { return [] }
        return (0..<workerCount).map { k in
            let tag: String
            if case .easgd = method {
                tag = "↔" + Self.threeDigits(workers.distance(of: k, to: server))
            } else {
                tag = "τ\(workers.ages[k])"
            }
            return StateVector("w\(k + 1) \(tag)", workers.positions[k])
        }
    }

    /// `d` rounded to three significant digits, spelled shortest (`0.123`, `41.2`, `0`).
    static func threeDigits(_ d: Double) -> String {
        guard d.isFinite, d != 0 else { return formatNumber(d) }
        let scale = Double.pow(10, 2 - Double.log10(Swift.abs(d)).rounded(.down))
        return formatNumber((d * scale).rounded() / scale)
    }

    /// Takes lr, `workers`, `noise` (not Hogwild!'s: its gradients are samples') and the method's
    /// own keys; the workers start afresh (at the next step's point) only when the method, K, σ
    /// or the seed changed.
    public mutating func configure(_ c: Configuration) throws(SpecError) {
        learningRate = c.number("lr")
        let method: DistributedMethod
        switch self.method {
        case .synchronous: method = .synchronous
        case .asynchronous:
            let tau = c.integer("staleness")
            switch Staleness.names[c.choice("distribution")] {
            case "uniform": method = .asynchronous(staleness: .uniform(tau))
            case "geometric": method = .asynchronous(staleness: .geometric(mean: Double(tau)))
            default: method = .asynchronous(staleness: .fixed(tau))
            }
        case .downpour: method = .downpour(push: c.integer("push"), fetch: c.integer("fetch"))
        case .hogwild: method = .hogwild
        case .easgd: method = .easgd(alpha: c.number("alpha"), period: c.integer("period"))
        }
        let noise = method == .hogwild ? 0 : c.number("noise")
        let changed = method != self.method || c.integer("workers") != workerCount || noise != self.noise || c.seed != seed
        self.method = method
        workerCount = c.integer("workers")
        self.noise = noise
        seed = c.seed
        if changed { reset() }
    }

    public mutating func reset() {
        workers = nil
        noiseGenerators = []
        server = []
    }
}

/// The distributed methods in the registry. Hogwild! runs only where the oracle carries a
/// finite sum's samples (``Optimizer/drawsSamples``).
public enum DistributedOptimizers {
    public static let all: [OptimizerEntry] = [synchronous, asynchronous, downpour, hogwild, easgd]

    /// Why Hogwild! cannot run on an oracle without samples (a plain surface, a net).
    public static let noSamples = "hogwild needs [data]: its workers draw single samples of a finite sum, which this objective is not "
        + "(use a scene with [data], e.g. kind = \"sparse_least_squares\", or --surface 'sparse_least_squares(overlap=0.1)')"

    private static let lrAndWorkers: [HyperParameter] = [
        LiteratureSchema.lr(0.01),
        .integer("workers", 4, HyperParameter.Bounds(lower: Double(Limits.workers.lowerBound), upper: Double(Limits.workers.upperBound)),
                 "number of workers K"),
    ]
    private static let common = lrAndWorkers + [
        .real("noise", 0, .nonNegative, "standard deviation σ of each worker's own gradient noise"),
    ]
    private static let period = HyperParameter.Bounds(lower: Double(Limits.communicationPeriod.lowerBound),
                                                      upper: Double(Limits.communicationPeriod.upperBound))

    private static func entry(_ name: String, _ summary: String, _ reference: String, _ parameters: [HyperParameter],
                              _ method: DistributedMethod, common: [HyperParameter] = common) -> OptimizerEntry {
        OptimizerEntry(name: name, summary: summary, reference: reference, parameters: common + parameters) { c in
            try DistributedOptimizer(method: method, workers: 1, lr: 0.01).configured(c)
        }
    }

    static let synchronous = entry(
        "sync_sgd", "synchronous SGD on K workers: the server applies the mean of their gradients",
        "mini-batch SGD over workers (Dean et al. 2012, baseline)", [], .synchronous)

    static let asynchronous = entry(
        "async_sgd", "asynchronous SGD: the server applies gradients computed at points τ updates old",
        "Lian et al. 2015; staleness as momentum: Mitliagkas et al. 2016",
        [
            .integer("staleness", 4, HyperParameter.Bounds(lower: 0, upper: Double(Limits.staleness.upperBound)),
                     "staleness τ in server updates (the mean for the geometric distribution)"),
            .choice("distribution", Staleness.names, default: "fixed",
                    "τ_t = τ (fixed), uniform in 0…τ, or geometric with mean τ"),
        ], .asynchronous(staleness: .fixed(4)))

    static let downpour = entry(
        "downpour", "Downpour SGD: local SGD on each worker, push accumulated updates every n, fetch every m",
        "Dean et al. 2012",
        [
            .integer("push", 4, period, "steps between a worker's pushes of its accumulated gradients (n_push)"),
            .integer("fetch", 4, period, "steps between a worker's fetches of the server parameters (n_fetch)"),
        ], .downpour(push: 4, fetch: 4))

    static let hogwild = entry(
        "hogwild", "Hogwild!: lock-free single-sample SGD on a sparse finite sum, each write read K − 1 updates earlier",
        "Niu, Recht, Ré & Wright 2011", [], .hogwild, common: lrAndWorkers)

    static let easgd = entry(
        "easgd", "elastic averaging SGD: workers pulled toward a centre variable by α, the centre by their sum",
        "Zhang, Choromanska & LeCun 2015",
        [
            .real("alpha", 0.1, .unit, "elastic pull α = ηρ"),
            .integer("period", 1, period, "communication period τ (1: the synchronous form)"),
        ], .easgd(alpha: 0.1, period: 1))
}
