/// The per-step measurements of a training run, after Xing, Arpit, Tsirigotis & Bengio (2018),
/// "A Walk with SGD".
public struct StepRecord: Sendable, Equatable {
    /// t: this record is of the step from θ_t to θ_{t+1} (0-based).
    public var step: Int
    /// The epoch the step's minibatch belongs to (0-based).
    public var epoch: Int
    /// η_t, after the schedule.
    public var learningRate: Double
    /// The minibatch loss L_B(θ_t) before the update.
    public var minibatchLoss: Double
    /// ‖g_t‖, g_t = ∇L_B(θ_t).
    public var gradientNorm: Double
    /// cos(g_t, g_{t−1}) = g_t·g_{t−1} / (‖g_t‖‖g_{t−1}‖) between consecutive minibatch gradients;
    /// nil at t = 0 or where a gradient is zero.
    public var gradientCosine: Double?
    /// ‖θ_{t+1} − θ_0‖.
    public var distanceFromStart: Double
}

/// The full-training-set loss along the segment between consecutive iterates,
/// L(θ_t + α(θ_{t+1} − θ_t)) at α = j/m, j = 0…m, measured every K steps.
///
/// The valley floor is the lowest loss on the segment; the heights are how far each iterate sits
/// above it (Xing et al. 2018 find SGD bouncing between valley walls, high above the floor). A
/// barrier is crossed when some interior point is higher than both iterates.
public struct SegmentProfile: Sendable, Equatable {
    /// t (the segment runs from θ_t to θ_{t+1}).
    public var step: Int
    /// The m + 1 losses, from α = 0 to α = 1.
    public var losses: [Double]
    /// The top Hessian eigenvalue of the full training loss at θ_{t+1} (sharpness), or nil when
    /// not measured.
    public var sharpness: Double?

    /// min over the segment.
    public var valleyFloor: Double { losses.min() ?? .nan }
    /// L(θ_t) − floor.
    public var heightBefore: Double { (losses.first ?? .nan) - valleyFloor }
    /// L(θ_{t+1}) − floor.
    public var heightAfter: Double { (losses.last ?? .nan) - valleyFloor }
    /// Whether an interior point rises above both ends.
    public var crossesBarrier: Bool {
        guard losses.count > 2 else { return false }
        let ends = max(losses[0], losses[losses.count - 1])
        return losses.dropFirst().dropLast().contains { $0 > ends }
    }
}

/// When and how finely to take the expensive measurements (each costs full passes over the
/// training set: m + 1 losses for the segment, 2 gradients per power iteration).
public struct WalkSettings: Sendable, Equatable {
    /// K: measure after every K-th step (steps K−1, 2K−1, …); 0 turns the profile off.
    public var every: Int
    /// m: the segment is cut into m pieces (m + 1 points).
    public var segmentPieces: Int
    /// Power iterations for the sharpness; 0 turns it off.
    public var powerIterations: Int

    public init(every: Int = 0, segmentPieces: Int = 10, powerIterations: Int = 20) {
        self.every = max(0, every)
        self.segmentPieces = max(1, segmentPieces)
        self.powerIterations = max(0, powerIterations)
    }

    /// No profiles: only the cheap per-step records.
    public static let off = WalkSettings()
}

/// The largest-magnitude eigenvalue of ∇²L at θ by power iteration (von Mises) on
/// Hessian-vector products, with each product by a central difference of gradients:
///
///     Hv ≈ (∇L(θ + εv) − ∇L(θ − εv)) / 2ε,   ‖v‖ = 1,   ε = 6·10⁻⁶·max(1, ‖θ‖∞)
///
/// (error O(ε²) from the third derivative plus O(u/ε) rounding, u the unit roundoff; ε ≈ u^⅓ sets
/// them equal — Nocedal & Wright, "Numerical Optimization", 2nd ed., §8.1 and §7.1 on
/// Hessian-vector products by differencing gradients). Each iteration: w = Hv, λ = vᵀw (the
/// Rayleigh quotient), v ← w / ‖w‖. `vector` is the start (warm-started from the last call by the
/// caller) and holds the final v; the result is the last λ.
func topHessianEigenvalue(
    at theta: [Double], vector v: inout [Double], iterations: Int,
    scratch: inout (probe: [Double], plus: [Double], minus: [Double]),
    gradient: (_ x: [Double], _ g: inout [Double]) -> Void
) -> Double {
    let n = theta.count
    var scale = 1.0
    for x in theta { scale = max(scale, Swift.abs(x)) }
    let epsilon = 6e-6 * scale
    var lambda = Double.nan
    normalize(&v)
    for _ in 0..<iterations {
        for i in 0..<n { scratch.probe[i] = theta[i] + epsilon * v[i] }
        gradient(scratch.probe, &scratch.plus)
        for i in 0..<n { scratch.probe[i] = theta[i] - epsilon * v[i] }
        gradient(scratch.probe, &scratch.minus)
        var rayleigh = 0.0
        for i in 0..<n {
            let hv = (scratch.plus[i] - scratch.minus[i]) / (2 * epsilon)
            scratch.plus[i] = hv
            rayleigh += v[i] * hv
        }
        lambda = rayleigh
        guard euclideanNorm(scratch.plus) > 0, rayleigh.isFinite else { break }
        swap(&v, &scratch.plus)
        normalize(&v)
    }
    return lambda
}

/// v / ‖v‖ (unchanged when ‖v‖ is 0 or not finite).
private func normalize(_ v: inout [Double]) {
    let norm = euclideanNorm(v)
    guard norm > 0, norm.isFinite else { return }
    for i in v.indices { v[i] /= norm }
}
