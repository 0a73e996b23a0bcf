extension BuiltinSurfaces {
    /// Booth's function: a convex quadratic with a tilted, mildly elongated bowl.
    static let booth = fixed(
        name: "booth", summary: "Booth's function: a tilted quadratic bowl, minimum at (1, 3)",
        formula: "(x + 2y - 7)^2 + (2x + y - 5)^2", view: ViewBox(x: -10...10, y: -10...10),
        critical: [CriticalPoint(x: 1, y: 3, kind: .globalMinimum)],
        reference: "Jamil & Yang 2013, f12", function: Booth())
}

/// Booth: f = (x + 2y - 7)² + (2x + y - 5)², minimum f(1, 3) = 0; ∇²f = [[10, 8], [8, 10]].
struct Booth: SurfaceFormula {
    func callAsFunction<T: SurfaceScalar>(_ x: T, _ y: T) -> T {
        let a = x + 2 * y - 7
        let b = 2 * x + y - 5
        return a * a + b * b
    }
}
