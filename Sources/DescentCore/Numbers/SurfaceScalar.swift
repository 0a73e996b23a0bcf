import RealModule

/// A number type that a surface formula can be evaluated over.
///
/// Every built-in surface and every parsed expression is written once, generically over
/// `SurfaceScalar`. Evaluating it over `Double` gives f(x, y); over ``Dual2`` it gives f and
/// ∇f; over ``Jet2`` it gives f, ∇f and the Hessian — all from the same line of math, exact to
/// rounding (forward-mode automatic differentiation, not finite differences).
public protocol SurfaceScalar: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
/// A constant (all derivatives zero).
init(_ constant: Double)
/// The value, without derivatives.
var primal: Double { get }

static func + (lhs: Self, rhs: Self) -> Self
static func - (lhs: Self, rhs: Self) -> Self
static func * (lhs: Self, rhs: Self) -> Self
static func / (lhs: Self, rhs: Self) -> Self
static prefix func - (operand: Self) -> Self

/// Applies a scalar function given its value and first two derivatives at `primal`:
/// the chain rule, (φ∘u)' = φ'(u)·u' and (φ∘u)'' = φ''(u)·u'u'ᵀ + φ'(u)·u''.
func chain(_ value: Double, _ first: Double, _ second: Double) -> Self
}

// The elementary functions, generic over every SurfaceScalar. Free functions (not static
// members) so that they do not collide with RealModule's `Double.sin` and friends.

/// sin u.
@inlinable public func sin<T: SurfaceScalar>(_ u: T) -> T {
    let s = Double.sin(u.primal), c = Double.cos(u.primal)
    return u.chain(s, c, -s)
}
/// cos u.
@inlinable public func cos<T: SurfaceScalar>(_ u: T) -> T {
    let s = Double.sin(u.primal), c = Double.cos(u.primal)
    return u.chain(c, -s, -c)
}
/// tan u; d/du = 1 + tan², d²/du² = 2 tan (1 + tan²).
@inlinable public func tan<T: SurfaceScalar>(_ u: T) -> T {
    let t = Double.tan(u.primal), d = 1 + t * t
    return u.chain(t, d, 2 * t * d)
}
/// exp u.
@inlinable public func exp<T: SurfaceScalar>(_ u: T) -> T {
    let e = Double.exp(u.primal)
    return u.chain(e, e, e)
}
/// Natural logarithm; NaN for u < 0, -inf at 0 (the caller's divergence check catches it).
@inlinable public func log<T: SurfaceScalar>(_ u: T) -> T {
    let v = u.primal
    return u.chain(Double.log(v), 1 / v, -1 / (v * v))
}
/// √u; d/du = 1/(2√u), d²/du² = -1/(4 u^{3/2}).
@inlinable public func sqrt<T: SurfaceScalar>(_ u: T) -> T {
    let r = Double.sqrt(u.primal)
    return u.chain(r, 0.5 / r, -0.25 / (r * r * r))
}
/// |u|, with derivative sign(u) (0 at 0) and second derivative 0.
@inlinable public func abs<T: SurfaceScalar>(_ u: T) -> T {
    let v = u.primal
    let sign: Double = v > 0 ? 1 : (v < 0 ? -1 : 0)
    return u.chain(Swift.abs(v), sign, 0)
}
/// tanh u; d/du = 1 - tanh², d²/du² = -2 tanh (1 - tanh²).
@inlinable public func tanh<T: SurfaceScalar>(_ u: T) -> T {
    let t = Double.tanh(u.primal), d = 1 - t * t
    return u.chain(t, d, -2 * t * d)
}
/// sinh u.
@inlinable public func sinh<T: SurfaceScalar>(_ u: T) -> T {
    let s = Double.sinh(u.primal), c = Double.cosh(u.primal)
    return u.chain(s, c, s)
}
/// cosh u.
@inlinable public func cosh<T: SurfaceScalar>(_ u: T) -> T {
    let s = Double.sinh(u.primal), c = Double.cosh(u.primal)
    return u.chain(c, s, c)
}
/// atan u; d/du = 1/(1+u²), d²/du² = -2u/(1+u²)².
@inlinable public func atan<T: SurfaceScalar>(_ u: T) -> T {
    let v = u.primal, d = 1 / (1 + v * v)
    return u.chain(Double.atan(v), d, -2 * v * d * d)
}
/// uⁿ for an integer n, exact for negative u (repeated squaring on the value,
/// n·uⁿ⁻¹ and n(n-1)·uⁿ⁻² for the derivatives).
@inlinable public func pow<T: SurfaceScalar>(_ u: T, _ n: Int) -> T {
    switch n {
    case 0: return T(1)
    case 1: return u
    case 2: return u * u
    case 3: return u * u * u
    default:
        let v = u.primal
        let nd = Double(n)
        return u.chain(Double.pow(v, n), nd * Double.pow(v, n - 1), nd * (nd - 1) * Double.pow(v, n - 2))
    }
}
/// u^c for a real constant exponent c (NaN for negative u unless c is an integer).
@inlinable public func pow<T: SurfaceScalar>(_ u: T, _ c: Double) -> T {
    if let n = Int(exactly: c), Swift.abs(n) <= 64 { return pow(u, n) }
    let v = u.primal
    return u.chain(Double.pow(v, c), c * Double.pow(v, c - 1), c * (c - 1) * Double.pow(v, c - 2))
}
/// u^w for a variable exponent: exp(w · log u), defined for u > 0.
@inlinable public func pow<T: SurfaceScalar>(_ u: T, _ w: T) -> T {
    exp(w * log(u))
}

extension Double: SurfaceScalar {
    @inlinable public var primal: Double { self }
    @inlinable public func chain(_ value: Double, _ first: Double, _ second: Double) -> Double { value }
}
