/// The dense loops of the training engine, on raw pointers so that the training loop neither
/// allocates nor checks bounds, four doubles at a time in `SIMD4` registers. Multiplies and adds
/// stay separate: `addingProduct` (a fused multiply-add) becomes a call to libm's `fma` on
/// x86-64 builds without the FMA instruction set, which is many times slower.
enum VectorKernels {
    /// Σᵢ aᵢbᵢ over n elements, with four interleaved partial sums (a different summation order
    /// from the naive loop).
    @inline(__always)
    static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ n: Int) -> Double {
        var sums = SIMD4<Double>()
        var i = 0
        while i + 4 <= n {
            sums += load(a + i) * load(b + i)
            i += 4
        }
        var s = (sums[0] + sums[1]) + (sums[2] + sums[3])
        while i < n {
            s += a[i] * b[i]
            i += 1
        }
        return s
    }

    /// (x·w₀, x·w₁, x·w₂, x·w₃) over n elements, wₖ = w + k·stride: four dot products for one
    /// pass over x.
    @inline(__always)
    static func dot4(_ x: UnsafePointer<Double>, _ w: UnsafePointer<Double>, stride: Int, _ n: Int) -> SIMD4<Double> {
        let (w0, w1, w2, w3) = (w, w + stride, w + 2 * stride, w + 3 * stride)
        var (s0, s1, s2, s3) = (SIMD4<Double>(), SIMD4<Double>(), SIMD4<Double>(), SIMD4<Double>())
        var i = 0
        while i + 4 <= n {
            let xi = load(x + i)
            s0 += xi * load(w0 + i)
            s1 += xi * load(w1 + i)
            s2 += xi * load(w2 + i)
            s3 += xi * load(w3 + i)
            i += 4
        }
        var result = SIMD4((s0[0] + s0[1]) + (s0[2] + s0[3]), (s1[0] + s1[1]) + (s1[2] + s1[3]),
                           (s2[0] + s2[1]) + (s2[2] + s2[3]), (s3[0] + s3[1]) + (s3[2] + s3[3]))
        while i < n {
            result += x[i] * SIMD4(w0[i], w1[i], w2[i], w3[i])
            i += 1
        }
        return result
    }

    /// y ← y + αx over n elements.
    @inline(__always)
    static func axpy(_ y: UnsafeMutablePointer<Double>, _ alpha: Double, _ x: UnsafePointer<Double>, _ n: Int) {
        let a = SIMD4<Double>(repeating: alpha)
        var i = 0
        while i + 4 <= n {
            UnsafeMutableRawPointer(y + i).storeBytes(of: load(y + i) + a * load(x + i), as: SIMD4<Double>.self)
            i += 4
        }
        while i < n {
            y[i] += alpha * x[i]
            i += 1
        }
    }

    /// y ← y + α₀x₀ + α₁x₁ + α₂x₂ + α₃x₃ over n elements: four axpys for one pass over y.
    @inline(__always)
    static func axpy4(_ y: UnsafeMutablePointer<Double>, _ alpha: SIMD4<Double>, _ x: UnsafePointer<Double>, stride: Int, _ n: Int) {
        let (a0, a1, a2, a3) = (SIMD4<Double>(repeating: alpha[0]), SIMD4<Double>(repeating: alpha[1]),
                                SIMD4<Double>(repeating: alpha[2]), SIMD4<Double>(repeating: alpha[3]))
        let (x0, x1, x2, x3) = (x, x + stride, x + 2 * stride, x + 3 * stride)
        var i = 0
        while i + 4 <= n {
            let sum = (a0 * load(x0 + i) + a1 * load(x1 + i)) + (a2 * load(x2 + i) + a3 * load(x3 + i))
            UnsafeMutableRawPointer(y + i).storeBytes(of: load(y + i) + sum, as: SIMD4<Double>.self)
            i += 4
        }
        while i < n {
            y[i] += (alpha[0] * x0[i] + alpha[1] * x1[i]) + (alpha[2] * x2[i] + alpha[3] * x3[i])
            i += 1
        }
    }

    /// Σᵢ xᵢ² over n elements.
    @inline(__always)
    static func sumOfSquares(_ x: UnsafePointer<Double>, _ n: Int) -> Double {
        dot(x, x, n)
    }

    @inline(__always)
    private static func load(_ p: UnsafePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
    }
}
