extension BuiltinSurfaces {
    /// 5x² + 2xy + 3y²: a tilted bowl, minimum at the origin.
    static let quadratic = fixed(
        name: "quadratic", summary: "the quadratic 5x² + 2xy + 3y² (∇f(1,1) = [12, 8])",
        formula: "5x^2 + 2xy + 3y^2", view: ViewBox(x: -2...2, y: -2...2),
        critical: [CriticalPoint(x: 0, y: 0, kind: .globalMinimum)], function: Quadratic())
}

/// f = 5x² + 2xy + 3y², ∇f = (10x + 2y, 2x + 6y), ∇²f = [[10, 2], [2, 6]].
struct Quadratic: SurfaceFormula {
    func callAsFunction<T: SurfaceScalar>(_ x: T, _ y: T) -> T {
        5 * x * x + 2 * x * y + 3 * y * y
    }
}
