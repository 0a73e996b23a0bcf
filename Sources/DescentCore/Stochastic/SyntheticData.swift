/// Seeded data sets for the finite-sum objectives: one-feature sets (x_i, y_i), i = 1…n, and
/// the sparse rows of ``sparse(count:overlap:noise:seed:)``.
///
/// The one-feature sets draw x_i ~ N(0, 1) from a ``Xoshiro256`` started at `seed`, so the same
/// parameters always give the same data.
public enum SyntheticData {
    /// Regression data: y_i = slope·x_i + intercept + noise·ε_i with ε_i ~ N(0, 1).
    public static func regression(count n: Int, slope: Double, intercept: Double, noise: Double, seed: UInt64)
        -> (x: [Double], y: [Double])
    {
        samples(count: n, seed: seed) { x, generator in slope * x + intercept + noise * generator.gaussian() }
    }

    /// Classification data from a logistic model: y_i = +1 with probability
    /// σ(slope·x_i + intercept), else −1 (σ the logistic function), decided by a uniform draw.
    public static func classification(count n: Int, slope: Double, intercept: Double, seed: UInt64)
        -> (x: [Double], y: [Double])
    {
        samples(count: n, seed: seed) { x, generator in
            generator.uniform() < LinearModelLoss.sigmoid(slope * x + intercept) ? 1 : -1
        }
    }

    /// Sparse least-squares data on θ = (θ₁, θ₂) (for Hogwild!): sample i touches both
    /// coordinates with probability `overlap`, else θ₁ or θ₂ with equal probability; its row a_i
    /// is zero off that support and 1 + ½ξ, ξ ~ N(0, 1), on it, and its label
    /// b_i = a_iᵀθ° + noise·ε, θ° = (1, −1), ε ~ N(0, 1) — all from one generator, sample by
    /// sample in that order. Rows row-major, two per sample.
    public static func sparse(count n: Int, overlap: Double, noise: Double, seed: UInt64) -> (rows: [Double], labels: [Double]) {
        var generator = Xoshiro256(seed: seed)
        var rows: [Double] = [], labels: [Double] = []
        rows.reserveCapacity(2 * n)
        labels.reserveCapacity(n)
        for _ in 0..<n {
            let support: [Int] = generator.uniform() < overlap ? [0, 1] : (generator.uniform() < 0.5 ? [0] : [1])
            var row = [0.0, 0.0]
            for j in support { row[j] = 1 + 0.5 * generator.gaussian() }
            rows += row
            labels.append(row[0] - row[1] + noise * generator.gaussian())
        }
        return (rows, labels)
    }

    /// n pairs: x_i ~ N(0, 1), then y_i = label(x_i) with the same generator (drawn in that order).
    private static func samples(count n: Int, seed: UInt64, label: (Double, inout Xoshiro256) -> Double)
        -> (x: [Double], y: [Double])
    {
        var generator = Xoshiro256(seed: seed)
        var xs: [Double] = [], ys: [Double] = []
        xs.reserveCapacity(n)
        ys.reserveCapacity(n)
        for _ in 0..<n {
            let x = generator.gaussian()
            xs.append(x)
            ys.append(label(x, &generator))
        }
        return (xs, ys)
    }
}
