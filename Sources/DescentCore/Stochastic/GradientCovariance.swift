/// The covariance of a stochastic gradient of two parameters, the symmetric matrix
/// [[xx, xy], [xy, yy]].
public struct GradientCovariance: Sendable, Equatable {
    public var xx: Double
    public var xy: Double
    public var yy: Double

    public init(xx: Double, xy: Double, yy: Double) { self.xx = xx; self.xy = xy; self.yy = yy }

    /// tr C = C_xx + C_yy: the total variance E‖g − E g‖².
    public var trace: Double { xx + yy }

    /// The standard deviation σ per coordinate of isotropic noise σ·ξ, ξ ~ N(0, I₂), with the same
    /// total variance: 2σ² = tr C, so σ = √(tr C / 2). Comparing SGD with this noise isolates the
    /// effect of the noise's shape (Zhu, Wu, Yu, Wu & Ma 2019, "The Anisotropic Noise in
    /// Stochastic Gradient Descent", ICML; Xing, Arpit, Tsirigotis & Bengio 2018, "A Walk with
    /// SGD").
    public var isotropicStandardDeviation: Double { (trace / 2).squareRoot() }

    /// c·C.
    public func scaled(by c: Double) -> GradientCovariance {
        GradientCovariance(xx: c * xx, xy: c * xy, yy: c * yy)
    }
}
