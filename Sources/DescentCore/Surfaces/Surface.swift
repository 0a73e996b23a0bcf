/// A formula f(x, y), written once and generically so that it can be evaluated over `Double`,
/// ``Dual2`` (value and gradient) and ``Jet2`` (value, gradient and Hessian).
public protocol SurfaceFormula: Sendable {
    func callAsFunction<T: SurfaceScalar>(_ x: T, _ y: T) -> T
}

/// The rectangle of the plane a surface is shown in by default.
public struct ViewBox: Sendable, Equatable {
    public var x: ClosedRange<Double>
    public var y: ClosedRange<Double>
    public init(x: ClosedRange<Double>, y: ClosedRange<Double>) { self.x = x; self.y = y }
}

/// The symmetric 2x2 Hessian [[xx, xy], [xy, yy]].
public struct Hessian2: Sendable, Equatable {
    public var xx: Double
    public var xy: Double
    public var yy: Double
    public init(xx: Double, xy: Double, yy: Double) { self.xx = xx; self.xy = xy; self.yy = yy }
}

/// A known stationary point of a surface (∇f = 0), for markers and convergence checks.
public struct CriticalPoint: Sendable, Equatable {
    /// The classification by the Hessian's eigenvalues (or by higher order, for degenerate points).
    public enum Kind: String, Sendable, CaseIterable {
        case globalMinimum = "global minimum"
        case localMinimum = "local minimum"
        case saddle
        case localMaximum = "local maximum"

        /// Whether a run that ends here has converged to a minimum.
        public var isMinimum: Bool { self == .globalMinimum || self == .localMinimum }
    }
    public var x: Double
    public var y: Double
    public var kind: Kind
    public init(x: Double, y: Double, kind: Kind) { self.x = x; self.y = y; self.kind = kind }
}

/// A 2D test surface: f(x, y) with exact gradient and Hessian, a default view and its known
/// critical points.
///
/// Derivatives come from forward-mode automatic differentiation of the one generic formula, so
/// they are exact to rounding.
public struct Surface: Sendable {
    /// The registry name (`beale`) or, for a custom surface, the expression text.
    public let name: String
    /// One line for listings.
    public let summary: String
    /// The formula in conventional notation, e.g. `(1.5 - x + xy)^2 + ...`.
    public let formula: String
    public let viewBox: ViewBox
    public let criticalPoints: [CriticalPoint]
    /// Whether plots should colour by log(f - f_min): true for surfaces with a huge dynamic range.
    public let prefersLogScale: Bool
    /// The samples when f is a finite sum (``FiniteSumObjective/surface``), carried by ``oracle``.
    public let samples: (any SampledObjective)?

    private let evaluateValue: @Sendable (Double, Double) -> Double
    private let evaluateGradient: @Sendable (Double, Double) -> Dual2
    private let evaluateHessian: @Sendable (Double, Double) -> Jet2

    public init<F: SurfaceFormula>(
        name: String, summary: String, formula: String, viewBox: ViewBox,
        criticalPoints: [CriticalPoint] = [], prefersLogScale: Bool = false, samples: (any SampledObjective)? = nil,
        function: F
    ) {
        self.samples = samples
        self.name = name
        self.summary = summary
        self.formula = formula
        self.viewBox = viewBox
        self.criticalPoints = criticalPoints
        self.prefersLogScale = prefersLogScale
        evaluateValue = { x, y in function(x, y) }
        evaluateGradient = { x, y in function(Dual2.x(x), Dual2.y(y)) }
        evaluateHessian = { x, y in function(Jet2.x(x), Jet2.y(y)) }
    }

    /// f(x, y) alone (the cheapest evaluation: for sampling the field).
    public func value(_ x: Double, _ y: Double) -> Double { evaluateValue(x, y) }

    /// f(x, y) and ∇f(x, y) in one forward pass.
    public func valueAndGradient(_ x: Double, _ y: Double) -> Dual2 { evaluateGradient(x, y) }

    /// ∇f(x, y) = (∂f/∂x, ∂f/∂y).
    public func gradient(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
        let d = evaluateGradient(x, y)
        return (d.dx, d.dy)
    }

    /// ∇²f(x, y).
    public func hessian(_ x: Double, _ y: Double) -> Hessian2 {
        let j = evaluateHessian(x, y)
        return Hessian2(xx: j.dxx, xy: j.dxy, yy: j.dyy)
    }

    /// The minimum of f over the known minima (nil when none is known).
    public var minimumValue: Double? {
        criticalPoints.filter { $0.kind.isMinimum }.map { value($0.x, $0.y) }.min()
    }

    /// The objective as a gradient oracle over a flat parameter vector [x, y].
    public var oracle: GradientOracle {
        GradientOracle(
            evaluate: { p, g in
                let d = evaluateGradient(p[0], p[1])
                g[0] = d.dx
                g[1] = d.dy
                return d.value
            },
            hessian: { p in
                let j = evaluateHessian(p[0], p[1])
                return [j.dxx, j.dxy, j.dxy, j.dyy]
            },
            samples: samples)
    }
}
