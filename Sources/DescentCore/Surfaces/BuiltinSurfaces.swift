/// A registered surface (parameterised surfaces such as the elongated bowl take hyperparameters).
public typealias SurfaceEntry = RegistryEntry<Surface>

/// The built-in test surfaces, with their standard published definitions.
public enum BuiltinSurfaces {
    public static let all: [SurfaceEntry] = [
        fixed(name: "quadratic", summary: "the quadratic 5x² + 2xy + 3y² (∇f(1,1) = [12, 8])",
              formula: "5x^2 + 2xy + 3y^2", view: ViewBox(x: -2...2, y: -2...2),
              critical: [CriticalPoint(x: 0, y: 0, kind: .globalMinimum)], function: Quadratic()),
        fixed(name: "beale", summary: "Beale's function: flat plateaus, steep ridges, minimum at (3, 0.5)",
              formula: "(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2",
              view: ViewBox(x: -4.5...4.5, y: -4.5...4.5),
              critical: [CriticalPoint(x: 3, y: 0.5, kind: .globalMinimum)], logScale: true, function: Beale()),
        fixed(name: "rosenbrock", summary: "Rosenbrock's banana valley, minimum at (1, 1)",
              formula: "(1 - x)^2 + 100(y - x^2)^2", view: ViewBox(x: -2...2, y: -1...3),
              critical: [CriticalPoint(x: 1, y: 1, kind: .globalMinimum)], logScale: true, function: Rosenbrock()),
    ]

    /// An entry for a surface without hyperparameters.
    static func fixed<F: SurfaceFormula>(
        name: String, summary: String, formula: String, view: ViewBox, critical: [CriticalPoint],
        logScale: Bool = false, reference: String = "", function: F
    ) -> SurfaceEntry {
        let surface = Surface(name: name, summary: summary, formula: formula, viewBox: view,
                              criticalPoints: critical, prefersLogScale: logScale, function: function)
        return SurfaceEntry(name: name, summary: summary, reference: reference, parameters: []) { _ in surface }
    }
}

/// f = 5x² + 2xy + 3y², ∇f = (10x + 2y, 2x + 6y).
struct Quadratic: SurfaceFormula {
    func callAsFunction<T: SurfaceScalar>(_ x: T, _ y: T) -> T {
        5 * x * x + 2 * x * y + 3 * y * y
    }
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

/// Rosenbrock (1960): f = (1 - x)² + 100(y - x²)², minimum f(1, 1) = 0.
struct Rosenbrock: SurfaceFormula {
    func callAsFunction<T: SurfaceScalar>(_ x: T, _ y: T) -> T {
        let a = 1 - x
        let b = y - x * x
        return a * a + 100 * b * b
    }
}
