/// The dense loops of the training engine, on raw pointers so that the training loop neither
/// allocates nor checks bounds, in `SIMD2`/`SIMD4` registers (SSE2 on x86-64, NEON on arm64).
/// Multiplies and adds stay separate: `addingProduct` (a fused multiply-add) becomes a call to
/// libm's `fma` on x86-64 builds without the FMA instruction set, which is many times slower.
///
/// The matrix product keeps 16 outputs in registers while it runs through the nonzero terms of
/// their sums, so that its loop is bound by multiplies and adds rather than by loads and
/// stores. It sums in a different order from the naive loops.
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

    /// What C starts from in ``multiply(rows:columns:depth:_:aRowStride:aDepthStride:_:into:from:terms:)``:
    /// 0, C itself, or 1bᵀ (the vector b in every row).
    enum Start {
        case zero, accumulate
        case rowVector(UnsafePointer<Double>)
    }

    /// Room for the nonzero entries of A within a block of k, up to ``block`` per row for up to
    /// `rows` rows: their values, the offsets of the rows of B they multiply and their count
    /// per row.
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

    /// C = C₀ + A B, i.e. C[i][j] = C₀[i][j] + Σₖ A(i, k)·B[k][j] over the k where A(i, k) ≠ 0,
    /// for C of `rows`×`columns` (row-major, contiguous), A(i, k) = a[i·aRowStride + k·aDepthStride]
    /// (so A or Aᵀ stored row-major) and B of `depth` ≥ 1 rows of `columns` (row-major, contiguous).
    ///
    /// Each row's nonzero A(i, k) are gathered into `terms` (without branches), then 16 outputs
    /// at a time (8 `SIMD2` registers) take Σ A(i, k)·B[k][j..<j+16] over them, so the zeros of
    /// A (ReLU's inactive units in a or δ) cost nothing; skipping 0·B[k][j] changes no sum for
    /// finite B. Large products go in blocks of 64 k × 64 j, so that the block of B that every
    /// row reads stays in the L1 cache; `terms` needs room for `rows` rows.
    static func multiply(rows: Int, columns: Int, depth: Int, _ a: UnsafePointer<Double>, aRowStride: Int, aDepthStride: Int,
                         _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>, from start: Start, terms: RowTerms) {
        precondition(rows <= terms.rows, "room for the terms of \(terms.rows) rows, not \(rows)")
        for k0 in stride(from: 0, to: depth, by: block) {
            let blockDepth = min(block, depth - k0)
            let blockStart = k0 == 0 ? start : .accumulate
            for i in 0..<rows {
                terms.counts[i] = gather(a + i * aRowStride + k0 * aDepthStride, stride: aDepthStride, blockDepth,
                                         rowLength: columns, into: terms.values + i * block, terms.offsets + i * block)
            }
            let rowsOfB = b + k0 * columns
            for j0 in stride(from: 0, to: columns, by: block) {
                let blockEnd = min(j0 + block, columns)
                for i in 0..<rows {
                    let out = c + i * columns
                    // 16 lanes at a time, then 4, 2 and 1 (a SIMD2 with a zero lane) at the edge.
                    var j = j0
                    while j + 16 <= blockEnd {
                        rowBlock(out, j, 16, blockStart, terms, i, rowsOfB) { UnsafeRawPointer($0).loadUnaligned(as: SIMD16<Double>.self) }
                        j += 16
                    }
                    while j + 4 <= blockEnd {
                        rowBlock(out, j, 4, blockStart, terms, i, rowsOfB) { load($0) }
                        j += 4
                    }
                    if j + 2 <= blockEnd {
                        rowBlock(out, j, 2, blockStart, terms, i, rowsOfB) { UnsafeRawPointer($0).loadUnaligned(as: SIMD2<Double>.self) }
                        j += 2
                    }
                    if j < blockEnd {
                        rowBlock(out, j, 1, blockStart, terms, i, rowsOfB) { SIMD2($0[0], 0) }
                    }
                }
            }
        }
    }

    /// The side of ``multiply(rows:columns:depth:_:aRowStride:aDepthStride:_:into:from:terms:)``'s blocks.
    static let block = 64

    /// Gathers the nonzero ones of the n values x[k·stride] into `values`, with the offsets
    /// k·rowLength of the rows of B they multiply into `offsets`; returns how many.
    @inline(__always)
    private static func gather(_ x: UnsafePointer<Double>, stride: Int, _ n: Int, rowLength: Int,
                               into values: UnsafeMutablePointer<Double>, _ offsets: UnsafeMutablePointer<Int>) -> Int {
        var count = 0
        var entry = x
        for k in 0..<n {
            let value = entry.pointee
            values[count] = value
            offsets[count] = k &* rowLength
            count &+= value != 0 ? 1 : 0
            entry += stride
        }
        return count
    }

    /// C[i][j..<j+width] = C₀ + Σₜ valueₜ·B[kₜ][j..<j+width] over row i's terms, for the row of
    /// C at `row` and B from the block's first row, in the `V.scalarCount` lanes (≥ width) that
    /// `load` reads.
    @inline(__always)
    private static func rowBlock<V: SIMD>(_ row: UnsafeMutablePointer<Double>, _ j: Int, _ width: Int, _ start: Start,
                                          _ terms: RowTerms, _ i: Int, _ b: UnsafePointer<Double>,
                                          _ load: (UnsafePointer<Double>) -> V) where V.Scalar == Double {
        let out = row + j, columns = b + j
        let values = terms.values + i * block, offsets = terms.offsets + i * block
        var sum: V = switch start {
        case .zero: V()
        case .accumulate: load(out)
        case .rowVector(let vector): load(vector + j)
        }
        for t in 0..<terms.counts[i] { sum += values[t] * load(columns + offsets[t]) }
        if width == V.scalarCount {
            UnsafeMutableRawPointer(out).storeBytes(of: sum, as: V.self)
        } else {
            for q in 0..<width { out[q] = sum[q] }
        }
    }

    /// y = xᵀ: y[j·rows + i] = x[i·columns + j] for x of `rows`×`columns` (both row-major), two
    /// rows of x at a time, each pair of columns becoming two rows of y through one 2×2 swap;
    /// in bands of 64 columns, so that the rows of y being written stay in cache.
    static func transpose(_ x: UnsafePointer<Double>, rows: Int, columns: Int, into y: UnsafeMutablePointer<Double>) {
        for j0 in stride(from: 0, to: columns, by: block) {
            let end = min(j0 + block, columns)
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
