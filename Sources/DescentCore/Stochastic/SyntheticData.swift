/// Seeded one-feature data sets (x_i, y_i), i = 1…n, for the finite-sum objectives.
///
/// Both draw x_i ~ N(0, 1) from a ``Xoshiro256`` started at `seed`, so the same parameters always
/// give the same data.
public enum SyntheticData {
    /// Regression data: y_i = slope·x_i + intercept + noise·ε_i with ε_i ~ N(0, 1).
    public static func regression(count n: Int, slope: Double, intercept: Double, noise: Double, seed: UInt64)
        -> (x: [Double], y: [Double])
    {
        var generator = Xoshiro256(seed: seed)
        var xs: [Double] = [], ys: [Double] = []
        xs.reserveCapacity(n)
        ys.reserveCapacity(n)
        for _ in 0..<n {
            let x = generator.gaussian()
            xs.append(x)
            ys.append(slope * x + intercept + noise * generator.gaussian())
        }
        return (xs, ys)
    }

    /// Classification data from a logistic model: y_i = +1 with probability
    /// σ(slope·x_i + intercept), else −1 (σ the logistic function), decided by a uniform draw.
    public static func classification(count n: Int, slope: Double, intercept: Double, seed: UInt64)
        -> (x: [Double], y: [Double])
    {
        var generator = Xoshiro256(seed: seed)
        var xs: [Double] = [], ys: [Double] = []
        xs.reserveCapacity(n)
        ys.reserveCapacity(n)
        for _ in 0..<n {
            let x = generator.gaussian()
            xs.append(x)
            ys.append(generator.uniform() < LinearModelLoss.sigmoid(slope * x + intercept) ? 1 : -1)
        }
        return (xs, ys)
    }
}
