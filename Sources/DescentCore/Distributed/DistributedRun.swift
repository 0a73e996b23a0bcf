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
    private var sampleGenerators: [Xoshiro256]
    private var stalenessGenerator: Xoshiro256
    /// Downpour: the sum of the gradients since the last push, per worker.
    private var gradientSums: [[Double]]
    /// Downpour, EASGD: each worker's own parameters.
    private var locals: [[Double]]
    private var ages: [Int]

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
        sampleGenerators = (0..<workers).map { _ in Xoshiro256(seed: seeds.next()) }
        stalenessGenerator = Xoshiro256(seed: seeds.next())
        gradientSums = Array(repeating: Array(repeating: 0, count: start.count), count: workers)
        locals = Array(repeating: start, count: workers)
        ages = Array(repeating: 0, count: workers)
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
        let t = steps
        var x = point(t)
        switch method {
        case .synchronous: synchronousTick(&x)
        case .asynchronous(let staleness): asynchronousTick(&x, tick: t, staleness: staleness.draw(using: &stalenessGenerator))
        case .downpour(let push, let fetch): downpourTick(&x, tick: t, push: push, fetch: fetch)
        case .hogwild: hogwildTick(&x, tick: t)
        case .easgd(let alpha, let period): easgdTick(&x, tick: t, alpha: alpha, period: period)
        }
        guard record(server: x) else {
            divergedAt = t + 1
            return false
        }
        return true
    }

    /// Advances until `steps` ticks have been taken or the simulation diverges.
    public mutating func advance(toStep steps: Int) {
        while self.steps < steps, advance() {}
    }

    // MARK: The methods

    /// x ← x − η (1/K) Σ_k g_k(x).
    private mutating func synchronousTick(_ x: inout [Double]) {
        var mean = [Double](repeating: 0, count: dimension)
        for k in 0..<workerCount {
            let g = oracles[k].gradient(at: x)
            for j in 0..<dimension { mean[j] += g[j] }
        }
        for j in 0..<dimension { x[j] = x[j].addingProduct(-learningRate, mean[j] / Double(workerCount)) }
        for k in 0..<workerCount { locals[k] = x }
    }

    /// x ← x − η g_k(x_{t−τ}), k = t mod K.
    private mutating func asynchronousTick(_ x: inout [Double], tick t: Int, staleness drawn: Int) {
        let k = t % workerCount
        let tau = min(drawn, t)
        let read = point(t - tau)
        let g = oracles[k].gradient(at: read)
        for j in 0..<dimension { x[j] = x[j].addingProduct(-learningRate, g[j]) }
        locals[k] = read
        ages[k] = tau
    }

    /// Local SGD on every worker; pushes of the gradient sums every `push`, fetches every `fetch`.
    private mutating func downpourTick(_ x: inout [Double], tick t: Int, push: Int, fetch: Int) {
        for k in 0..<workerCount {
            let clock = t + k + 1
            let g = oracles[k].gradient(at: locals[k])
            for j in 0..<dimension {
                locals[k][j] = locals[k][j].addingProduct(-learningRate, g[j])
                gradientSums[k][j] += g[j]
            }
            ages[k] += 1
            if clock % push == 0 {
                for j in 0..<dimension { x[j] = x[j].addingProduct(-learningRate, gradientSums[k][j]) }
                gradientSums[k] = Array(repeating: 0, count: dimension)
            }
            if clock % fetch == 0 {
                locals[k] = x
                ages[k] = 0
            }
        }
    }

    /// Worker k = t mod K writes −η ∂_j f_i at its read of K − 1 updates ago, j ∈ e_i only.
    private mutating func hogwildTick(_ x: inout [Double], tick t: Int) {
        guard let samples = gradients.samples else { return }
        let k = t % workerCount
        let tau = min(workerCount - 1, t)
        let read = point(t - tau)
        let i = Int(sampleGenerators[k].next() % UInt64(samples.count))
        let g = samples.sampleGradient(i, at: read)
        for j in samples.support(i) { x[j] = x[j].addingProduct(-learningRate, g[j]) }
        locals[k] = read
        ages[k] = tau
    }

    /// EASGD: the synchronous equations with period 1, Algorithm 1 (exchange, then a local step)
    /// with a longer period.
    private mutating func easgdTick(_ centre: inout [Double], tick t: Int, alpha: Double, period: Int) {
        if period == 1 {
            let old = centre
            for k in 0..<workerCount {
                let g = oracles[k].gradient(at: locals[k])
                for j in 0..<dimension {
                    let difference = locals[k][j] - old[j]
                    locals[k][j] = locals[k][j].addingProduct(-learningRate, g[j]) - alpha * difference
                    centre[j] += alpha * difference
                }
            }
            return
        }
        for k in 0..<workerCount {
            if t % period == 0 {
                for j in 0..<dimension {
                    let d = alpha * (locals[k][j] - centre[j])
                    locals[k][j] -= d
                    centre[j] += d
                }
                ages[k] = 0
            }
            let g = oracles[k].gradient(at: locals[k])
            for j in 0..<dimension { locals[k][j] = locals[k][j].addingProduct(-learningRate, g[j]) }
            ages[k] += 1
        }
    }

    // MARK: History

    /// Appends the server point, its loss and every worker's position and staleness; false when
    /// any of them is not finite.
    private mutating func record(server x: [Double]) -> Bool {
        var scratch = [Double](repeating: 0, count: dimension)
        let loss = gradients.objective.evaluate(x, &scratch)
        guard loss.isFinite, x.allSatisfy(\.isFinite), locals.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { return false }
        points += x
        losses.append(loss)
        for k in 0..<workerCount {
            workerPoints += locals[k]
            workerStaleness.append(ages[k])
        }
        return true
    }
}
