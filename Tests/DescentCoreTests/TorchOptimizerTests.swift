import Testing
@testable import DescentCore

/// Schemas, validation and state of the `torch.optim` catalog (trajectories are checked
/// against PyTorch in TorchOptimizerFixtureTests).
@Suite struct TorchOptimizerTests {
    func entry(_ name: String) throws -> OptimizerEntry {
        try #require(TorchOptimizers.all.first { $0.name == name })
    }

    /// A 7-parameter objective with a non-zero gradient everywhere near the start.
    let chain = TorchOptimizerFixture.Chain(weights: [1, 2, 0.5, 3, 1.5, 0.75, 2.5],
                                            targets: [1, -0.5, 2, 0, -1.5, 0.5, 1])
    let start = [0.5, -1, 1.5, 2, -0.5, 0, 1.0]

    @Test func catalogHasTorchNames() {
        #expect(TorchOptimizers.all.map(\.name) == [
            "sgd", "momentum", "nesterov", "adagrad", "adadelta", "rmsprop",
            "adam", "adamw", "adamax", "nadam", "radam", "rprop", "asgd", "adafactor", "lbfgs",
        ])
    }

    /// Every entry names the `torch.optim` class it reproduces, first in its reference (what
    /// `descent list optimizers` prints); the aliases name SGD's.
    @Test func referencesNameTheTorchClass() throws {
        for entry in TorchOptimizers.all {
            let torchClass = try #require(entry.reference.split(separator: ";").first.map(String.init), "\(entry.name)")
            #expect(torchClass.hasPrefix("torch.optim."), "\(entry.name): \(entry.reference)")
            let className = torchClass.dropFirst("torch.optim.".count)
            #expect(className.lowercased() == entry.name || ["momentum", "nesterov"].contains(entry.name) && className == "SGD",
                    "\(entry.name): \(entry.reference)")
        }
    }

    @Test func aliasesChangeOnlyTheirDefaults() throws {
        let sgd = try entry("sgd"), momentum = try entry("momentum"), nesterov = try entry("nesterov")
        let sgdDefaults = try sgd.configuration([]).values
        #expect(try momentum.configuration([]).values["momentum"] == .number(0.9))
        #expect(try nesterov.configuration([]).values["nesterov"] == .flag(true))
        for alias in [momentum, nesterov] {
            #expect(try alias.configuration([]).values["lr"] == sgdDefaults["lr"])
        }
    }

    @Test func nesterovNeedsMomentumWithoutDampening() throws {
        let sgd = try entry("sgd")
        #expect(throws: SpecError.self) { try sgd.make([SpecArgument("nesterov", .flag(true))]) }
        #expect(throws: SpecError.self) {
            try sgd.make([SpecArgument("nesterov", .flag(true)), SpecArgument("momentum", .number(0.9)),
                          SpecArgument("dampening", .number(0.1))])
        }
        #expect(throws: SpecError.self) { try entry("nesterov").make([SpecArgument("momentum", .number(0))]) }
        _ = try sgd.make([SpecArgument("nesterov", .flag(true)), SpecArgument("momentum", .number(0.5))])
    }

    @Test(arguments: TorchOptimizers.all.map(\.name))
    func negativeLearningRateIsRejected(_ name: String) throws {
        let error = try #require(throws: SpecError.self) { try entry(name).make([SpecArgument("lr", .number(-0.1))]) }
        #expect(error.message.contains("'lr'"), "\(error.message)")
    }

    @Test func betasMustLieInTheUnitInterval() throws {
        for name in ["adam", "adamw", "adamax", "nadam", "radam"] {
            let error = try #require(throws: SpecError.self) {
                try entry(name).make([SpecArgument("betas", .tuple([0.9, 1]))])
            }
            #expect(error.message.contains("'betas'"), "\(error.message)")
        }
    }

    @Test(arguments: TorchOptimizers.all.map(\.name))
    func learningRateIsTheLRDefault(_ name: String) throws {
        let e = try entry(name)
        let optimizer = try e.make([])
        #expect(try e.configuration([]).values["lr"] == .number(optimizer.learningRate))
    }

    /// The `lr` argument, not the stored base rate, sets the step: with lr = 0 nothing moves.
    /// (Rprop's step sizes start at lr but are clamped to at least Δmin, 10⁻⁶ by default, as in
    /// PyTorch: here Δmin = 0.)
    @Test(arguments: TorchOptimizers.all.map(\.name))
    func stepUsesTheScheduledRate(_ name: String) throws {
        let e = try entry(name)
        var arguments = e.parameters.contains { $0.name == "weight_decay" } ? [SpecArgument("weight_decay", .number(0.1))] : []
        if name == "rprop" { arguments.append(SpecArgument("step_sizes", .tuple([0, 50]))) }
        var optimizer = try e.make(arguments)
        var x = start
        try optimizer.step(params: &x, gradient: chain.oracle.gradient(at: x), lr: 0, oracle: chain.oracle)
        #expect(x == start)
    }

    /// Every state vector, with every optional one switched on, has one value per parameter.
    @Test(arguments: [
        ("sgd", [SpecArgument("momentum", .number(0.9))]),
        ("momentum", []), ("nesterov", []), ("adagrad", []), ("adadelta", []),
        ("rmsprop", [SpecArgument("centered", .flag(true)), SpecArgument("momentum", .number(0.5))]),
        ("adam", [SpecArgument("amsgrad", .flag(true))]), ("adamw", [SpecArgument("amsgrad", .flag(true))]),
        ("adamax", []), ("nadam", []), ("radam", []), ("rprop", []), ("asgd", [SpecArgument("t0", .number(3))]),
        ("adafactor", []), ("lbfgs", [SpecArgument("max_iter", .number(2))]),
    ])
    func stateHasOneValuePerParameter(_ name: String, _ arguments: [SpecArgument]) throws {
        var optimizer = try entry(name).make(arguments)
        var x = start
        for _ in 0..<8 {
            try optimizer.step(params: &x, gradient: chain.oracle.gradient(at: x), lr: optimizer.learningRate, oracle: chain.oracle)
        }
        let state = optimizer.state
        #expect(!state.isEmpty)
        for vector in state {
            #expect(vector.values.count == start.count, "\(vector.name)")
            let finite = vector.values.allSatisfy { $0.isFinite }
            #expect(finite, "\(vector.name)")
        }
        if name.hasPrefix("adam") || name == "rmsprop" || name == "adagrad" || name.hasSuffix("adam") {
            #expect(state.contains { $0.name == "effective lr" })
        }
    }

    @Test func adamStateNamesFollowItsOptions() throws {
        let adam = try entry("adam")
        var plain = try adam.make([]), ams = try adam.make([SpecArgument("amsgrad", .flag(true))])
        var x = start, y = start
        try plain.step(params: &x, gradient: chain.oracle.gradient(at: x), lr: 0.1, oracle: chain.oracle)
        try ams.step(params: &y, gradient: chain.oracle.gradient(at: y), lr: 0.1, oracle: chain.oracle)
        #expect(plain.state.map(\.name) == ["m", "v", "effective lr"])
        #expect(ams.state.map(\.name) == ["m", "v", "v̂max", "effective lr"])
    }

    /// Adam's first step, by hand: m = (1 − β₁)g and v = (1 − β₂)g², so m̂ = g and √v̂ = |g| after
    /// bias correction, and the step is η·g / (|g| + ε) — PyTorch adds ε after the square root.
    /// That is η·sign(g) up to η·ε / (|g| + ε) ≤ η·ε / |g| (the ε term), and the effective
    /// learning rate is η / (|g| + ε). Where g = 0 nothing moves. A large ε = 10⁻³ makes where ε
    /// enters visible (inside the root, √(g² + ε), would be off by ~ε/|g|² relative). The step is
    /// read off as a difference of parameters of size ≤ 2, so the closed forms hold to a few ulps
    /// of those (10⁻¹⁴ covers the bias corrections' and the six operations' roundings); the sign
    /// holds to the ε bound plus the same slack.
    @Test func adamFirstStepIsTheSignOfTheGradient() throws {
        let lr = 0.1, eps = 1e-3
        var adam = try entry("adam").make([SpecArgument("eps", .number(eps))])
        var x = start
        let g = chain.oracle.gradient(at: x)
        try adam.step(params: &x, gradient: g, lr: lr, oracle: chain.oracle)
        let rates = try #require(adam.state.first { $0.name == "effective lr" }).values
        #expect(g.contains(0))
        let slack = 1e-14
        for i in x.indices {
            let step = start[i] - x[i]
            let magnitude = Swift.abs(g[i])
            let sign: Double = g[i] > 0 ? 1 : g[i] < 0 ? -1 : 0
            #expect(Swift.abs(step - lr * g[i] / (magnitude + eps)) <= slack, "coordinate \(i)")
            #expect(Swift.abs(rates[i] - lr / (magnitude + eps)) <= slack * rates[i], "coordinate \(i)")
            if g[i] == 0 {
                #expect(step == 0)
            } else {
                #expect(Swift.abs(step - lr * sign) <= lr * eps / magnitude + slack, "coordinate \(i)")
            }
        }
    }

    /// ASGD's average: with t₀ = 0 the weight μ is 1 for two steps and then 1/(t − 1), so after
    /// step t the inspector's `ax` is the mean of x₂ … xₜ (λ = 0: plain SGD iterates).
    @Test func asgdAveragesTheIteratesAfterT0() throws {
        var asgd = try entry("asgd").make([SpecArgument("t0", .number(0)), SpecArgument("lambd", .number(0)),
                                           SpecArgument("lr", .number(0.05))])
        var x = start
        var iterates: [[Double]] = []
        for _ in 0..<6 {
            try asgd.step(params: &x, gradient: chain.oracle.gradient(at: x), lr: 0.05, oracle: chain.oracle)
            iterates.append(x)
        }
        let ax = try #require(asgd.state.first { $0.name == "ax" }).values
        for i in x.indices {
            let mean = iterates.dropFirst().map { $0[i] }.reduce(0, +) / 5
            #expect(Swift.abs(ax[i] - mean) <= 1e-14, "coordinate \(i)")
        }
        #expect(ax != x)
    }

    /// On a 2-D quadratic one L-BFGS step (one `step(closure)`: here 6 iterations, until
    /// |Δf| < tolerance_change) comes within 10⁻⁵ of the minimum from 1.8 away (PyTorch: to
    /// (1.6, −1.4)·10⁻⁶), and the state counts every oracle evaluation.
    @Test func lbfgsWithStrongWolfeSolvesAQuadraticInOneStep() throws {
        let quadratic = GradientOracle { x, g in
            g[0] = 10 * x[0] + 2 * x[1]
            g[1] = 2 * x[0] + 6 * x[1]
            return 5 * x[0] * x[0] + 2 * x[0] * x[1] + 3 * x[1] * x[1]
        }
        var calls = 0
        let counted = GradientOracle { x, g in calls += 1; return quadratic.evaluate(x, &g) }
        var lbfgs = try #require(try Registry.builtin.optimizer("lbfgs(line_search_fn=strong_wolfe)").optimizer as? LBFGS)
        var x = [1.5, -1.0]
        lbfgs.step(params: &x, gradient: quadratic.gradient(at: x), lr: 1, oracle: counted)
        #expect(Swift.abs(x[0]) < 1e-5 && Swift.abs(x[1]) < 1e-5, "\(x)")
        #expect(lbfgs.functionEvaluations == calls)
        #expect(try #require(lbfgs.state.first { $0.name == "evaluations" }).values == [Double(calls), Double(calls)])
        #expect(lbfgs.iterations >= 2)
    }

    @Test func lbfgsLineSearchIsNoneOrStrongWolfe() throws {
        let error = try #require(throws: SpecError.self) { try Registry.builtin.optimizer("lbfgs(line_search_fn=backtracking)") }
        #expect(error.message.contains("none, strong_wolfe"), "\(error.message)")
    }

    @Test func rpropEtasMustBracketOne() throws {
        for etas in [[1.2, 0.5], [0.5, 1], [0, 1.2]] {
            #expect(throws: SpecError.self) { try entry("rprop").make([SpecArgument("etas", .tuple(etas))]) }
        }
    }
}
