import RealModule

/// The arithmetic shared by the `torch.optim` update rules, written in PyTorch's order of
/// operations and with its roundings, so that float64 trajectories agree with PyTorch's to the
/// last bit or nearly: the one known difference is PyTorch's tensor square root (MKL's `vdSqrt`),
/// which is off by one unit in the last place for a few percent of inputs, where `squareRoot()` is
/// correctly rounded.
///
/// PyTorch's CPU kernels are compiled with fused multiply-add (on x86 CPUs with AVX2, where the
/// fixtures were made): `a.add(b, alpha=k)` is fma(k, b, a), `a.addcmul(b, c, value=k)` is
/// fma(k·b, c, a) and `lerp` is an fma, while `addcdiv` (a + k·b / c) and divisions are not fused,
/// and a scalar divided by a tensor, `k / t`, is (1 / t)·k.
enum TorchUpdate {
    /// a·b + c with a single rounding.
    @inline(__always)
    static func fma(_ a: Double, _ b: Double, _ c: Double) -> Double {
        c.addingProduct(a, b)
    }

    /// The moving average of squares, `v.mul_(β).addcmul_(x, x, value=1 − β)`:
    /// v ← βv + (1 − β)x², as fma((1 − β)x, x, βv).
    @inline(__always)
    static func averageSquare(_ v: Double, _ x: Double, decay beta: Double) -> Double {
        fma((1 - beta) * x, x, v * beta)
    }

    /// Calls `body` with `lerp(start, end)` = `torch.lerp(start, end, weight)`, PyTorch's
    /// two-branch formula (exact at both ends): start + w·(end − start) when |w| < ½, otherwise
    /// end − (1 − w)·(end − start), each one fma. The moving averages m ← lerp(m, g, 1 − β) use
    /// it. The branch is taken once, here, so that the caller's loop has none.
    @inline(__always)
    static func withLerp<R>(weight: Double, _ body: (_ lerp: (Double, Double) -> Double) -> R) -> R {
        if Swift.abs(weight) < 0.5 { return body { start, end in fma(weight, end - start, start) } }
        let coefficient = weight - 1
        return body { start, end in fma(coefficient, end - start, end) }
    }
}

/// An optimizer's per-coordinate state: `vectorCount` vectors as long as the parameters (m, v,
/// ...), back to back in one array so that a step touches one buffer through one pointer.
/// Allocated on the first step; the steps after it allocate nothing.
struct StateBuffer: Sendable, Equatable {
    /// How many vectors the optimizer keeps.
    let vectorCount: Int
    /// The parameter count n (0 before the first step).
    private(set) var length = 0
    private var storage: [Double] = []

    init(vectors: Int) { vectorCount = vectors }

    /// Sizes the buffer for `n` parameters, every value `initial`, unless it already is; returns
    /// whether it did (the first step, or the parameter count changed: the optimizer restarts).
    mutating func prepare(length n: Int, initial: Double = 0) -> Bool {
        guard length != n || storage.isEmpty else { return false }
        length = n
        storage = [Double](repeating: initial, count: n * vectorCount)
        return true
    }

    /// Forgets the state: the next ``prepare(length:initial:)`` allocates afresh (and returns
    /// true, so the optimizer restarts its step count).
    mutating func clear() {
        length = 0
        storage = []
    }

    /// Vector `k`, for the inspector.
    func vector(_ k: Int) -> [Double] {
        Array(storage[k * length ..< (k + 1) * length])
    }

    /// Runs `body` with pointers to the parameters x, the gradient g and the state s, where
    /// vector k's coordinate i is s[k·n + i]; nothing to do for no parameters. `gradient` must be
    /// as long as `params`, and the buffer prepared for that length.
    @inline(__always)
    mutating func update(
        _ params: inout [Double], _ gradient: [Double],
        _ body: (_ x: UnsafeMutablePointer<Double>, _ g: UnsafePointer<Double>, _ s: UnsafeMutablePointer<Double>, _ n: Int) -> Void
    ) {
        precondition(gradient.count == params.count && params.count == length, "gradient and parameters differ in length")
        let n = length
        guard n > 0 else { return }
        params.withUnsafeMutableBufferPointer { x in
            gradient.withUnsafeBufferPointer { g in
                storage.withUnsafeMutableBufferPointer { s in
                    body(x.baseAddress!, g.baseAddress!, s.baseAddress!, n)
                }
            }
        }
    }
}

/// The bias correction 1 − βᵗ of a moving average started at zero, and its square root.
///
/// PyTorch computes `1 - beta ** step` with libm's `pow` every step, and the root as
/// `bias_correction ** 0.5`. Here βᵗ is a running product, carried as an unevaluated sum of two
/// doubles (hi + lo, about 106 bits: each step hi·β is split exactly with a fused multiply-add),
/// so its rounding to a double is the correctly rounded βᵗ and agrees with `pow`'s bit for bit
/// on all but a few steps in ten thousand (then by one unit in the last place: 32 of the 37,412
/// steps of β = 0.999, none of β = 0.9). A plain product `p ← p·β` would gather one rounding
/// per step instead (it differs from `pow` on 97 % of the steps of β = 0.999, by up to t/2
/// units). The root is `squareRoot()`, which differs from `pow(c, 0.5)` by one unit on 0.1 % of
/// inputs. `pow` is used only when the step does not follow the last one or β changed; once βᵗ
/// < 2⁻⁵⁴ the correction is exactly 1 and stays so.
struct BiasCorrection: Sendable, Equatable {
    /// 1 − βᵗ at step `step` (0 before the first step).
    private(set) var value = 0.0
    /// (1 − βᵗ)^½.
    private(set) var root = 0.0
    /// βᵗ = high + low.
    private var high = 0.0, low = 0.0
    /// The β and t of `value`.
    private var beta = Double.nan
    private var step = 0

    /// βᵗ rounded to a double.
    var power: Double { high + low }

    /// Moves to step `t` (≥ 1) with decay rate `beta`.
    @inline(__always)
    mutating func update(beta: Double, step t: Int) {
        defer { step = t }
        if beta == self.beta {
            if t == step { return }
            if value == 1, t > step { return }
            if t == step + 1 {
                // (high + low)·β, exactly split: high·β = p + e, then low·β joins e.
                let p = high * beta
                let e = TorchUpdate.fma(low, beta, TorchUpdate.fma(high, beta, -p))
                high = p + e
                low = e - (high - p)
                setValue()
                return
            }
        }
        self.beta = beta
        high = Double.pow(beta, Double(t))
        low = 0
        setValue()
    }

    @inline(__always)
    private mutating func setValue() {
        value = 1 - power
        root = value.squareRoot()
    }
}

/// Weight decay λ as `torch.optim` applies it: coupled (L2), where the gradient becomes g + λx
/// before anything else sees it, or decoupled (AdamW, Loshchilov & Hutter 2019), where the
/// parameter first shrinks, x ← x·(1 − ηλ), and the gradient is left alone. λ = 0 is a no-op.
struct WeightDecay: Sendable, Equatable {
    /// λ.
    var rate: Double
    /// Whether the decay is decoupled from the gradient.
    var decoupled: Bool

    init(rate: Double, decoupled: Bool = false) {
        self.rate = rate
        self.decoupled = decoupled
    }

    /// Applies the decay to one coordinate: shrinks `x` (decoupled, with learning rate `lr`) or
    /// returns g + λx (coupled). Returns the gradient the rest of the update uses.
    @inline(__always)
    func apply(_ x: inout Double, gradient g: Double, lr: Double) -> Double {
        guard rate != 0 else { return g }
        if decoupled {
            x *= 1 - lr * rate
            return g
        }
        return TorchUpdate.fma(rate, x, g)
    }

    /// ``apply(_:gradient:lr:)`` on n coordinates at once: shrinks x and returns `gradient`
    /// (decoupled or λ = 0), or writes g + λx into `scratch` and returns it (coupled).
    @inline(__always)
    func apply(_ x: UnsafeMutablePointer<Double>, gradient: UnsafePointer<Double>, lr: Double, _ n: Int,
               scratch: UnsafeMutablePointer<Double>, kernels: Kernels) -> UnsafePointer<Double> {
        guard rate != 0 else { return gradient }
        if decoupled {
            let shrink = 1 - lr * rate
            for i in 0..<n { x[i] *= shrink }
            return gradient
        }
        scratch.update(from: gradient, count: n)
        kernels.addScaled(scratch, rate, x, n)
        return UnsafePointer(scratch)
    }
}

/// The hyperparameter schema entries that recur across `torch.optim`, with PyTorch's names and
/// validation bounds.
enum TorchSchema {
    /// `lr` ≥ 0.
    static func lr(_ value: Double) -> HyperParameter {
        .real("lr", value, .nonNegative, "learning rate η")
    }
    /// `eps` ≥ 0.
    static func eps(_ value: Double) -> HyperParameter {
        .real("eps", value, .nonNegative, "ε added to the denominator for numerical stability")
    }
    /// `weight_decay` ≥ 0.
    static func weightDecay(_ value: Double = 0, decoupled: Bool = false) -> HyperParameter {
        .real("weight_decay", value, .nonNegative,
              decoupled ? "decoupled weight decay λ: x ← x(1 − ηλ) before the update"
                        : "L2 penalty λ: the gradient becomes g + λx")
    }
    /// `betas` = (β₁, β₂), each in [0, 1).
    static let betas = HyperParameter.tuple(
        "betas", [0.9, 0.999], .unitHalfOpen, "(β₁, β₂): decay rates of the first and second moment averages")
    /// (β₁, β₂) of a configuration's `betas`.
    static func betas(_ c: Configuration) -> (Double, Double) {
        let betas = c.tuple("betas")
        return (betas[0], betas[1])
    }
    /// `decoupled_weight_decay`.
    static let decoupledWeightDecay = HyperParameter.flag(
        "decoupled_weight_decay", false, "apply weight decay as x ← x(1 − ηλ) (AdamW-style) instead of g + λx")
}
