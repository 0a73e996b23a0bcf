/// A first-order dual number in two variables: u + u_x·εx + u_y·εy with εx² = εy² = εxεy = 0.
///
/// Evaluating a formula at `Dual2.x(x0), Dual2.y(y0)` yields f(x0, y0) and its exact gradient.
/// Cheaper than ``Jet2`` when the Hessian is not needed (the optimizer hot path).
@frozen
public struct Dual2: SurfaceScalar, Sendable, Equatable {
    public var value: Double
    public var dx: Double
    public var dy: Double

    @inlinable public init(value: Double, dx: Double, dy: Double) {
        self.value = value; self.dx = dx; self.dy = dy
    }
    @inlinable public init(_ constant: Double) { self.init(value: constant, dx: 0, dy: 0) }
    @inlinable public init(integerLiteral v: Int) { self.init(Double(v)) }
    @inlinable public init(floatLiteral v: Double) { self.init(v) }
    /// The independent variable x at `x0` (dx = 1).
    @inlinable public static func x(_ x0: Double) -> Dual2 { Dual2(value: x0, dx: 1, dy: 0) }
    /// The independent variable y at `y0` (dy = 1).
    @inlinable public static func y(_ y0: Double) -> Dual2 { Dual2(value: y0, dx: 0, dy: 1) }

    @inlinable public var primal: Double { value }

    @inlinable public static func + (a: Dual2, b: Dual2) -> Dual2 {
        Dual2(value: a.value + b.value, dx: a.dx + b.dx, dy: a.dy + b.dy)
    }
    @inlinable public static func - (a: Dual2, b: Dual2) -> Dual2 {
        Dual2(value: a.value - b.value, dx: a.dx - b.dx, dy: a.dy - b.dy)
    }
    @inlinable public static func * (a: Dual2, b: Dual2) -> Dual2 {
        Dual2(value: a.value * b.value,
              dx: a.dx * b.value + a.value * b.dx,
              dy: a.dy * b.value + a.value * b.dy)
    }
    @inlinable public static func / (a: Dual2, b: Dual2) -> Dual2 {
        let q = a.value / b.value
        return Dual2(value: q, dx: (a.dx - q * b.dx) / b.value, dy: (a.dy - q * b.dy) / b.value)
    }
    @inlinable public static prefix func - (a: Dual2) -> Dual2 {
        Dual2(value: -a.value, dx: -a.dx, dy: -a.dy)
    }
    @inlinable public func chain(_ value: Double, _ first: Double, _ second: Double) -> Dual2 {
        Dual2(value: value, dx: first * dx, dy: first * dy)
    }
}
