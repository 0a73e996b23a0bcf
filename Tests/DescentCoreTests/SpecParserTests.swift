import Testing
@testable import DescentCore

@Suite struct SpecParserTests {
    @Test func bareName() throws {
        #expect(try SpecParser.parse("adam") == Spec(name: "adam"))
        #expect(try SpecParser.parse("  adam ( ) ") == Spec(name: "adam", column: 3))
    }

    @Test func keywordArguments() throws {
        let spec = try SpecParser.parse("adam(lr=0.01, betas=(0.9, 0.99), amsgrad=true)")
        #expect(spec.name == "adam")
        #expect(spec.arguments == [
            SpecArgument("lr", .number(0.01), column: 6),
            SpecArgument("betas", .tuple([0.9, 0.99]), column: 15),
            SpecArgument("amsgrad", .flag(true), column: 34),
        ])
    }

    @Test func numbersWordsAndSigns() throws {
        let spec = try SpecParser.parse("cyclic(base_lr=1e-3, max_lr=+.5, gamma=-2, mode=triangular2)")
        #expect(spec.arguments.map(\.value) == [.number(0.001), .number(0.5), .number(-2), .word("triangular2")])
    }

    @Test func chains() throws {
        let specs = try SpecParser.parseChain("clip_norm(max_norm=1) | noise(sigma=0.1)|sgd(lr=0.1)")
        #expect(specs.map(\.name) == ["clip_norm", "noise", "sgd"])
        #expect(specs[2].column == 42)
    }

    @Test(arguments: [
        ("adam(lr)", "expected '=' after 'lr'", 8),
        ("adam(lr=)", "expected a number for 'lr', found ')'", 9),
        ("adam(lr=0.1", "'(' at column 5 is never closed", 12),
        ("adam(lr=0.1 betas=(1,2))", "expected ',' or ')', found 'b'", 13),
        ("adam(betas=(0.9, ))", "expected a number for 'betas', found ')'", 18),
        ("adam(betas=())", "expected a number in the tuple for 'betas'", 13),
        ("(lr=1)", "expected a name, found '('", 1),
        ("", "expected a name", 1),
        ("adam(lr=1.2.3)", "'1.2.3' is not a number (for 'lr')", 9),
        ("adam x", "unexpected 'x' after the spec", 6),
        ("adam(1=2)", "expected a parameter name, found '1'", 6),
    ])
    func errors(text: String, message: String, column: Int) {
        #expect(throws: SpecError(message, column: column)) { try SpecParser.parse(text) }
    }

    @Test func chainErrors() {
        #expect(throws: SpecError("unexpected 'x'; separate chained specs with '|'", column: 5)) {
            try SpecParser.parseChain("sgd x")
        }
        #expect(throws: SpecError("expected a name", column: 7)) { try SpecParser.parseChain("sgd | ") }
    }
}

@Suite struct ResolutionTests {
    static let entry = OptimizerEntry(
        name: "toy", summary: "a toy", reference: "",
        parameters: [
            .real("lr", 0.1, .nonNegative, "learning rate"),
            .tuple("betas", [0.9, 0.999], .unitHalfOpen, "decay rates"),
            .flag("fast", false, "go fast"),
            .integer("period", nil, .atLeast(1), "how often"),
            .choice("mode", ["a", "b"], default: "a", "which"),
        ]) { _ in GradientDescentForTests(learningRate: 0.1) }

    @Test func defaultsAreFilledAndExplicitKeysKept() throws {
        let c = try Self.entry.configuration([SpecArgument("period", .number(3)), SpecArgument("mode", .word("b"))])
        #expect(c.number("lr") == 0.1)
        #expect(c.tuple("betas") == [0.9, 0.999])
        #expect(c.flag("fast") == false)
        #expect(c.integer("period") == 3)
        #expect(c.choice("mode") == 1)
        #expect(c.specDescription == "toy(period=3, mode=b)" || c.specDescription == "toy(period=3, mode=1)")
    }

    static let invalid: [(SpecArgument, String)] = [
        (SpecArgument("lr", .number(-1), column: 5), "toy: 'lr' must be >= 0, got -1"),
        (SpecArgument("betas", .tuple([0.9]), column: 5), "toy: 'betas' takes 2 numbers, got 1"),
        (SpecArgument("betas", .tuple([0.9, 1]), column: 5), "toy: 'betas' must be [0, 1), got 1"),
        (SpecArgument("fast", .number(1), column: 5), "toy: 'fast' must be true or false, got the number 1"),
        (SpecArgument("period", .number(1.5), column: 5), "toy: 'period' must be a whole number, got 1.5"),
        (SpecArgument("period", .number(0), column: 5), "toy: 'period' must be >= 1, got 0"),
        (SpecArgument("mode", .word("c"), column: 5), "toy: 'mode' must be one of a, b, got 'c'"),
        (SpecArgument("speed", .number(1), column: 5), "toy has no parameter 'speed'; valid: lr, betas, fast, period, mode"),
    ]

    @Test func invalidValues() {
        for (argument, message) in Self.invalid {
            let others = argument.key == "period" ? [] : [SpecArgument("period", .number(2))]
            #expect(throws: SpecError(message, column: 5)) { try Self.entry.configuration([argument] + others) }
        }
    }

    @Test func missingRequired() {
        #expect(throws: SpecError("toy needs 'period' (how often)")) { try Self.entry.configuration([]) }
    }

    @Test func duplicateKey() {
        #expect(throws: SpecError("toy: 'lr' is given twice", column: 9)) {
            try Self.entry.configuration([SpecArgument("lr", .number(1), column: 1), SpecArgument("lr", .number(2), column: 9), SpecArgument("period", .number(2))])
        }
    }
}

/// Plain gradient descent x ← x − ηg: the smallest possible plugin, used by simulation tests.
struct GradientDescentForTests: Optimizer {
    var learningRate: Double
    mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) {
        for i in params.indices { params[i] -= lr * gradient[i] }
    }
    mutating func configure(_ configuration: Configuration) throws(SpecError) { learningRate = configuration.number("lr") }
    /// Stateless: nothing to forget.
    mutating func reset() {}
}
