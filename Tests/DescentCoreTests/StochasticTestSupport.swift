/// Sample statistics for the statistical tests of the stochastic scenarios.
///
/// Bounds are in standard errors: for M i.i.d. draws the sample mean has standard error
/// σ/√M, and a sample (co)variance Ŝ_ab = mean((z_a − z̄_a)(z_b − z̄_b)) has standard error
/// sd((z_a − z̄_a)(z_b − z̄_b))/√M (for Gaussian z and a = b that is σ²√(2/M)). With fixed seeds
/// every test is deterministic; 5 standard errors would be exceeded by chance with probability
/// below 10⁻⁶ per check under normality, so a failure means a wrong mean or variance, not bad luck.
enum SampleStatistics {
    /// The mean of each coordinate of `draws` (each of dimension d).
    static func mean(_ draws: [[Double]]) -> [Double] {
        let d = draws[0].count, m = Double(draws.count)
        return (0..<d).map { j in draws.reduce(0) { $0 + $1[j] } / m }
    }

    /// The sample covariance entry (a, b) with 1/M normalisation, and its standard error.
    static func covariance(_ draws: [[Double]], _ a: Int, _ b: Int) -> (value: Double, standardError: Double) {
        let mu = mean(draws), m = Double(draws.count)
        let products = draws.map { ($0[a] - mu[a]) * ($0[b] - mu[b]) }
        let value = products.reduce(0, +) / m
        let spread = products.reduce(0) { $0 + ($1 - value) * ($1 - value) } / (m - 1)
        return (value, (spread / m).squareRoot())
    }
}
