extension BuiltinSurfaces {
    /// Himmelblau's function: four global minima (f = 0), one local maximum and four saddles.
    static let himmelblau = fixed(
        name: "himmelblau", summary: "Himmelblau's function: four equal minima, which one do you reach?",
        formula: "(x^2 + y - 11)^2 + (x + y^2 - 7)^2", view: ViewBox(x: -5...5, y: -5...5),
        critical: [
            CriticalPoint(x: 3, y: 2, kind: .globalMinimum),
            CriticalPoint(x: -2.805118086952745, y: 3.131312518250573, kind: .globalMinimum),
            CriticalPoint(x: -3.779310253377747, y: -3.2831859912861696, kind: .globalMinimum),
            CriticalPoint(x: 3.5844283403304917, y: -1.8481265269644036, kind: .globalMinimum),
            CriticalPoint(x: -0.2708445906673476, y: -0.9230385564799815, kind: .localMaximum),
            CriticalPoint(x: 3.385154183607021, y: 0.07385187983774928, kind: .saddle),
            CriticalPoint(x: 0.08667750455539636, y: 2.884254701174776, kind: .saddle),
            CriticalPoint(x: -3.0730257507643897, y: -0.08135304428796751, kind: .saddle),
            CriticalPoint(x: -0.12796134673068008, y: -1.9537149802445763, kind: .saddle),
        ],
        logScale: true, reference: "Himmelblau 1972", function: Himmelblau())
}

/// Himmelblau (1972): f = (x² + y - 11)² + (x + y² - 7)², minima f = 0 at (3, 2) and three
/// irrational points.
struct Himmelblau: SurfaceFormula {
    func callAsFunction<T: SurfaceScalar>(_ x: T, _ y: T) -> T {
        let a = x * x + y - 11
        let b = x + y * y - 7
        return a * a + b * b
    }
}
