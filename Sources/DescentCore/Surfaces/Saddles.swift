extension BuiltinSurfaces {
    /// x² - y²: the textbook saddle, where gradient descent stalls unless nudged off the x axis.
    static let saddle = fixed(
        name: "saddle", summary: "the saddle x² - y²: a stationary point that is no minimum",
        formula: "x^2 - y^2", view: ViewBox(x: -2...2, y: -2...2),
        critical: [CriticalPoint(x: 0, y: 0, kind: .saddle)], function: Saddle())

    /// x³ - 3xy²: the monkey saddle. Its only critical point, the origin, is degenerate (∇²f = 0):
    /// the Hessian cannot classify it; f takes both signs arbitrarily close to it.
    static let monkeySaddle = fixed(
        name: "monkey_saddle", summary: "the monkey saddle x³ - 3xy²: a flat saddle with zero Hessian",
        formula: "x^3 - 3xy^2", view: ViewBox(x: -2...2, y: -2...2),
        critical: [CriticalPoint(x: 0, y: 0, kind: .saddle)], function: MonkeySaddle())
}

/// f = x² - y², ∇f = (2x, -2y), ∇²f = diag(2, -2).
struct Saddle: SurfaceFormula {
    func callAsFunction<T: SurfaceScalar>(_ x: T, _ y: T) -> T {
        x * x - y * y
    }
}

/// f = x³ - 3xy² = Re (x + iy)³, ∇f = (3x² - 3y², -6xy), ∇²f = [[6x, -6y], [-6y, -6x]].
struct MonkeySaddle: SurfaceFormula {
    func callAsFunction<T: SurfaceScalar>(_ x: T, _ y: T) -> T {
        x * x * x - 3 * x * y * y
    }
}
