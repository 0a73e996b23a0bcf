/// K simulated workers and a parameter server (or EASGD's centre variable) descending one
/// objective together, deterministic for a seed, with the full history: the server path x_t,
/// f(x_t), where every worker's parameters were and how stale each worker was after every tick.
///
/// One tick is one server update for the asynchronous methods (async SGD, Hogwild!) and one
/// local step of every worker for the others; ``DistributedMethod`` gives each method's update
/// equations. Every worker runs plain SGD at rate η and draws its own gradient noise or
/// minibatches (``WorkerGradients``). A worker's "position" is its own parameter copy (Downpour,
/// EASGD) or the server point its latest gradient was computed at (sync, async, Hogwild!).
///
/// Staleness of worker k after tick t: for async SGD and Hogwild! the τ of the worker's latest
/// update; for Downpour the ticks since it last fetched the server; for EASGD the ticks since
/// its last elastic exchange; 0 for synchronous SGD.
///
/// Seeds: worker k's gradient oracle is seeded with the k-th output of a ``Xoshiro256`` started
/// at `seed`, then come the K seeds of Hogwild!'s sample draws, then the staleness draws' seed —
/// so worker 0 sees the same noise whatever K is.
///
/// Any non-finite coordinate or loss (server or worker) ends the simulation: ``divergedAt``
/// records the tick and the history stops before it.
public struct DistributedRun {
    /// Shown in legends.
    public var label: String
    public let method: DistributedMethod
    /// K.
    public let workerCount: Int
    /// η, every worker's SGD rate.
    public let learningRate: Double
    /// The number of parameters.
    public let dimension: Int

    /// The server (centre) point x_t for t = 0…``steps``, flattened.
    public private(set) var points: [Double]
    /// f(x_t), the full objective.
    public private(set) var losses: [Double]
    /// Worker k's position after tick t at `((t·K + k)·dimension)…`.
    public private(set) var workerPoints: [Double]
    /// Worker k's staleness after tick t at `t·K + k`.
    public private(set) var workerStaleness: [Int]
    /// The tick at which a value became non-finite, or nil.
    public private(set) var divergedAt: Int?

    private let gradients: WorkerGradients
    private let oracles: [GradientOracle]
    private var workers: DistributedWorkers

    /// The simulation of `method` with `workers` workers at rate `learningRate` from `start` (every
    /// worker and the server start there). Throws for Hogwild! without a finite sum, or counts and
    /// periods outside ``Limits``.
    public init(
        method: DistributedMethod, workers: Int, learningRate: Double, gradients: WorkerGradients,
        start: [Double], seed: UInt64, label: String? = nil
    ) throws(SpecError) {
        guard Limits.workers.contains(workers) else {
            throw SpecError("workers must be in \(Limits.workers.lowerBound)…\(Limits.workers.upperBound), got \(workers)")
        }
        try Self.validate(method)
        if case .hogwild = method, gradients.samples == nil {
            throw SpecError("hogwild needs a finite sum (a [data] objective): its workers update the coordinates one sample touches")
        }
        guard start.count == gradients.dimension else {
            throw SpecError("the start needs \(gradients.dimension) coordinates, got \(start.count)")
        }
        self.label = label ?? "\(method.name) ×\(workers)"
        self.method = method
        workerCount = workers
        self.learningRate = learningRate
        dimension = start.count
        self.gradients = gradients
        var seeds = Xoshiro256(seed: seed)
        oracles = (0..<workers).map { _ in gradients.workerOracle(seeds.next()) }
        self.workers = DistributedWorkers(method: method, count: workers, start: start, seeds: &seeds)
        points = []
        losses = []
        workerPoints = []
        workerStaleness = []
        if !record(server: start) { divergedAt = 0 }
    }

    private static func validate(_ method: DistributedMethod) throws(SpecError) {
        switch method {
        case .asynchronous(let staleness):
            switch staleness {
            case .fixed(let tau), .uniform(let tau):
                guard Limits.staleness.contains(tau) else {
                    throw SpecError("staleness must be in 0…\(Limits.staleness.upperBound), got \(tau)")
                }
            case .geometric(let mean):
                guard mean >= 0, mean <= Double(Limits.staleness.upperBound) else {
                    throw SpecError("mean staleness must be in 0…\(Limits.staleness.upperBound), got \(mean)")
                }
            }
        case .downpour(let push, let fetch):
            guard Limits.communicationPeriod.contains(push), Limits.communicationPeriod.contains(fetch) else {
                throw SpecError("push and fetch periods must be in \(Limits.communicationPeriod.lowerBound)…\(Limits.communicationPeriod.upperBound)")
            }
        case .easgd(let alpha, let period):
            guard Limits.communicationPeriod.contains(period) else {
                throw SpecError("period must be in \(Limits.communicationPeriod.lowerBound)…\(Limits.communicationPeriod.upperBound), got \(period)")
            }
            guard alpha >= 0, alpha <= 1 else { throw SpecError("alpha must be in 0…1, got \(alpha)") }
        case .synchronous, .hogwild:
            break
        }
    }

    /// The number of recorded server points (ticks taken + 1).
    public var count: Int { losses.count }
    /// The number of ticks taken.
    public var steps: Int { max(0, count - 1) }
    /// x_t.
    public func point(_ t: Int) -> [Double] { Array(points[(t * dimension)..<((t + 1) * dimension)]) }
    /// Worker k's position after tick t.
    public func workerPoint(_ k: Int, at t: Int) -> [Double] {
        let base = (t * workerCount + k) * dimension
        return Array(workerPoints[base..<(base + dimension)])
    }
    /// Worker k's staleness after tick t.
    public func staleness(of k: Int, at t: Int) -> Int { workerStaleness[t * workerCount + k] }
    /// ‖x^k − x_t‖₂: worker k's distance to the server (EASGD: to the centre) after tick t.
    public func distanceToServer(of k: Int, at t: Int) -> Double {
        euclideanNorm(zip(workerPoint(k, at: t), point(t)).map { $0 - $1 })
    }

    /// Takes one tick; false (and nothing) once diverged.
    @discardableResult
    public mutating func advance() -> Bool {
        guard divergedAt == nil, count > 0 else { return false }
        var x = point(steps)
        let oracles = oracles
        workers.advance(&x, lr: learningRate, samples: gradients.samples) { k, at in oracles[k].gradient(at: at) }
        guard record(server: x) else {
            divergedAt = steps + 1
            return false
        }
        return true
    }

    /// Advances until `steps` ticks have been taken or the simulation diverges.
    public mutating func advance(toStep steps: Int) {
        while self.steps < steps, advance() {}
    }

    // MARK: History

    /// Appends the server point, its loss and every worker's position and staleness; false when
    /// any of them is not finite.
    private mutating func record(server x: [Double]) -> Bool {
        var scratch = [Double](repeating: 0, count: dimension)
        let loss = gradients.objective.evaluate(x, &scratch)
        guard loss.isFinite, x.allSatisfy(\.isFinite), workers.positions.allSatisfy({ $0.allSatisfy(\.isFinite) }) else {
            return false
        }
        points += x
        losses.append(loss)
        for k in 0..<workerCount {
            workerPoints += workers.positions[k]
            workerStaleness.append(workers.ages[k])
        }
        return true
    }
}
