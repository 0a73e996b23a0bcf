import RealModule
import Testing
@testable import DescentCore

@Suite struct ExpressionValueTests {
    /// Valid expressions against the same formula written in Swift.
    static let table: [(text: String, swift: @Sendable (Double, Double) -> Double)] = [
        ("5x^2+2xy+3y^2", { x, y in 5 * x * x + 2 * x * y + 3 * y * y }),
        ("2", { _, _ in 2 }),
        ("0.5x", { x, _ in 0.5 * x }),
        (".5x", { x, _ in 0.5 * x }),
        ("1e-3x + 2.5E+2y", { x, y in 1e-3 * x + 250 * y }),
        ("2.x", { x, _ in 2 * x }),
        ("-x^2", { x, _ in -(x * x) }),
        ("(-2)^2 + x", { x, _ in 4 + x }),
        ("-2^2", { _, _ in -4 }),
        ("x^3", { x, _ in x * x * x }),
        ("2^3^2", { _, _ in 512 }),
        ("x^-2", { x, _ in 1 / (x * x) }),
        ("2(x+1)", { x, _ in 2 * (x + 1) }),
        ("(x+1)(y-1)", { x, y in (x + 1) * (y - 1) }),
        ("2sin(x)", { x, _ in 2 * Double.sin(x) }),
        ("xy", { x, y in x * y }),
        ("x y", { x, y in x * y }),
        ("x^2y", { x, y in x * x * y }),
        ("2x^2y^3", { x, y in 2 * x * x * y * y * y }),
        ("1/2x", { x, _ in x / 2 }),
        ("x/y/2", { x, y in x / y / 2 }),
        ("3 - 2 - x", { x, _ in 1 - x }),
        ("+x", { x, _ in x }),
        ("--x", { x, _ in x }),
        ("x*-y", { x, y in -x * y }),
        ("2 pi x", { x, _ in 2 * Double.pi * x }),
        ("pix + e", { x, _ in Double.pi * x + Double.exp(1) }),
        ("ex", { x, _ in Double.exp(1) * x }),
        ("2e", { _, _ in 2 * Double.exp(1) }),
        ("exp(x)", { x, _ in Double.exp(x) }),
        ("xexp(y)", { x, y in x * Double.exp(y) }),
        ("sin(x) + cos(y) - tan(x/3)", { x, y in Double.sin(x) + Double.cos(y) - Double.tan(x / 3) }),
        ("log(x^2 + 1)sqrt(y^2 + 4)", { x, y in Double.log(x * x + 1) * Double.sqrt(y * y + 4) }),
        ("abs(x) - abs(y)", { x, y in Swift.abs(x) - Swift.abs(y) }),
        ("tanh(x) sinh(y) cosh(x)", { x, y in Double.tanh(x) * Double.sinh(y) * Double.cosh(x) }),
        ("atan(y/x)", { x, y in Double.atan(y / x) }),
        ("sqrt(x^2+y^2)", { x, y in (x * x + y * y).squareRoot() }),
        ("(x^2 + 1)^0.5", { x, _ in (x * x + 1).squareRoot() }),
        ("2^x", { x, _ in Double.pow(2, x) }),
        ("(x^2+1)^y", { x, y in Double.pow(x * x + 1, y) }),
        ("\t( x + y ) ^ 2 ", { x, y in (x + y) * (x + y) }),
        ("(1 - x)^2 + 100(y - x^2)^2", { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }),
    ]

    static let points: [(Double, Double)] = [(1, 1), (-1.5, 0.25), (2.75, -3.5), (-0.3, -2)]

    @Test(arguments: table.indices)
    func valueMatchesSwift(index: Int) throws {
        let (text, swift) = Self.table[index]
        let surface = try Surface.expression(text)
        for (x, y) in Self.points {
            let expected = swift(x, y)
            let actual = surface.value(x, y)
            #expect(actual.isApproximatelyEqual(to: expected, relativeTolerance: 1e-14) || actual == expected,
                    "\(text) at (\(x), \(y)): \(actual) vs \(expected)")
        }
    }

    @Test func quadraticGradientAndHessian() throws {
        let surface = try Surface.expression("5x^2+2xy+3y^2")
        #expect(surface.value(1, 1) == 10)
        #expect(surface.gradient(1, 1) == (12, 8))
        #expect(surface.hessian(1, 1) == Hessian2(xx: 10, xy: 2, yy: 6))
    }

    @Test func integerPowersAreExactAtNegativeBases() throws {
        let cube = try Surface.expression("x^3")
        #expect(cube.value(-2, 0) == -8)
        #expect(cube.gradient(-2, 0) == (12, 0))
        #expect(cube.hessian(-2, 0).xx == -12)
        #expect(try Surface.expression("(-2)^2").value(0, 0) == 4)
        #expect(try Surface.expression("(x - 3)^4").value(1, 0) == 16)
    }

    @Test func customSurfaceMetadata() throws {
        let surface = try Surface.expression("x^2 + y^2")
        #expect(surface.name == "x^2 + y^2")
        #expect(surface.formula == "x^2 + y^2")
        #expect(surface.viewBox == ViewBox(x: -5...5, y: -5...5))
        #expect(surface.criticalPoints.isEmpty)
        #expect(!surface.prefersLogScale)
        let wide = try Surface.expression("x", viewBox: ViewBox(x: 0...1, y: 2...3))
        #expect(wide.viewBox == ViewBox(x: 0...1, y: 2...3))
    }

    @Test func constantsAreFolded() throws {
        let program = ExpressionProgram(try ExpressionParser.parse("2 pi x + sin(pi/2)^2 - -3"))
        #expect(program.instructions == [
            .constant(2 * Double.pi), .variable(.x), .multiply, .constant(1), .add, .constant(-3), .subtract,
        ])
        let powers = ExpressionProgram(try ExpressionParser.parse("x^2 + y^0.5 + x^y"))
        #expect(powers.instructions == [
            .variable(.x), .integerPower(2), .variable(.y), .realPower(0.5), .add,
            .variable(.x), .variable(.y), .power, .add,
        ])
    }

    /// The register program computes a repeated subexpression once, gives every distinct
    /// constant one register, and reads x and y from registers 0 and 1.
    @Test func compiledProgramSharesRepeatedWork() throws {
        let beale = CompiledExpression(ExpressionProgram(try ExpressionParser.parse(
            "(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2")))
        #expect(beale.constants == [1.5, 2.25, 2.625])
        typealias Op = CompiledExpression.Operation
        #expect(beale.operations == [
            Op(code: .subtract, a: 2, b: 0), Op(code: .multiply, a: 0, b: 1), Op(code: .add, a: 5, b: 6),
            Op(code: .integerPower, a: 7, b: 2),
            Op(code: .subtract, a: 3, b: 0), Op(code: .integerPower, a: 1, b: 2), Op(code: .multiply, a: 0, b: 10),
            Op(code: .add, a: 9, b: 11), Op(code: .integerPower, a: 12, b: 2), Op(code: .add, a: 8, b: 13),
            Op(code: .subtract, a: 4, b: 0), Op(code: .integerPower, a: 1, b: 3), Op(code: .multiply, a: 0, b: 16),
            Op(code: .add, a: 15, b: 17), Op(code: .integerPower, a: 18, b: 2), Op(code: .add, a: 14, b: 19),
        ])
        #expect(beale.result == 20)
        let repeated = CompiledExpression(ExpressionProgram(try ExpressionParser.parse("sin(xy) + sin(xy)^2 + 2 + x^5")))
        #expect(repeated.operations.map(\.code) == [.multiply, .call, .integerPower, .add, .add, .integerPower, .add])
        let plain = CompiledExpression(ExpressionProgram(try ExpressionParser.parse("y")))
        #expect(plain.operations.isEmpty && plain.result == 1)
        #expect(plain.evaluate(Dual2.x(3), Dual2.y(4)) == Dual2.y(4))
    }

    @Test func nonFiniteValuesDoNotCrash() throws {
        let surface = try Surface.expression("log(x) + 1/y + sqrt(x)")
        #expect(surface.value(-1, 1).isNaN)
        #expect(!surface.value(1, 0).isFinite)
        let g = surface.gradient(0, 0)
        #expect(!g.x.isFinite || !g.y.isFinite)
        _ = surface.hessian(0, 0)
    }
}

@Suite struct ExpressionBuiltinAgreementTests {
    /// Beale written as an expression agrees with the built-in to 1e-12 relative.
    @Test func bealeExpressionMatchesBuiltin() throws {
        let builtin = try SurfaceChecks.builtin("beale")
        let expression = try Surface.expression("(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2")
        var rng = Xoshiro256(seed: 42)
        for _ in 0..<50 {
            let x = -4.5 + 9 * rng.uniform(), y = -4.5 + 9 * rng.uniform()
            #expect(ExpressionChecks.agree(expression, builtin, x, y, tolerance: 1e-12), "(\(x), \(y))")
        }
    }

    /// Every built-in's `formula` text is itself a valid expression for the same surface (the
    /// rotated elongated bowl names its coordinates u and v, so only θ = 0 is checked).
    @Test(arguments: SurfaceChecks.all.indices)
    func builtinFormulaTextParsesToTheSameSurface(index: Int) throws {
        let builtin = SurfaceChecks.all[index]
        guard !builtin.formula.contains("u =") else { return }
        let expression = try Surface.expression(builtin.formula)
        var rng = Xoshiro256(seed: 7 + UInt64(index))
        for _ in 0..<20 {
            let x = builtin.viewBox.x.lowerBound + (builtin.viewBox.x.upperBound - builtin.viewBox.x.lowerBound) * rng.uniform()
            let y = builtin.viewBox.y.lowerBound + (builtin.viewBox.y.upperBound - builtin.viewBox.y.lowerBound) * rng.uniform()
            #expect(ExpressionChecks.agree(expression, builtin, x, y, tolerance: 1e-10), "\(builtin.name) at (\(x), \(y))")
        }
    }
}

@Suite struct ExpressionRandomTests {
    /// Random expressions from a seeded grammar: the parsed value matches an independent Swift
    /// evaluation of the same tree, and the AD gradient and Hessian match central differences
    /// wherever f is finite and smooth at the difference step.
    @Test func randomExpressionsDifferentiateCorrectly() throws {
        var rng = Xoshiro256(seed: 2024)
        var checked = 0, total = 0
        for _ in 0..<300 {
            let generated = RandomExpression.generate(depth: 4, using: &rng)
            let surface = try Surface.expression(generated.text)
            for _ in 0..<4 {
                let x = -3 + 6 * rng.uniform(), y = -3 + 6 * rng.uniform()
                total += 1
                let expected = generated.value(x, y)
                let actual = surface.value(x, y)
                guard expected.isFinite, Swift.abs(expected) < 1e8 else { continue }
                #expect(actual.isApproximatelyEqual(to: expected, absoluteTolerance: 1e-12 * max(1, Swift.abs(expected)), relativeTolerance: 1e-12),
                        "\(generated.text) at (\(x), \(y)): \(actual) vs \(expected)")
                guard ExpressionChecks.isSmooth(surface, x, y) else { continue }
                checked += 1
                let problem = SurfaceChecks.derivativeMismatch(surface, x, y)
                #expect(problem == nil, "\(generated.text) at (\(x), \(y)): \(problem ?? "")")
            }
        }
        // The smoothness filter must not make the test vacuous.
        #expect(checked > total / 2, "only \(checked) of \(total) points checked")
    }
}

@Suite struct ExpressionErrorTests {
    static let table: [(text: String, column: Int, message: String)] = [
        ("5x^2 + * y", 8, "expected an operand after '+'"),
        ("x +", 4, "expected an operand after '+'"),
        ("x^", 3, "expected an operand after '^'"),
        ("x ** 2", 4, "expected an operand after '*'"),
        ("sin()", 5, "expected an operand after '('"),
        ("* x", 1, "expected an operand before '*'"),
        ("sinn(x)", 1, "unknown function 'sinn'; known: sin, cos, tan, exp, log, sqrt, abs, tanh, sinh, cosh, atan, sign"),
        ("x + xsinn (y)", 6, "unknown function 'sinn'; known: sin, cos, tan, exp, log, sqrt, abs, tanh, sinh, cosh, atan, sign"),
        ("foo(x)", 1, "unknown function 'foo'; known: sin, cos, tan, exp, log, sqrt, abs, tanh, sinh, cosh, atan, sign"),
        ("2*(x+1", 3, "unbalanced parenthesis: '(' at column 3 is never closed"),
        ("((x)", 1, "unbalanced parenthesis: '(' at column 1 is never closed"),
        ("x + 1)", 6, "unbalanced parenthesis: ')' at column 6 has no matching '('"),
        (")x", 1, "unbalanced parenthesis: ')' at column 1 has no matching '('"),
        ("x + $", 5, "unexpected character '$'"),
        ("x + * $", 5, "expected an operand after '+'"),
        ("2 + 3 $ x", 7, "unexpected character '$'"),
        (".", 1, "unexpected character '.'"),
        ("", 1, "empty expression"),
        ("   ", 1, "empty expression"),
        ("x + z", 5, "unknown variable 'z' (only x and y)"),
        ("2X", 2, "unknown variable 'X' (only x and y)"),
        ("foo", 1, "unknown name 'foo'; the variables are x and y, the constants pi and e"),
        ("sin x", 5, "expected '(' after 'sin'"),
        ("sinx", 4, "expected '(' after 'sin'"),
        ("x 2", 3, "expected an operator before '2'"),
        ("1.2.3", 4, "expected an operator before '.3'"),
        ("(x 2)", 4, "expected an operator or ')' before '2'"),
        ("1e999x", 1, "number '1e999' is out of range"),
    ]

    @Test(arguments: table.indices)
    func reportsColumnAndMessage(index: Int) {
        let (text, column, message) = Self.table[index]
        #expect(throws: ExpressionError(expression: text, column: column, message: message)) {
            _ = try Surface.expression(text)
        }
    }

    @Test func diagnosticPutsACaretUnderTheColumn() throws {
        let error = try #require(ExpressionChecks.error("5x^2 + * y"))
        #expect(error.diagnostic == """
            5x^2 + * y
                   ^ expected an operand after '+'
            """)
        let unclosed = try #require(ExpressionChecks.error("x*(y+1"))
        #expect(unclosed.diagnostic == """
            x*(y+1
              ^ unbalanced parenthesis: '(' at column 3 is never closed
            """)
        let atEnd = try #require(ExpressionChecks.error("\tx -"))
        #expect(atEnd.diagnostic == " x -\n    ^ expected an operand after '-'")
        #expect(atEnd.description == "column 5: expected an operand after '-'")
    }
}

/// Helpers for the expression tests.
enum ExpressionChecks {
    /// The error parsing `text` throws, or nil.
    static func error(_ text: String) -> ExpressionError? {
        do {
            _ = try ExpressionFormula(text)
            return nil
        } catch {
            return error
        }
    }

    /// Whether value, gradient and Hessian of `a` and `b` agree at (x, y) to `tolerance`
    /// relative (norm-wise for the gradient and Hessian).
    static func agree(_ a: Surface, _ b: Surface, _ x: Double, _ y: Double, tolerance: Double) -> Bool {
        let fa = a.value(x, y), fb = b.value(x, y)
        let ga = a.gradient(x, y), gb = b.gradient(x, y)
        let ha = a.hessian(x, y), hb = b.hessian(x, y)
        let gradientError = ((ga.x - gb.x) * (ga.x - gb.x) + (ga.y - gb.y) * (ga.y - gb.y)).squareRoot()
        let gradientNorm = (gb.x * gb.x + gb.y * gb.y).squareRoot()
        let hessianError = Swift.abs(ha.xx - hb.xx) + 2 * Swift.abs(ha.xy - hb.xy) + Swift.abs(ha.yy - hb.yy)
        let hessianNorm = Swift.abs(hb.xx) + 2 * Swift.abs(hb.xy) + Swift.abs(hb.yy)
        return Swift.abs(fa - fb) <= tolerance * Swift.abs(fb)
            && gradientError <= tolerance * gradientNorm
            && hessianError <= tolerance * hessianNorm
    }

    /// Whether f is finite near (x, y) and its central differences at steps h and h/2 agree,
    /// i.e. f is smooth on the scale of the difference step (no kink, pole or branch cut in
    /// reach), so that differences are a valid reference there.
    static func isSmooth(_ s: Surface, _ x: Double, _ y: Double) -> Bool {
        let h = 1e-4 * max(1, Swift.abs(x), Swift.abs(y))
        func difference(_ step: Double) -> (Double, Double) {
            ((s.value(x + step, y) - s.value(x - step, y)) / (2 * step),
             (s.value(x, y + step) - s.value(x, y - step)) / (2 * step))
        }
        let coarse = difference(h), fine = difference(h / 2)
        let f = s.value(x, y)
        let values = [f, coarse.0, coarse.1, fine.0, fine.1]
        guard values.allSatisfy(\.isFinite), Swift.abs(f) < 1e8 else { return false }
        let scale = Swift.abs(fine.0) + Swift.abs(fine.1) + Swift.abs(f) + 1
        return Swift.abs(coarse.0 - fine.0) + Swift.abs(coarse.1 - fine.1) < 1e-5 * scale
    }
}

/// A random expression from a small grammar, rendered as text and as an independent Swift
/// evaluation of the same tree.
struct RandomExpression {
    var text: String
    var value: @Sendable (Double, Double) -> Double
    /// Whether the text is a single token or parenthesised, so it can be juxtaposed or raised
    /// to a power without further parentheses.
    var isAtom: Bool

    static func generate(depth: Int, using rng: inout Xoshiro256) -> RandomExpression {
        if depth == 0 || rng.uniform() < 0.2 { return leaf(using: &rng) }
        let a = generate(depth: depth - 1, using: &rng)
        switch Int(rng.next() % 8) {
        case 0:
            let b = generate(depth: depth - 1, using: &rng)
            return RandomExpression(text: "\(a.text) + \(b.text)", value: { a.value($0, $1) + b.value($0, $1) }, isAtom: false)
        case 1:
            let b = generate(depth: depth - 1, using: &rng)
            return RandomExpression(text: "\(a.text) - \(b.parenthesised.text)", value: { a.value($0, $1) - b.value($0, $1) }, isAtom: false)
        case 2:
            let b = generate(depth: depth - 1, using: &rng)
            let (l, r) = (a.parenthesised, b.parenthesised)
            // Juxtaposition only where the right factor starts with a letter or "(".
            let joiner = r.text.first.map { $0.isLetter || $0 == "(" } == true && rng.uniform() < 0.5 ? "" : "*"
            return RandomExpression(text: l.text + joiner + r.text, value: { a.value($0, $1) * b.value($0, $1) }, isAtom: false)
        case 3:
            let b = generate(depth: depth - 1, using: &rng)
            let denominator = "(1 + \(b.parenthesised.text)^2)"
            return RandomExpression(text: "\(a.parenthesised.text)/\(denominator)",
                                    value: { a.value($0, $1) / (1 + b.value($0, $1) * b.value($0, $1)) }, isAtom: false)
        case 4:
            let n = Int(rng.next() % 4) + 1
            return RandomExpression(text: "\(a.parenthesised.text)^\(n)",
                                    value: { x, y in (0..<n).reduce(1.0) { p, _ in p * a.value(x, y) } }, isAtom: false)
        case 5:
            return RandomExpression(text: "-\(a.parenthesised.text)", value: { -a.value($0, $1) }, isAtom: false)
        default:
            return function(of: a, using: &rng)
        }
    }

    private var parenthesised: RandomExpression {
        isAtom ? self : RandomExpression(text: "(\(text))", value: value, isAtom: true)
    }

    private static func leaf(using rng: inout Xoshiro256) -> RandomExpression {
        switch Int(rng.next() % 7) {
        case 0, 1: return RandomExpression(text: "x", value: { x, _ in x }, isAtom: true)
        case 2, 3: return RandomExpression(text: "y", value: { _, y in y }, isAtom: true)
        case 4: return RandomExpression(text: "pi", value: { _, _ in Double.pi }, isAtom: true)
        case 5: return RandomExpression(text: "e", value: { _, _ in Double.exp(1) }, isAtom: true)
        default:
            let c = [0.5, 2, 3, 1.25, 0.1][Int(rng.next() % 5)]
            return RandomExpression(text: "\(c)", value: { _, _ in c }, isAtom: true)
        }
    }

    private static func function(of a: RandomExpression, using rng: inout Xoshiro256) -> RandomExpression {
        let u = a.value
        let choices: [(String, @Sendable (Double) -> Double)] = [
            ("sin", Double.sin), ("cos", Double.cos), ("tanh", Double.tanh), ("atan", Double.atan),
            ("exp", { Double.exp($0) }), ("abs", { Swift.abs($0) }), ("sinh", Double.sinh), ("cosh", Double.cosh),
            ("tan", Double.tan),
        ]
        switch Int(rng.next() % UInt64(choices.count + 2)) {
        case choices.count:
            return RandomExpression(text: "log(1 + \(a.parenthesised.text)^2)", value: { Double.log(1 + u($0, $1) * u($0, $1)) }, isAtom: true)
        case choices.count + 1:
            return RandomExpression(text: "sqrt(\(a.parenthesised.text)^2 + 0.5)", value: { (u($0, $1) * u($0, $1) + 0.5).squareRoot() }, isAtom: true)
        case let i:
            let (name, f) = choices[i]
            return RandomExpression(text: "\(name)(\(a.text))", value: { f(u($0, $1)) }, isAtom: true)
        }
    }
}
