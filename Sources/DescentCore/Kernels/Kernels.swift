import CDescentKernels

/// One compiled set of the C kernels of `CDescentKernels` (DescentKernels.h): the baseline
/// x86-64 build, or the AVX2+FMA build that the CPU check picks at run time when the CPU has
/// both, so that a portable build still uses the hardware.
///
/// The torch-order kernels (``lerp(_:toward:weight:_:)``, ``averageSquare(_:_:decay:_:)``)
/// round identically on both; ``tanh(_:_:_:)``, ``exp(_:_:_:)`` and the matrix product may
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
}
