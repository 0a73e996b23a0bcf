extension BuiltinSurfaces {
    /// Goldstein–Price: a huge dynamic range (3 to ~10⁶ in view), one global minimum f(0, -1) = 3,
    /// three local minima, four saddles and a local maximum in [-2, 2]². All critical points in
    /// view are rational.
    static let goldsteinPrice = fixed(
        name: "goldstein_price", summary: "Goldstein–Price: a deep narrow minimum at (0, -1) among steep walls",
        formula: "(1 + (x + y + 1)^2 (19 - 14x + 3x^2 - 14y + 6xy + 3y^2))"
            + " (30 + (2x - 3y)^2 (18 - 32x + 12x^2 + 48y - 36xy + 27y^2))",
        view: ViewBox(x: -2...2, y: -2...2),
        critical: [
            CriticalPoint(x: 0, y: -1, kind: .globalMinimum),
            CriticalPoint(x: -0.6, y: -0.4, kind: .localMinimum),
            CriticalPoint(x: 1.8, y: 0.2, kind: .localMinimum),
            CriticalPoint(x: 1.2, y: 0.8, kind: .localMinimum),
            CriticalPoint(x: -0.4, y: -0.6, kind: .saddle),
            CriticalPoint(x: 1.2, y: -0.2, kind: .saddle),
            CriticalPoint(x: 1.4, y: 0.6, kind: .saddle),
            CriticalPoint(x: 0.6, y: 0.4, kind: .saddle),
            CriticalPoint(x: 0.8, y: 0.2, kind: .localMaximum),
        ],
        logScale: true, reference: "Goldstein & Price 1971", function: GoldsteinPrice())
}

/// Goldstein & Price (1971): f = [1 + (x + y + 1)²(19 - 14x + 3x² - 14y + 6xy + 3y²)]
/// · [30 + (2x - 3y)²(18 - 32x + 12x² + 48y - 36xy + 27y²)], minimum f(0, -1) = 3.
///
/// Evaluated in the equivalent form with t = x + y and d = 2x - 3y (the quadratic factors are
/// 19 - 14t + 3t² and 18 - 16d + 3d²): f = [1 + (t + 1)²(19 - 14t + 3t²)]·[30 + d²(18 - 16d + 3d²)].
struct GoldsteinPrice: SurfaceFormula {
    func callAsFunction<T: SurfaceScalar>(_ x: T, _ y: T) -> T {
        let t = x + y
        let d = 2 * x - 3 * y
        let s = t + 1
        let p: T = 19 - 14 * t + 3 * t * t
        let q: T = 18 - 16 * d + 3 * d * d
        let first: T = 1 + s * s * p
        let second: T = 30 + d * d * q
        return first * second
    }
}
