/// A function that expressions may call, written `name(argument)`.
enum ExpressionFunction: String, CaseIterable, Sendable {
    case sin, cos, tan, exp, log, sqrt, abs, tanh, sinh, cosh, atan

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
        }
    }

    /// `sin, cos, tan, ...`: for error messages.
    static let knownNames = allCases.map(\.rawValue).joined(separator: ", ")
}
