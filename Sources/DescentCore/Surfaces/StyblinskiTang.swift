extension BuiltinSurfaces {
    /// Styblinski–Tang in 2D: a 3 × 3 grid of critical points built from the three roots of
    /// 2t³ - 16t + 2.5 = 0 in each coordinate: four minima (one global), four saddles, one maximum.
    static let styblinskiTang: SurfaceEntry = {
        // The roots of d/dt ½(t⁴ - 16t² + 5t) = 2t³ - 16t + 2.5, correctly rounded.
        let deep = -2.903534027771177, shallow = 2.746802770990837, top = 0.1567312567803401
        func point(_ x: Double, _ y: Double, _ kind: CriticalPoint.Kind) -> CriticalPoint {
            CriticalPoint(x: x, y: y, kind: kind)
        }
        return fixed(
            name: "styblinski_tang", summary: "Styblinski–Tang: four minima on a grid, the deepest at (-2.9, -2.9)",
            formula: "(x^4 - 16x^2 + 5x + y^4 - 16y^2 + 5y) / 2", view: ViewBox(x: -5...5, y: -5...5),
            critical: [
                point(deep, deep, .globalMinimum),
                point(deep, shallow, .localMinimum), point(shallow, deep, .localMinimum),
                point(shallow, shallow, .localMinimum),
                point(top, deep, .saddle), point(deep, top, .saddle),
                point(top, shallow, .saddle), point(shallow, top, .saddle),
                point(top, top, .localMaximum),
            ],
            reference: "Styblinski & Tang 1990", function: StyblinskiTang())
    }()
}

/// Styblinski & Tang (1990), 2D: f = ½ Σᵢ (xᵢ⁴ - 16xᵢ² + 5xᵢ), minimum
/// f(-2.903534027771177, -2.903534027771177) = -78.33233140754282.
struct StyblinskiTang: SurfaceFormula {
    func callAsFunction<T: SurfaceScalar>(_ x: T, _ y: T) -> T {
        0.5 * (term(x) + term(y))
    }

    /// t⁴ - 16t² + 5t.
    private func term<T: SurfaceScalar>(_ t: T) -> T {
        let t2 = t * t
        return t2 * t2 - 16 * t2 + 5 * t
    }
}
