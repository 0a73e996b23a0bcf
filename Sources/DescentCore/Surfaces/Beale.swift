extension BuiltinSurfaces {
    /// Beale's function: flat plateaus and steep ridges. Besides the minimum it has two saddles
    /// in the default view; along x = 0 it is constant (14.203125), which makes (0, 1) a saddle.
    static let beale = fixed(
        name: "beale", summary: "Beale's function: flat plateaus, steep ridges, minimum at (3, 0.5)",
        formula: "(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2",
        view: ViewBox(x: -4.5...4.5, y: -4.5...4.5),
        critical: [
            CriticalPoint(x: 3, y: 0.5, kind: .globalMinimum),
            CriticalPoint(x: 0, y: 1, kind: .saddle),
            CriticalPoint(x: 0.10053793732415836, y: -2.644513585023125, kind: .saddle),
        ],
        logScale: true, reference: "Beale 1958", function: Beale())
}

/// Beale (1958): f = (1.5 - x + xy)² + (2.25 - x + xy²)² + (2.625 - x + xy³)², minimum f(3, ½) = 0.
struct Beale: SurfaceFormula {
    func callAsFunction<T: SurfaceScalar>(_ x: T, _ y: T) -> T {
        let y2 = y * y
        let a = 1.5 - x + x * y
        let b = 2.25 - x + x * y2
        let c = 2.625 - x + x * y2 * y
        return a * a + b * b + c * c
    }
}
