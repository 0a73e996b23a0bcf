import RealModule

extension BuiltinSurfaces {
    /// Rastrigin in 2D: a bowl covered in a regular egg-box of local minima (roughly one per
    /// integer point). Only the global minimum is listed: the ~120 local minima, saddles and
    /// maxima in view are not.
    static let rastrigin = fixed(
        name: "rastrigin", summary: "Rastrigin: an egg-box of local minima around the global one at the origin",
        formula: "20 + x^2 - 10cos(2 pi x) + y^2 - 10cos(2 pi y)", view: ViewBox(x: -5.12...5.12, y: -5.12...5.12),
        critical: [CriticalPoint(x: 0, y: 0, kind: .globalMinimum)],
        reference: "Rastrigin 1974; Surjanovic & Bingham, VLSE", function: Rastrigin())
}

/// Rastrigin (A = 10, d = 2): f = 2A + Σᵢ (xᵢ² - A cos 2πxᵢ), minimum f(0, 0) = 0.
struct Rastrigin: SurfaceFormula {
    func callAsFunction<T: SurfaceScalar>(_ x: T, _ y: T) -> T {
        20 + term(x) + term(y)
    }

    /// t² - A cos 2πt.
    private func term<T: SurfaceScalar>(_ t: T) -> T {
        t * t - 10 * cos(T(2 * Double.pi) * t)
    }
}
