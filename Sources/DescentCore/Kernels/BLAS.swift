#if canImport(Accelerate)
import Accelerate
#else
import COpenBLAS
#endif

/// The dense matrix products of a well-kept BLAS (OpenBLAS on Linux, Accelerate on macOS) for
/// the large layers, on one thread so that results are deterministic and training never
/// competes with the interface for cores.
enum BLAS {
    /// OpenBLAS's thread count, set to 1 before the first product (a no-op with Debian's
    /// serial build, which ``.ci/run`` installs).
    private static let singleThreaded: Void = {
        #if !canImport(Accelerate)
        openblas_set_num_threads(1)
        #endif
    }()

    /// C ← op(A)·op(B) + β·C for row-major C of m×n, op(A) of m×k and op(B) of k×n, where op(X)
    /// is X or, when `transposeX`, Xᵀ (X stored row-major with leading dimension `ldx`):
    /// `cblas_dgemm` with α = 1.
    @inline(__always)
    static func multiply(m: Int, n: Int, k: Int, _ a: UnsafePointer<Double>, lda: Int, transposeA: Bool,
                         _ b: UnsafePointer<Double>, ldb: Int, transposeB: Bool,
                         into c: UnsafeMutablePointer<Double>, ldc: Int, beta: Double) {
        _ = singleThreaded
        cblas_dgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
