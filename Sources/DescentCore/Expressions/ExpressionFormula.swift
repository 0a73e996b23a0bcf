/// A surface formula parsed from text such as `5x^2 + 2xy + 3y^2`: the custom surfaces of
/// `--surface "expr"` and scene files.
///
/// The text is parsed once (see ``ExpressionParser`` for the grammar: numbers, x and y, `pi`,
/// `e`, `+ - * / ^`, implicit multiplication, and `sin cos tan exp log sqrt abs tanh sinh cosh
/// atan` with parentheses), constants folded, and compiled to a postfix program and from that to
/// a straight-line register program (``CompiledExpression``); evaluating it over ``Dual2`` or
/// ``Jet2`` gives the exact gradient and Hessian by forward-mode AD.
public struct ExpressionFormula: SurfaceFormula {
    /// The expression as written.
    public let text: String
    private let program: CompiledExpression

    /// Parses `text`; throws ``ExpressionError`` with the column and what was expected.
    public init(_ text: String) throws(ExpressionError) {
        self.text = text
        program = CompiledExpression(ExpressionProgram(try ExpressionParser.parse(text)))
    }

    public func callAsFunction<T: SurfaceScalar>(_ x: T, _ y: T) -> T {
        program.evaluate(x, y)
    }
}

extension Surface {
    /// The default view of a custom surface: [-5, 5]².
    public static let expressionViewBox = ViewBox(x: -5...5, y: -5...5)

    /// A custom surface from an expression string, e.g. `Surface.expression("5x^2 + 2xy + 3y^2")`.
    ///
    /// Its name and formula are the text; it has no known critical points and a linear colour
    /// scale. Throws ``ExpressionError`` (with a caret ``ExpressionError/diagnostic``) for text
    /// that does not parse.
    public static func expression(_ text: String, viewBox: ViewBox = expressionViewBox) throws(ExpressionError) -> Surface {
        let formula = try ExpressionFormula(text)
        return Surface(name: text, summary: "custom surface f(x, y) = \(text)", formula: text,
                       viewBox: viewBox, criticalPoints: [], prefersLogScale: false, function: formula)
    }
}
