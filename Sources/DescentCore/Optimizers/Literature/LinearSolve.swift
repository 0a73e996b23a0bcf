/// Dense linear systems for Newton's method.
enum LinearSolve {
    /// The solution of A·x = b for a row-major n×n `matrix` by Gaussian elimination with partial
    /// pivoting, or nil when A is singular for practical purposes — a pivot at most 1e-12 times
    /// the largest |Aᵢⱼ| — or when A, b or the result is not finite.
    static func solve(_ matrix: [Double], _ rhs: [Double]) -> [Double]? {
        let n = rhs.count
        guard matrix.count == n * n, n > 0 else { return n == 0 && matrix.isEmpty ? [] : nil }
        var a = matrix, b = rhs
        let scale = a.reduce(0) { Swift.max($0, Swift.abs($1)) }
        guard scale.isFinite, scale > 0, b.allSatisfy(\.isFinite) else { return nil }
        let tiny = 1e-12 * scale
        for col in 0..<n {
            let pivotRow = (col..<n).max { Swift.abs(a[$0 * n + col]) < Swift.abs(a[$1 * n + col]) } ?? col
            guard Swift.abs(a[pivotRow * n + col]) > tiny else { return nil }
            if pivotRow != col {
                for k in 0..<n { a.swapAt(col * n + k, pivotRow * n + k) }
                b.swapAt(col, pivotRow)
            }
            let pivot = a[col * n + col]
            for row in (col + 1)..<n {
                let factor = a[row * n + col] / pivot
                guard factor != 0 else { continue }
                for k in col..<n { a[row * n + k] -= factor * a[col * n + k] }
                b[row] -= factor * b[col]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[row]
            for k in (row + 1)..<n { sum -= a[row * n + k] * x[k] }
            x[row] = sum / a[row * n + row]
        }
        return x.allSatisfy(\.isFinite) ? x : nil
    }
}
