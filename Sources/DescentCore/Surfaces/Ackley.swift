import RealModule

extension BuiltinSurfaces {
    /// Ackley in 2D: a nearly flat outer region riddled with local minima around a deep funnel.
    /// Only the global minimum is listed (the many local minima are not). The funnel's tip is a
    /// cone (f ∝ ‖(x, y)‖ near the origin), so f is not differentiable there; see ``Ackley``.
    static let ackley = fixed(
        name: "ackley", summary: "Ackley: a deep funnel at the origin in a field of ripples",
        formula: "-20exp(-0.2sqrt((x^2 + y^2)/2)) - exp((cos(2 pi x) + cos(2 pi y))/2) + 20 + e",
        view: ViewBox(x: -5...5, y: -5...5),
        critical: [CriticalPoint(x: 0, y: 0, kind: .globalMinimum)],
        reference: "Ackley 1987; Surjanovic & Bingham, VLSE", function: Ackley())
}

/// Ackley (a = 20, b = 0.2, c = 2π, d = 2):
/// f = -a exp(-b √(½(x² + y²))) - exp(½(cos cx + cos cy)) + a + e, minimum f(0, 0) = 0.
///
/// At exactly (0, 0) the radius r = √(½(x² + y²)) has no derivative (a cone's tip: forward-mode
/// AD of √ would give ∞·0 = NaN). There r is taken as the constant 0, so the radial term
/// contributes gradient 0 (a valid subgradient: the tip is its minimum) and Hessian 0; the
/// gradient and Hessian at the origin are then those of the cosine term, finite and positive
/// definite. Anywhere else derivatives are exact.
struct Ackley: SurfaceFormula {
    func callAsFunction<T: SurfaceScalar>(_ x: T, _ y: T) -> T {
        let c = T(2 * Double.pi)
        let squaredRadius = 0.5 * (x * x + y * y)
        let r = squaredRadius.primal > 0 ? sqrt(squaredRadius) : T(0)
        let radial = -20 * exp(-0.2 * r)
        let ripple = -exp(0.5 * (cos(c * x) + cos(c * y)))
        return radial + ripple + 20 + T(Double.exp(1))
    }
}
