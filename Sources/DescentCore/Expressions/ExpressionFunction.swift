/// A function that expressions may call, written `name(argument)`.
enum ExpressionFunction: String, CaseIterable, Sendable {
    case sin, cos, tan, exp, log, sqrt, abs, tanh, sinh, cosh, atan, sign

    /// The function applied to `u`, with its derivatives carried by `T` (the generic elementary
    /// functions of ``SurfaceScalar``).
    func apply<T: SurfaceScalar>(_ u: T) -> T {
        switch self {
        case .sin: DescentCore.sin(u)
        case .cos: DescentCore.cos(u)
        case .tan: DescentCore.tan(u)
        case .exp: DescentCore.exp(u)
        case .log: DescentCore.log(u)
        case .sqrt: DescentCore.sqrt(u)
        case .abs: DescentCore.abs(u)
        case .tanh: DescentCore.tanh(u)
        case .sinh: DescentCore.sinh(u)
        case .cosh: DescentCore.cosh(u)
        case .atan: DescentCore.atan(u)
        case .sign: u.chain(u.primal > 0 ? 1 : (u.primal < 0 ? -1 : 0), 0, 0)
        }
    }

    /// `sin, cos, tan, ...`: for error messages.
    static let knownNames = allCases.map(\.rawValue).joined(separator: ", ")
}

/// A function of two arguments, written `name(a, b)` (rule expressions).
enum ExpressionBinaryFunction: String, CaseIterable, Sendable {
    case min, max

    /// The argument with the smaller (`min`) or larger (`max`) value, derivatives and all (the
    /// first one on a tie).
    func apply<T: SurfaceScalar>(_ a: T, _ b: T) -> T {
        switch self {
        case .min: b.primal < a.primal ? b : a
        case .max: b.primal > a.primal ? b : a
        }
    }
}
