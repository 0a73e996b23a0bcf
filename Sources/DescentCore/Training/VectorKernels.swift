/// The small dense loops of the training engine written in Swift, on raw pointers so that the
/// training loop neither allocates nor checks bounds, in `SIMD2`/`SIMD4` registers (SSE2 on
/// x86-64, NEON on arm64). Multiplies and adds stay separate: `addingProduct` (a fused
/// multiply-add) becomes a call to libm's `fma` on x86-64 builds without the FMA instruction
/// set, which is many times slower. The matrix products are in ``Kernels`` and ``BLAS``.
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

    /// Σᵢ (aᵢ − bᵢ)² over n elements, with four interleaved partial sums.
    @inline(__always)
    static func squaredDistance(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ n: Int) -> Double {
        var sums = SIMD4<Double>()
        var i = 0
        while i + 4 <= n {
            let d = load(a + i) - load(b + i)
            sums += d * d
            i += 4
        }
        var s = (sums[0] + sums[1]) + (sums[2] + sums[3])
        while i < n {
            s += (a[i] - b[i]) * (a[i] - b[i])
            i += 1
        }
        return s
    }

    /// Whether all n elements are finite: Σᵢ (xᵢ − xᵢ) is 0 exactly then (x − x is NaN for an
    /// infinite or NaN x), summed without branches.
    @inline(__always)
    static func allFinite(_ x: UnsafePointer<Double>, _ n: Int) -> Bool {
        var sums = SIMD4<Double>()
        var i = 0
        while i + 4 <= n {
            let v = load(x + i)
            sums += v - v
            i += 4
        }
        var s = (sums[0] + sums[1]) + (sums[2] + sums[3])
        while i < n {
            s += x[i] - x[i]
            i += 1
        }
        return s == 0
    }

    /// Σᵢ xᵢ² over n elements.
    @inline(__always)
    static func sumOfSquares(_ x: UnsafePointer<Double>, _ n: Int) -> Double {
        dot(x, x, n)
    }

    /// y ← y + x over n elements.
    @inline(__always)
    static func add(_ x: UnsafePointer<Double>, to y: UnsafeMutablePointer<Double>, _ n: Int) {
        var i = 0
        while i + 4 <= n {
            store(load(y + i) + load(x + i), y + i)
            i += 4
        }
        while i < n {
            y[i] += x[i]
            i += 1
        }
    }

    /// yᵢ ← yᵢ where xᵢ > 0, else 0 (also for xᵢ = nan), over n elements, without branches
    /// (their outcome is a coin flip on ReLU preactivations).
    @inline(__always)
    static func keepWherePositive(_ y: UnsafeMutablePointer<Double>, _ x: UnsafePointer<Double>, _ n: Int) {
        var i = 0
        while i + 4 <= n {
            store(load(y + i).replacing(with: 0, where: .!(load(x + i) .> 0)), y + i)
            i += 4
        }
        while i < n {
            y[i] = x[i] > 0 ? y[i] : 0
            i += 1
        }
    }

    /// y = xᵀ: y[j·rows + i] = x[i·columns + j] for x of `rows`×`columns` (both row-major), two
    /// rows of x at a time, each pair of columns becoming two rows of y through one 2×2 swap;
    /// in bands of ``Kernels/block`` columns, so that the rows of y being written stay in cache.
    static func transpose(_ x: UnsafePointer<Double>, rows: Int, columns: Int, into y: UnsafeMutablePointer<Double>) {
        for j0 in stride(from: 0, to: columns, by: Kernels.block) {
            let end = min(j0 + Kernels.block, columns)
            var i = 0
            while i + 2 <= rows {
                let (x0, x1) = (x + i * columns, x + (i + 1) * columns)
                var j = j0
                while j + 2 <= end {
                    let top = UnsafeRawPointer(x0 + j).loadUnaligned(as: SIMD2<Double>.self)
                    let bottom = UnsafeRawPointer(x1 + j).loadUnaligned(as: SIMD2<Double>.self)
                    UnsafeMutableRawPointer(y + j * rows + i).storeBytes(of: SIMD2(top[0], bottom[0]), as: SIMD2<Double>.self)
                    UnsafeMutableRawPointer(y + (j + 1) * rows + i).storeBytes(of: SIMD2(top[1], bottom[1]), as: SIMD2<Double>.self)
                    j += 2
                }
                if j < end { (y[j * rows + i], y[j * rows + i + 1]) = (x0[j], x1[j]) }
                i += 2
            }
            if i < rows {
                for j in j0..<end { y[j * rows + i] = x[i * columns + j] }
            }
        }
    }

    @inline(__always)
    private static func load(_ p: UnsafePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
    }

    @inline(__always)
    private static func store(_ v: SIMD4<Double>, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Double>.self)
    }
}
