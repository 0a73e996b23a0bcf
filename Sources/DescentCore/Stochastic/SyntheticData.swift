/// Seeded one-feature data sets (x_i, y_i), i = 1…n, for the finite-sum objectives.
///
/// Both draw x_i ~ N(0, 1) from a ``Xoshiro256`` started at `seed`, so the same parameters always
/// give the same data.
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
