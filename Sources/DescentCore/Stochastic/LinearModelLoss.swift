import RealModule

/// The loss ℓ(u; y) of one sample of a two-parameter linear model, as a function of the
/// prediction u = w·x + b.
///
/// - ``squared``: ℓ = ½(u − y)², ℓ′ = u − y, ℓ″ = 1 (least squares).
/// - ``logistic``: labels y ∈ {−1, +1}, ℓ = log(1 + e^{−y·u}) = softplus(−y·u),
///   ℓ′ = −y·σ(−y·u), ℓ″ = σ(u)(1 − σ(u)) with σ(t) = 1/(1 + e^{−t}) (logistic regression).
///
/// The per-sample loss of a ``FiniteSumObjective`` is f_i(w, b) = ℓ(w·x_i + b; y_i) + (λ/2)(w² + b²),
/// so by the chain rule ∇f_i = ℓ′(u_i)·(x_i, 1) + λ·(w, b).
public enum LinearModelLoss: String, Sendable, Equatable {
    case squared
    case logistic

    /// ℓ(u; y) over any ``SurfaceScalar`` (so a finite sum of these is a ``SurfaceFormula`` with
    /// exact AD gradient and Hessian). softplus is applied through `chain` with its exact value,
    /// first and second derivatives, computed without overflow.
    @inlinable
    public func value<T: SurfaceScalar>(_ u: T, label y: Double) -> T {
        switch self {
        case .squared:
            let r = u - T(y)
            return 0.5 * r * r
        case .logistic:
            let t = T(-y) * u
            let s = LinearModelLoss.sigmoid(t.primal)
            return t.chain(LinearModelLoss.softplus(t.primal), s, s * (1 - s))
        }
    }

    /// ℓ′(u; y) = ∂ℓ/∂u.
    @inlinable
    public func derivative(_ u: Double, label y: Double) -> Double {
        switch self {
        case .squared: return u - y
        case .logistic: return -y * LinearModelLoss.sigmoid(-y * u)
        }
    }

    /// σ(t) = 1/(1 + e^{−t}), evaluated on the side where the exponential cannot overflow.
    @inlinable
    static func sigmoid(_ t: Double) -> Double {
        if t >= 0 { return 1 / (1 + Double.exp(-t)) }
        let e = Double.exp(t)
        return e / (1 + e)
    }

    /// softplus(t) = log(1 + e^t) = max(t, 0) + log(1 + e^{−|t|}).
    @inlinable
    static func softplus(_ t: Double) -> Double {
        Swift.max(t, 0) + Double.log(onePlus: Double.exp(-Swift.abs(t)))
    }
}
