/// The workers of a distributed simulation and what the server remembers, advanced one tick at
/// a time: the one implementation of the update equations of every ``DistributedMethod``, used
/// by ``DistributedRun`` (the simulation with its full history) and ``DistributedOptimizer``
/// (the methods as registry optimizers, raced in scenes and on the command line).
///
/// It keeps each worker's position (its own copy for Downpour and EASGD, else the server point
/// its latest gradient was computed at), each worker's staleness (async SGD, Hogwild!: the τ of
/// its latest update; Downpour: ticks since it fetched; EASGD: ticks since its last elastic
/// exchange; sync: 0), Downpour's gradient sums, and the last server points a stale read may go
/// back to (at most ``Limits/staleness`` + 1 of them).
struct DistributedWorkers {
    let method: DistributedMethod
    let count: Int
    /// The worker positions x^k.
    private(set) var positions: [[Double]]
    /// The worker staleness values.
    private(set) var ages: [Int]
    /// The ticks taken.
    private(set) var tick = 0
    private var gradientSums: [[Double]]
    /// Server points x_{t−w+1} … x_t (newest last), w = ``window``.
    private var recent: [[Double]]
    private var sampleGenerators: [Xoshiro256]
    private var stalenessGenerator: Xoshiro256

    /// `count` workers and a server at `start`; the seeds of Hogwild!'s sample draws (one per
    /// worker) and of the staleness draws come from `seeds`, in that order.
    init(method: DistributedMethod, count: Int, start: [Double], seeds: inout Xoshiro256) {
        self.method = method
        self.count = count
        positions = Array(repeating: start, count: count)
        ages = Array(repeating: 0, count: count)
        gradientSums = Array(repeating: Array(repeating: 0, count: start.count), count: count)
        recent = [start]
        sampleGenerators = (0..<count).map { _ in Xoshiro256(seed: seeds.next()) }
        stalenessGenerator = Xoshiro256(seed: seeds.next())
    }

    /// How many server points a stale read may need.
    private var window: Int {
        switch method {
        case .asynchronous(.fixed(let tau)), .asynchronous(.uniform(let tau)): tau + 1
        case .asynchronous(.geometric): Limits.staleness.upperBound + 1
        case .hogwild: count
        default: 1
        }
    }

    /// ‖x^k − x‖₂: worker k's distance to the server point `x` (EASGD: the centre).
    func distance(of k: Int, to x: [Double]) -> Double {
        euclideanNorm(zip(positions[k], x).map { $0 - $1 })
    }

    /// One tick from the server (EASGD: centre) point `x` at rate η: worker k's gradient at a point
    /// is `gradient(k, point)`; Hogwild! draws its samples from `samples`, which it must have
    /// (a precondition: the callers check before the first tick).
    mutating func advance(_ x: inout [Double], lr eta: Double, samples: (any SampledObjective)? = nil,
                          gradient: (_ worker: Int, _ at: [Double]) -> [Double]) {
        let t = tick
        switch method {
        case .synchronous:
            var sum = [Double](repeating: 0, count: x.count)
            for k in 0..<count {
                let g = gradient(k, x)
                for j in x.indices { sum[j] += g[j] }
            }
            for j in x.indices { x[j] = x[j].addingProduct(-eta, sum[j] / Double(count)) }
            for k in 0..<count { positions[k] = x }

        case .asynchronous(let staleness):
            let k = t % count
            let tau = min(staleness.draw(using: &stalenessGenerator), recent.count - 1)
            let read = recent[recent.count - 1 - tau]
            let g = gradient(k, read)
            for j in x.indices { x[j] = x[j].addingProduct(-eta, g[j]) }
            positions[k] = read
            ages[k] = tau

        case .downpour(let push, let fetch):
            for k in 0..<count {
                let clock = t + k + 1
                let g = gradient(k, positions[k])
                for j in x.indices {
                    positions[k][j] = positions[k][j].addingProduct(-eta, g[j])
                    gradientSums[k][j] += g[j]
                }
                ages[k] += 1
                if clock % push == 0 {
                    for j in x.indices { x[j] = x[j].addingProduct(-eta, gradientSums[k][j]) }
                    gradientSums[k] = Array(repeating: 0, count: x.count)
                }
                if clock % fetch == 0 {
                    positions[k] = x
                    ages[k] = 0
                }
            }

        case .hogwild:
            guard let samples else {
                preconditionFailure("hogwild without the samples of a finite sum (DistributedRun and DistributedOptimizer refuse it first)")
            }
            let k = t % count
            let tau = min(count - 1, recent.count - 1)
            let read = recent[recent.count - 1 - tau]
            let i = Int(sampleGenerators[k].next() % UInt64(samples.count))
            let g = samples.sampleGradient(i, at: read)
            for j in samples.support(i) { x[j] = x[j].addingProduct(-eta, g[j]) }
            positions[k] = read
            ages[k] = tau

        case .easgd(let alpha, let period) where period == 1:
            let centre = x
            for k in 0..<count {
                let g = gradient(k, positions[k])
                for j in x.indices {
                    let difference = positions[k][j] - centre[j]
                    positions[k][j] = positions[k][j].addingProduct(-eta, g[j]) - alpha * difference
                    x[j] += alpha * difference
                }
            }

        case .easgd(let alpha, let period):
            for k in 0..<count {
                if t % period == 0 {
                    for j in x.indices {
                        let d = alpha * (positions[k][j] - x[j])
                        positions[k][j] -= d
                        x[j] += d
                    }
                    ages[k] = 0
                }
                let g = gradient(k, positions[k])
                for j in x.indices { positions[k][j] = positions[k][j].addingProduct(-eta, g[j]) }
                ages[k] += 1
            }
        }
        tick += 1
        recent.append(x)
        if recent.count > window { recent.removeFirst(recent.count - window) }
    }
}
