import CDescentKernels

/// One compiled set of the C kernels of `CDescentKernels` (DescentKernels.h): the baseline
/// x86-64 build, or the AVX2+FMA build that the CPU check picks at run time when the CPU has
/// both, so that a portable build still uses the hardware.
///
/// The torch-order kernels (``lerp(_:toward:weight:_:)``, ``averageSquare(_:_:decay:_:)``, the
/// fused steps of SGD and Adagrad) round identically on both; ``tanh(_:_:_:)``, ``exp(_:_:_:)`` and the matrix product may
/// differ by rounding between them.
public struct Kernels: @unchecked Sendable, CustomStringConvertible {
    /// A static, immutable C table.
    let table: UnsafePointer<DKKernels>

    /// The kernels for any CPU.
    public static let baseline = Kernels(table: dk_baseline_kernels())
    /// The AVX2+FMA kernels, or nil when this CPU lacks AVX2 or FMA.
    public static let fusedMultiplyAdd: Kernels? = dk_fma_kernels().map { Kernels(table: $0) }
    /// The fastest kernels this CPU runs.
    public static let best = fusedMultiplyAdd ?? baseline

    /// "avx2+fma" or "baseline".
    public var description: String { String(cString: table.pointee.name) }

    /// y[i] = tanh x[i] within 2 ulp, over n values (y may be x).
    @inline(__always)
    func tanh(_ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, _ n: Int) {
        table.pointee.tanh(x, y, n)
    }

    /// y[i] = e^x[i] within 2 ulp, over n values (y may be x).
    @inline(__always)
    func exp(_ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, _ n: Int) {
        table.pointee.exp(x, y, n)
    }

    /// start[i] ← torch.lerp(start[i], end[i], w): start + w(end − start) when |w| < ½, otherwise
    /// end − (1 − w)(end − start), each one fma (exact on both kernel sets).
    @inline(__always)
    func lerp(_ start: UnsafeMutablePointer<Double>, toward end: UnsafePointer<Double>, weight: Double, _ n: Int) {
        table.pointee.lerp(start, end, weight, n)
    }

    /// v[i] ← fma((1 − β)g[i], g[i], βv[i]), torch's `v.mul_(β).addcmul_(g, g, value=1 − β)`.
    @inline(__always)
    func averageSquare(_ v: UnsafeMutablePointer<Double>, _ g: UnsafePointer<Double>, decay beta: Double, _ n: Int) {
        table.pointee.average_square(v, g, beta, n)
    }

    /// y[i] ← fma(k, x[i], y[i]), torch's `y.add_(x, alpha=k)`.
    @inline(__always)
    func addScaled(_ y: UnsafeMutablePointer<Double>, _ k: Double, _ x: UnsafePointer<Double>, _ n: Int) {
        table.pointee.fma_scaled(y, k, x, n)
    }

    /// b[i] ← fma(1 − τ, g[i], μ·b[i]), torch's `b.mul_(μ).add_(g, alpha=1 − τ)` (SGD's momentum).
    @inline(__always)
    func momentum(_ b: UnsafeMutablePointer<Double>, _ g: UnsafePointer<Double>, mu: Double, dampening: Double, _ n: Int) {
        table.pointee.momentum(b, g, mu, 1 - dampening, n)
    }

    /// x[i] ← fma(k, fma(μ, b[i], g[i]), x[i]), torch's `x.add_(g.add(b, alpha=μ), alpha=k)`
    /// (SGD's Nesterov step).
    @inline(__always)
    func nesterov(_ x: UnsafeMutablePointer<Double>, _ b: UnsafePointer<Double>, _ g: UnsafePointer<Double>, mu: Double, k: Double,
                  _ n: Int) {
        table.pointee.nesterov(x, b, g, mu, k, n)
    }

    /// v[i] ← fma(g[i], g[i], v[i]), torch's `v.addcmul_(g, g, value=1)` (Adagrad's sum).
    @inline(__always)
    func accumulateSquare(_ v: UnsafeMutablePointer<Double>, _ g: UnsafePointer<Double>, _ n: Int) {
        table.pointee.accumulate_square(v, g, n)
    }

    /// x[i] ← x[i] + k·m[i] / (√v[i] / d + ε), torch's `x.addcdiv_(m, v.sqrt() / d + ε, value=k)`
    /// (the same on both kernel sets: square roots and divisions are correctly rounded).
    @inline(__always)
    func addQuotientByRoot(_ x: UnsafeMutablePointer<Double>, _ k: Double, _ m: UnsafePointer<Double>,
                           _ v: UnsafePointer<Double>, rootDivisor d: Double, eps: Double, _ n: Int) {
        table.pointee.add_quotient_by_root(x, m, v, k, d, eps, n)
    }

    /// What C starts from in ``multiply(rows:columns:depth:_:aRowStride:aDepthStride:_:into:from:terms:)``:
    /// 0, C itself, or 1bᵀ (the vector b in every row).
    enum Start {
        case zero, accumulate
        case rowVector(UnsafePointer<Double>)
    }

    /// Room for the nonzero entries of A within a block of ``block`` k, for up to `rows` rows:
    /// their values, the offsets of the rows of B they multiply and their count per row.
    struct RowTerms {
        let rows: Int
        let values: UnsafeMutablePointer<Double>
        let offsets: UnsafeMutablePointer<Int>
        let counts: UnsafeMutablePointer<Int>

        /// The number of doubles (values) and integers (offsets and counts) for `rows` rows.
        static func sizes(rows: Int) -> (doubles: Int, integers: Int) {
            (rows * block, rows * (block + 1))
        }

        /// Terms in `doubles` and `integers`, allocated with at least ``sizes(rows:)``.
        init(rows: Int, doubles: UnsafeMutablePointer<Double>, integers: UnsafeMutablePointer<Int>) {
            self.rows = rows
            values = doubles
            offsets = integers
            counts = integers + rows * block
        }
    }

    /// The side of the product's blocks of k and j (64: a block of B stays in the L1 cache).
    static let block = Int(DK_BLOCK)

    /// C = C₀ + A B, i.e. C[i][j] = C₀[i][j] + Σₖ A(i, k)·B[k][j] over the k where A(i, k) ≠ 0,
    /// for C of `rows`×`columns` (row-major, contiguous), A(i, k) = a[i·aRowStride + k·aDepthStride]
    /// (so A or Aᵀ stored row-major) and B of `depth` ≥ 1 rows of `columns` (row-major, contiguous).
    ///
    /// Each row's nonzero A(i, k) are gathered into `terms` (without branches), then 16 or 32
    /// outputs at a time (vector registers) take Σ A(i, k)·B[k][j…] over them, so the zeros of A
    /// (ReLU's inactive units in a or δ) cost nothing; skipping 0·B[k][j] changes no sum for
    /// finite B. Large products go in blocks of 64 k × 64 j. Sums in a different order (and, on
    /// the FMA kernels, with different roundings) from the naive loops.
    @inline(__always)
    func multiply(rows: Int, columns: Int, depth: Int, _ a: UnsafePointer<Double>, aRowStride: Int, aDepthStride: Int,
                  _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>, from start: Start, terms: RowTerms) {
        precondition(rows <= terms.rows, "room for the terms of \(terms.rows) rows, not \(rows)")
        let (first, row): (DKStart, UnsafePointer<Double>?) = switch start {
        case .zero: (DKStartZero, nil)
        case .accumulate: (DKStartAccumulate, nil)
        case .rowVector(let vector): (DKStartRowVector, vector)
        }
        table.pointee.multiply(rows, columns, depth, a, aRowStride, aDepthStride, b, c, first, row,
                               terms.values, terms.offsets, terms.counts)
    }
}
