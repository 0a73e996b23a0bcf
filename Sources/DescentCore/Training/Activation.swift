import RealModule

/// The nonlinearity of a net's hidden layers, a = φ(z) elementwise, with its derivative for
/// backpropagation.
///
///     tanh:     φ(z) = tanh z,                 φ′ = 1 − a²
///     relu:     φ(z) = max(z, 0),              φ′ = 1 if z > 0 else 0   (0 at z = 0, as PyTorch)
///     sigmoid:  φ(z) = 1 / (1 + e^(−z)),       φ′ = a(1 − a)
///     gelu:     φ(z) = z·Φ(z) = ½z(1 + erf(z/√2)),   φ′ = Φ(z) + z·e^(−z²/2)/√(2π)
///
/// GELU is the exact (erf) form, `torch.nn.GELU()`'s default (Hendrycks & Gimpel 2016).
public enum Activation: String, Sendable, CaseIterable {
    case tanh, relu, sigmoid, gelu

    /// a = φ(z) for one value.
    @inline(__always)
    public func value(_ z: Double) -> Double {
        switch self {
        case .tanh: Double.tanh(z)
        case .relu: z > 0 ? z : 0
        case .sigmoid: Self.sigmoid(z)
        case .gelu: 0.5 * z * (1 + Double.erf(z * Self.inverseRoot2))
        }
    }

    /// φ′(z), given z and a = φ(z).
    @inline(__always)
    public func derivative(_ z: Double, _ a: Double) -> Double {
        switch self {
        case .tanh: 1 - a * a
        case .relu: z > 0 ? 1 : 0
        case .sigmoid: a * (1 - a)
        case .gelu: 0.5 * (1 + Double.erf(z * Self.inverseRoot2)) + z * Double.exp(-0.5 * z * z) * Self.inverseRoot2Pi
        }
    }

    /// a ← φ(z) over n values; tanh and the sigmoid's exponential through `kernels` (within
    /// 2 ulp of libm's, four at a time).
    @inline(__always)
    func apply(_ z: UnsafePointer<Double>, _ a: UnsafeMutablePointer<Double>, _ n: Int, kernels: Kernels) {
        switch self {
        case .tanh: kernels.tanh(z, a, n)
        case .relu: for i in 0..<n { a[i] = z[i] > 0 ? z[i] : 0 }
        case .sigmoid:
            // e = e^(−|z|), then 1 / (1 + e) for z ≥ 0 and e / (1 + e) below, as sigmoid(_:).
            for i in 0..<n { a[i] = -Swift.abs(z[i]) }
            kernels.exp(a, a, n)
            for i in 0..<n { a[i] = z[i] >= 0 ? 1 / (1 + a[i]) : a[i] / (1 + a[i]) }
        case .gelu: for i in 0..<n { a[i] = Activation.gelu.value(z[i]) }
        }
    }

    /// δ ← δ ⊙ φ′(z) over n values.
    @inline(__always)
    func backpropagate(_ delta: UnsafeMutablePointer<Double>, _ z: UnsafePointer<Double>, _ a: UnsafePointer<Double>, _ n: Int) {
        switch self {
        case .tanh: for i in 0..<n { delta[i] *= 1 - a[i] * a[i] }
        case .relu: VectorKernels.keepWherePositive(delta, z, n)
        case .sigmoid: for i in 0..<n { delta[i] *= a[i] * (1 - a[i]) }
        case .gelu: for i in 0..<n { delta[i] *= Activation.gelu.derivative(z[i], a[i]) }
        }
    }

    /// The logistic function 1 / (1 + e^(−z)), written so that neither branch overflows.
    @inline(__always)
    static func sigmoid(_ z: Double) -> Double {
        if z >= 0 { return 1 / (1 + Double.exp(-z)) }
        let e = Double.exp(z)
        return e / (1 + e)
    }

    private static let inverseRoot2 = 0.70710678118654752440
    private static let inverseRoot2Pi = 0.39894228040143267794
}
