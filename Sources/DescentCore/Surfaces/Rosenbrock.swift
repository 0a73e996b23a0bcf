extension BuiltinSurfaces {
    /// Rosenbrock's banana valley: easy to find, slow to follow.
    static let rosenbrock = fixed(
        name: "rosenbrock", summary: "Rosenbrock's banana valley, minimum at (1, 1)",
        formula: "(1 - x)^2 + 100(y - x^2)^2", view: ViewBox(x: -2...2, y: -1...3),
        critical: [CriticalPoint(x: 1, y: 1, kind: .globalMinimum)], logScale: true,
        reference: "Rosenbrock 1960", function: Rosenbrock())
}

/// Rosenbrock (1960): f = (1 - x)² + 100(y - x²)², minimum f(1, 1) = 0 (its only critical point).
struct Rosenbrock: SurfaceFormula {
    func callAsFunction<T: SurfaceScalar>(_ x: T, _ y: T) -> T {
        let a = 1 - x
        let b = y - x * x
        return a * a + 100 * b * b
    }
}
