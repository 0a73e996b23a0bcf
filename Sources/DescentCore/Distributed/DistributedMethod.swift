/// How K simulated workers and a parameter server (or EASGD's centre variable) combine their
/// stochastic gradients g_k into the server path x_t. Every method below uses plain SGD with
/// rate η on the workers; with one worker and no staleness each reduces to plain SGD,
/// x_{t+1} = x_t − η g(x_t) (EASGD with α = 0: its worker is plain SGD).
public enum DistributedMethod: Sendable, Equatable {
    /// Synchronous (mini-batch) SGD, the baseline: every worker computes a gradient at the same
    /// server point and the server applies their mean,
    ///
    ///     x_{t+1} = x_t − η (1/K) Σ_k g_k(x_t).
    case synchronous

    /// Asynchronous SGD with stale gradients (Recht et al. 2011; Lian et al. 2015, "Asynchronous
    /// Parallel Stochastic Gradient for Nonconvex Optimization"): update t is pushed by worker
    /// k = t mod K, which computed its gradient at a server point τ_t updates old,
    ///
    ///     x_{t+1} = x_t − η g_k(x_{t−τ_t}),   τ_t ≤ t (clamped at the start),
    ///
    /// with τ_t drawn by ``Staleness``.
    case asynchronous(staleness: Staleness)

    /// Downpour SGD (Dean et al. 2012, "Large Scale Distributed Deep Networks"): worker k runs
    /// local SGD on its own copy x^k and accumulates its updates a^k,
    ///
    ///     x^k ← x^k − η g_k(x^k),   a^k ← a^k − η g_k(x^k),
    ///
    /// pushes them every n_push of its steps (x ← x + a^k, a^k ← 0) and fetches the server
    /// every n_fetch steps (x^k ← x). Workers are staggered: worker k's clock starts k ticks
    /// early, so pushes arrive one after another rather than all at once; within a tick workers
    /// act in order 0…K−1.
    case downpour(push: Int, fetch: Int)

    /// Hogwild! (Niu, Recht, Ré & Wright 2011): lock-free SGD on a sparse finite sum
    /// f = (1/n) Σ_i f_i(x_{e_i}), each sample i touching only the coordinates e_i. At tick t
    /// worker k = t mod K finishes the sample i it drew when it read the shared vector K − 1
    /// updates earlier, and writes only the coordinates of e_i, without a lock:
    ///
    ///     x_{t+1, j} = x_{t, j} − η ∂_j f_i(x_{t−τ}),  j ∈ e_i,   τ = min(K − 1, t).
    case hogwild

    /// Elastic Averaging SGD (Zhang, Choromanska & LeCun 2015, "Deep learning with Elastic
    /// Averaging SGD"). With period 1, the synchronous form (their eqs. 5–6):
    ///
    ///     x^k_{t+1} = x^k_t − η g_k(x^k_t) − α (x^k_t − x̃_t)
    ///     x̃_{t+1}  = x̃_t + α Σ_k (x^k_t − x̃_t)
    ///
    /// With period τ > 1, the asynchronous form (their Algorithm 1): every worker takes a local
    /// SGD step each tick; every τ ticks it first exchanges with the centre as it is then
    /// (workers in order 0…K−1), d = α (x^k − x̃), x^k ← x^k − d, x̃ ← x̃ + d.
    /// The server path drawn is the centre x̃.
    case easgd(alpha: Double, period: Int)

    /// The name used by scenes and the CLI.
    public var name: String {
        switch self {
        case .synchronous: "sync"
        case .asynchronous: "async"
        case .downpour: "downpour"
        case .hogwild: "hogwild"
        case .easgd: "easgd"
        }
    }

    /// The method names, in the order above.
    public static let names = ["sync", "async", "downpour", "hogwild", "easgd"]

    /// Whether workers keep their own parameter copies (Downpour, EASGD), so that worker trails
    /// leave the server path; otherwise a worker's position is the server point it last read.
    public var hasLocalCopies: Bool {
        switch self {
        case .downpour, .easgd: true
        default: false
        }
    }
}

/// How old the server point of an asynchronous gradient is.
public enum Staleness: Sendable, Equatable {
    /// τ_t = τ.
    case fixed(Int)
    /// τ_t uniform in 0…τ.
    case uniform(Int)
    /// τ_t geometric with mean τ̄: P(τ_t = l) = (1 − q) q^l, q = τ̄/(1 + τ̄) — the queueing
    /// model of Mitliagkas, Zhang, Hadjis & Ré 2016 ("Asynchrony begets momentum"), where each of
    /// M = 1 + τ̄ workers is equally likely to finish next. Draws are capped at
    /// ``Limits/staleness``'s upper bound.
    case geometric(mean: Double)

    /// The name used by scenes.
    public var name: String {
        switch self {
        case .fixed: "fixed"
        case .uniform: "uniform"
        case .geometric: "geometric"
        }
    }

    /// The distribution names.
    public static let names = ["fixed", "uniform", "geometric"]

    /// E τ_t (before clamping at the start).
    public var mean: Double {
        switch self {
        case .fixed(let tau): Double(tau)
        case .uniform(let tau): Double(tau) / 2
        case .geometric(let mean): mean
        }
    }

    /// The momentum μ that staleness implies for the expected iterate (Mitliagkas et al. 2016,
    /// Theorem 1): with geometric staleness, E x obeys the heavy-ball recursion
    ///
    ///     E x_{t+1} = E x_t + μ (E x_t − E x_{t−1}) − (1 − μ) η ∇f(E x_t),   μ = q = τ̄/(1 + τ̄)
    ///
    /// exactly on a quadratic. For the other distributions the same μ from the mean is the
    /// first-order match.
    public var impliedMomentum: Double { mean / (1 + mean) }

    /// One draw of τ_t (uses `generator` only for the random distributions).
    func draw(using generator: inout Xoshiro256) -> Int {
        switch self {
        case .fixed(let tau):
            return tau
        case .uniform(let tau):
            return tau == 0 ? 0 : Int(generator.next() % UInt64(tau + 1))
        case .geometric(let mean):
            guard mean > 0 else { return 0 }
            let q = mean / (1 + mean)
            var tau = 0
            while tau < Limits.staleness.upperBound, generator.uniform() < q { tau += 1 }
            return tau
        }
    }
}
