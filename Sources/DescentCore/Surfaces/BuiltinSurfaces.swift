/// A registered surface (parameterised surfaces such as the elongated bowl take hyperparameters).
public typealias SurfaceEntry = RegistryEntry<Surface>

/// The built-in test surfaces, with their standard published definitions (Surjanovic & Bingham,
/// *Virtual Library of Simulation Experiments*; Jamil & Yang 2013, *A literature survey of
/// benchmark functions for global optimization problems*), each with a default view and the
/// critical points inside it.
public enum BuiltinSurfaces {
    /// Every built-in surface, simplest first.
    public static let all: [SurfaceEntry] = [
        quadratic, elongatedBowl, saddle, monkeySaddle, booth, rosenbrock, beale, himmelblau,
        sixHumpCamel, goldsteinPrice, styblinskiTang, rastrigin, ackley,
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

extension CriticalPoint {
    /// The point reflected through the origin: the image for surfaces with f(-x, -y) = f(x, y).
    var negated: CriticalPoint { CriticalPoint(x: -x, y: -y, kind: kind) }
}
