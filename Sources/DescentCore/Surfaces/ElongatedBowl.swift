import RealModule

extension BuiltinSurfaces {
    /// The elongated bowl: a quadratic whose curvature differs by the factor κ between its two
    /// axes, rotated by an angle. The classic picture of ill-conditioning: plain gradient descent
    /// zig-zags across the steep direction and crawls along the shallow one.
    static let elongatedBowl = SurfaceEntry(
        name: "elongated_bowl",
        summary: "an elongated quadratic bowl: condition number κ, axes rotated by an angle",
        reference: "",
        parameters: [
            .real("condition", 10, .atLeast(1), "κ: curvature of the steep axis over the shallow one (the Hessian's condition number)"),
            .real("angle", 0, .any, "rotation of the shallow axis from the x axis, in degrees (counter-clockwise)"),
        ]
    ) { configuration in
        let bowl = ElongatedBowl(condition: configuration.number("condition"), degrees: configuration.number("angle"))
        return Surface(
            name: "elongated_bowl", summary: "an elongated quadratic bowl (κ = \(formatNumber(bowl.condition)))",
            formula: bowl.formulaText, viewBox: ViewBox(x: -5...5, y: -5...5),
            criticalPoints: [CriticalPoint(x: 0, y: 0, kind: .globalMinimum)], function: bowl)
    }
}

/// f = ½(u² + κv²) with (u, v) the point (x, y) rotated by -θ:
/// u = x cos θ + y sin θ, v = -x sin θ + y cos θ.
///
/// The shallow axis (curvature 1) points along the angle θ, the steep one (curvature κ) across
/// it, so ∇²f = R(θ) diag(1, κ) R(θ)ᵀ with eigenvalues 1 and κ everywhere; minimum f(0, 0) = 0.
/// At θ = 0 this is ½x² + ½κy².
struct ElongatedBowl: SurfaceFormula {
    let condition: Double
    let degrees: Double
    private let cosine: Double
    private let sine: Double

    init(condition: Double, degrees: Double) {
        self.condition = condition
        self.degrees = degrees
        let radians = degrees * Double.pi / 180
        cosine = Double.cos(radians)
        sine = Double.sin(radians)
    }

    func callAsFunction<T: SurfaceScalar>(_ x: T, _ y: T) -> T {
        let c = T(cosine), s = T(sine)
        let u = c * x + s * y
        let v = c * y - s * x
        return 0.5 * (u * u + T(condition) * v * v)
    }

    /// The formula in conventional notation with κ and θ filled in.
    var formulaText: String {
        let kappa = formatNumber(condition)
        guard degrees != 0 else { return "0.5(x^2 + \(kappa)y^2)" }
        let theta = formatNumber(degrees)
        return "0.5(u^2 + \(kappa)v^2), u = x cos θ + y sin θ, v = y cos θ - x sin θ, θ = \(theta)°"
    }
}
