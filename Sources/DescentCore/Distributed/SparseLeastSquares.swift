/// A sparse finite sum for Hogwild!: least squares on two parameters θ = (x, y) in which most
/// samples touch only one of them,
///
///     f(θ) = (1/n) Σ_i f_i(θ),   f_i(θ) = ½ (a_iᵀθ − b_i)²,   ∇f_i(θ) = (a_iᵀθ − b_i) a_i,
///
/// where a_i is zero outside the sample's support e_i ⊆ {0, 1}: e_i = {0, 1} with probability
/// `overlap`, otherwise {0} or {1} with equal probability. The nonzero a_ij are 1 + ½ξ,
/// ξ ~ N(0, 1), and b_i = a_iᵀθ° + noise·ε with θ° = (1, −1), ε ~ N(0, 1), all from one seeded
/// ``Xoshiro256``. With a small overlap, updates from different samples rarely write the same
/// coordinate — the sparsity under which Niu et al. (2011) show that lock-free updates lose
/// almost nothing.
///
/// f is the quadratic ½θᵀHθ − rᵀθ + c with H = (1/n) Σ a_i a_iᵀ, r = (1/n) Σ b_i a_i,
/// c = (1/n) Σ ½b_i², minimised at θ* = H⁻¹r.
public struct SparseLeastSquares: Sendable {
    /// a_i, row-major n × 2.
    public let features: [Double]
    /// b_i.
    public let targets: [Double]
    /// e_i.
    let supports: [[Int]]
    /// θ*.
    public let minimizer: [Double]
    /// f over the plane.
    public let surface: Surface

    public let dimension = 2

    /// `count` samples, a fraction `overlap` of them touching both coordinates, label noise
    /// `noise`, data from `seed`. Throws when H is singular (no sample touches a coordinate).
    public init(count: Int, overlap: Double, noise: Double, seed: UInt64) throws(SpecError) {
        var generator = Xoshiro256(seed: seed)
        var a: [Double] = [], b: [Double] = [], supports: [[Int]] = []
        for _ in 0..<max(count, 0) {
            let support: [Int] = generator.uniform() < overlap ? [0, 1] : (generator.uniform() < 0.5 ? [0] : [1])
            var row = [0.0, 0.0]
            for j in support { row[j] = 1 + 0.5 * generator.gaussian() }
            a += row
            b.append(row[0] - row[1] + noise * generator.gaussian())
            supports.append(support)
        }
        var form = QuadraticForm()
        for i in b.indices { form.add(a[2 * i], a[2 * i + 1], b[i], weight: 1 / Double(b.count)) }
        let det = form.hxx * form.hyy - form.hxy * form.hxy
        guard det > 1e-12 * max(1, form.hxx * form.hyy), det.isFinite else {
            throw SpecError("sparse least squares: some coordinate is touched by no sample (H is singular)")
        }
        let minimizer = [(form.hyy * form.rx - form.hxy * form.ry) / det, (form.hxx * form.ry - form.hxy * form.rx) / det]
        features = a
        targets = b
        self.supports = supports
        self.minimizer = minimizer
        surface = FiniteSumObjective.surface(
            name: "sparse_least_squares", summary: "least squares whose samples mostly touch one coordinate",
            formula: "(1/\(b.count)) Σ ½(a_iᵀθ − b_i)²", minimizer: minimizer, function: form)
    }

    /// n.
    public var count: Int { targets.count }

    /// e_i.
    public func support(_ i: Int) -> [Int] { supports[i] }

    /// ∇f_i(θ) = (a_iᵀθ − b_i) a_i (zero off the support).
    public func sampleGradient(_ i: Int, at theta: [Double]) -> [Double] {
        let ax = features[2 * i], ay = features[2 * i + 1]
        let residual = ax * theta[0] + ay * theta[1] - targets[i]
        return [residual * ax, residual * ay]
    }

    /// f and ∇f exactly (from the quadratic form).
    public var fullOracle: GradientOracle { surface.oracle }

    /// The mean of ∇f_i over seeded minibatches of B samples (the ``MinibatchSampler`` epochs),
    /// with the mean of f_i as value.
    public func minibatchOracle(batchSize: Int, seed: UInt64) -> GradientOracle {
        let sampler = MinibatchSampler(count: count, batchSize: min(max(batchSize, 1), count), seed: seed)
        let objective = self
        return GradientOracle(evaluate: { theta, g in
            let batch = sampler.next()
            var loss = 0.0
            g[0] = 0
            g[1] = 0
            for i in batch {
                let gi = objective.sampleGradient(i, at: theta)
                let r = objective.features[2 * i] * theta[0] + objective.features[2 * i + 1] * theta[1] - objective.targets[i]
                loss += 0.5 * r * r
                g[0] += gi[0]
                g[1] += gi[1]
            }
            let m = Double(batch.count)
            g[0] /= m
            g[1] /= m
            return loss / m
        })
    }
}

extension SparseLeastSquares: SampledObjective {}

/// ½θᵀHθ − rᵀθ + c accumulated from weighted samples ½(aᵀθ − b)², as a surface formula.
struct QuadraticForm: SurfaceFormula {
    var hxx = 0.0, hxy = 0.0, hyy = 0.0, rx = 0.0, ry = 0.0, c = 0.0

    mutating func add(_ ax: Double, _ ay: Double, _ b: Double, weight: Double) {
        hxx += weight * ax * ax
        hxy += weight * ax * ay
        hyy += weight * ay * ay
        rx += weight * b * ax
        ry += weight * b * ay
        c += weight * 0.5 * b * b
    }

    func callAsFunction<T: SurfaceScalar>(_ x: T, _ y: T) -> T {
        T(0.5 * hxx) * x * x + T(hxy) * x * y + T(0.5 * hyy) * y * y - T(rx) * x - T(ry) * y + T(c)
    }
}
