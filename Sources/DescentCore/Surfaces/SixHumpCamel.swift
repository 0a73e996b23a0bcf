extension BuiltinSurfaces {
    /// The six-hump camel: two global and four local minima, seven saddles and two maxima in
    /// [-2, 2] × [-1, 1]. The function is even under (x, y) → (-x, -y), so points come in pairs.
    static let sixHumpCamel: SurfaceEntry = {
        let half: [CriticalPoint] = [
            CriticalPoint(x: 0.08984201310031806, y: -0.7126564030207396, kind: .globalMinimum),
            CriticalPoint(x: 1.703606714969981, y: -0.7960835686726251, kind: .localMinimum),
            CriticalPoint(x: 1.6071047529201972, y: 0.5686514548841314, kind: .localMinimum),
            CriticalPoint(x: 1.1092053368047865, y: -0.7682680925095399, kind: .saddle),
            CriticalPoint(x: 1.6380679841897785, y: 0.22867406904439408, kind: .saddle),
            CriticalPoint(x: 1.2960702671671092, y: 0.6050843880386585, kind: .saddle),
            CriticalPoint(x: 1.2302298765166526, y: 0.16233458445899496, kind: .localMaximum),
        ]
        return fixed(
            name: "six_hump_camel", summary: "the six-hump camel: two global and four local minima",
            formula: "(4 - 2.1x^2 + x^4/3)x^2 + xy + (-4 + 4y^2)y^2", view: ViewBox(x: -2...2, y: -1...1),
            critical: half + [CriticalPoint(x: 0, y: 0, kind: .saddle)] + half.map(\.negated),
            reference: "Dixon & Szegő 1978; Surjanovic & Bingham, VLSE", function: SixHumpCamel())
    }()
}

/// Six-hump camel: f = (4 - 2.1x² + x⁴/3)x² + xy + (-4 + 4y²)y², global minima
/// f(±0.0898, ∓0.7127) = -1.0316284534898774.
struct SixHumpCamel: SurfaceFormula {
    func callAsFunction<T: SurfaceScalar>(_ x: T, _ y: T) -> T {
        let x2 = x * x
        let y2 = y * y
        let a = (4 - 2.1 * x2 + x2 * x2 / 3) * x2
        let b = (-4 + 4 * y2) * y2
        return a + x * y + b
    }
}
