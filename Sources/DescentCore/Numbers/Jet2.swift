/// A second-order (hyper-dual) number in two variables: value, gradient and Hessian.
///
/// Truncated Taylor arithmetic: for u·v the Hessian part is u''v + u'v'ᵀ + v'u'ᵀ + uv'', and a
/// scalar function φ applies as φ(u), φ'(u)u', φ''(u)u'u'ᵀ + φ'(u)u''. Evaluating a formula at
/// `Jet2.x(x0), Jet2.y(y0)` yields f, ∇f and ∇²f exactly (to rounding).
@frozen
public struct Jet2: SurfaceScalar, Sendable, Equatable {
    public var value: Double
    public var dx: Double
    public var dy: Double
    public var dxx: Double
    public var dxy: Double
    public var dyy: Double

    @inlinable public init(value: Double, dx: Double, dy: Double, dxx: Double, dxy: Double, dyy: Double) {
        self.value = value; self.dx = dx; self.dy = dy
        self.dxx = dxx; self.dxy = dxy; self.dyy = dyy
    }
    @inlinable public init(_ constant: Double) {
        self.init(value: constant, dx: 0, dy: 0, dxx: 0, dxy: 0, dyy: 0)
    }
    @inlinable public init(integerLiteral v: Int) { self.init(Double(v)) }
    @inlinable public init(floatLiteral v: Double) { self.init(v) }
    /// The independent variable x at `x0`.
    @inlinable public static func x(_ x0: Double) -> Jet2 { Jet2(value: x0, dx: 1, dy: 0, dxx: 0, dxy: 0, dyy: 0) }
    /// The independent variable y at `y0`.
    @inlinable public static func y(_ y0: Double) -> Jet2 { Jet2(value: y0, dx: 0, dy: 1, dxx: 0, dxy: 0, dyy: 0) }

    @inlinable public var primal: Double { value }

    @inlinable public static func + (a: Jet2, b: Jet2) -> Jet2 {
        Jet2(value: a.value + b.value, dx: a.dx + b.dx, dy: a.dy + b.dy,
             dxx: a.dxx + b.dxx, dxy: a.dxy + b.dxy, dyy: a.dyy + b.dyy)
    }
    @inlinable public static func - (a: Jet2, b: Jet2) -> Jet2 {
        Jet2(value: a.value - b.value, dx: a.dx - b.dx, dy: a.dy - b.dy,
             dxx: a.dxx - b.dxx, dxy: a.dxy - b.dxy, dyy: a.dyy - b.dyy)
    }
    @inlinable public static func * (a: Jet2, b: Jet2) -> Jet2 {
        Jet2(value: a.value * b.value,
             dx: a.dx * b.value + a.value * b.dx,
             dy: a.dy * b.value + a.value * b.dy,
             dxx: a.dxx * b.value + 2 * a.dx * b.dx + a.value * b.dxx,
             dxy: a.dxy * b.value + a.dx * b.dy + a.dy * b.dx + a.value * b.dxy,
             dyy: a.dyy * b.value + 2 * a.dy * b.dy + a.value * b.dyy)
    }
    @inlinable public static func / (a: Jet2, b: Jet2) -> Jet2 {
        let v = b.value
        return a * b.chain(1 / v, -1 / (v * v), 2 / (v * v * v))
    }
    @inlinable public static prefix func - (a: Jet2) -> Jet2 {
        Jet2(value: -a.value, dx: -a.dx, dy: -a.dy, dxx: -a.dxx, dxy: -a.dxy, dyy: -a.dyy)
    }
    @inlinable public func chain(_ value: Double, _ first: Double, _ second: Double) -> Jet2 {
        Jet2(value: value, dx: first * dx, dy: first * dy,
             dxx: second * dx * dx + first * dxx,
             dxy: second * dx * dy + first * dxy,
             dyy: second * dy * dy + first * dyy)
    }
}
