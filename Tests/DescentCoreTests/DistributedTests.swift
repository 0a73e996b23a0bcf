import Testing
@testable import DescentCore

@Suite struct DistributedTests {
    /// f = ½x² on one coordinate (∇f = x), the same for every worker: for hand computations.
    static var halfSquare: WorkerGradients { WorkerGradients(
        dimension: 1,
        objective: GradientOracle(evaluate: { x, g in g[0] = x[0]; return 0.5 * x[0] * x[0] }),
        workerOracle: { _ in GradientOracle(evaluate: { x, g in g[0] = x[0]; return 0.5 * x[0] * x[0] }) }) }

    static func surface(_ name: String) throws -> Surface { try Registry.builtin.surface(name) }

    /// Plain SGD at rate η on `oracle` from `start`: the reference every method reduces to.
    static func sgdPath(lr: Double, oracle: GradientOracle, start: [Double], steps: Int) -> [Double] {
        var run = Run(label: "sgd", spec: "sgd", optimizer: try! SGD(lr: lr), oracle: oracle, start: start)
        run.advance(toStep: steps)
        return run.points
    }

    /// The first seed a ``DistributedRun`` gives worker 0's oracle, and the seed after the K
    /// oracle seeds (worker 0's sample draws for K = 1).
    static func workerSeeds(_ seed: UInt64) -> (oracle: UInt64, samples: UInt64) {
        var generator = Xoshiro256(seed: seed)
        return (generator.next(), generator.next())
    }

    /// With one worker and no staleness every method is plain SGD, bit for bit, on a noisy
    /// surface (EASGD with α = 0: its worker's path; the centre stays at the start).
    @Test(arguments: [
        DistributedMethod.synchronous, .asynchronous(staleness: .fixed(0)), .asynchronous(staleness: .uniform(0)),
        .asynchronous(staleness: .geometric(mean: 0)), .downpour(push: 1, fetch: 1), .easgd(alpha: 0, period: 1),
        .easgd(alpha: 0, period: 4),
    ])
    func oneWorkerWithoutStalenessIsPlainSGD(method: DistributedMethod) throws {
        let gradients = WorkerGradients.surface(try Self.surface("rosenbrock"), noise: 0.3)
        var run = try DistributedRun(method: method, workers: 1, learningRate: 1e-3, gradients: gradients,
                                     start: [-1.5, 2], seed: 21)
        run.advance(toStep: 300)
        let reference = Self.sgdPath(lr: 1e-3, oracle: gradients.workerOracle(Self.workerSeeds(21).oracle),
                                     start: [-1.5, 2], steps: 300)
        if case .easgd = method {
            #expect(run.workerPoints == reference)
            let centre: [Double] = (0...300).flatMap { _ in [-1.5, 2.0] }
            #expect(run.points == centre)
        } else {
            #expect(run.points == reference)
        }
    }

    /// The gradient of one sample per call, drawn uniformly as a one-worker Hogwild! with `seed`
    /// draws its samples.
    static func singleSamples(of objective: FiniteSumObjective, seed: UInt64) -> GradientOracle {
        let draws = GeneratorBox(seed: workerSeeds(seed).samples)
        return GradientOracle(evaluate: { x, g in
            let i = Int(draws.generator.next() % UInt64(objective.count))
            g = objective.sampleGradient(i, at: x)
            return objective.sampleLoss(i, at: x)
        })
    }

    /// Hogwild! with one worker is SGD on one uniformly drawn sample per step.
    @Test func oneWorkerHogwildIsSingleSampleSGD() throws {
        let objective = try StochasticObjectives.objective("least_squares(n=50)")
        var run = try DistributedRun(method: .hogwild, workers: 1, learningRate: 0.05,
                                     gradients: .finiteSum(objective, batchSize: 1), start: [-1, 2], seed: 4)
        run.advance(toStep: 200)
        #expect(run.points == Self.sgdPath(lr: 0.05, oracle: Self.singleSamples(of: objective, seed: 4), start: [-1, 2], steps: 200))
    }

    @Test(arguments: [
        DistributedMethod.synchronous, .asynchronous(staleness: .uniform(6)), .downpour(push: 3, fetch: 5), .hogwild,
        .easgd(alpha: 0.1, period: 1), .easgd(alpha: 0.2, period: 3),
    ])
    func sameSeedSamePathOtherSeedAnother(method: DistributedMethod) throws {
        let objective = try StochasticObjectives.objective("logistic")
        func path(_ seed: UInt64) throws -> DistributedRun {
            var run = try DistributedRun(method: method, workers: 4, learningRate: 0.1,
                                         gradients: .finiteSum(objective, batchSize: 8), start: [-2, 2], seed: seed)
            run.advance(toStep: 100)
            return run
        }
        let a = try path(3), b = try path(3), c = try path(4)
        #expect(a.points == b.points && a.workerPoints == b.workerPoints && a.workerStaleness == b.workerStaleness)
        #expect(a.points != c.points)
    }

    // MARK: Hand-computed cases on f = ½x², x₀ = 1, η = ½

    @Test func asynchronousFixedStalenessByHand() throws {
        var run = try DistributedRun(method: .asynchronous(staleness: .fixed(1)), workers: 2, learningRate: 0.5,
                                     gradients: Self.halfSquare, start: [1], seed: 0)
        run.advance(toStep: 4)
        // x₁ = 1 − ½·1 (τ clamped to 0), x₂ = x₁ − ½x₀, x₃ = x₂ − ½x₁, x₄ = x₃ − ½x₂.
        #expect(run.points == [1, 0.5, 0, -0.25, -0.25])
        #expect((1...4).map { run.staleness(of: ($0 - 1) % 2, at: $0) } == [0, 1, 1, 1])
        #expect(run.workerPoint(1, at: 2) == [1])  // worker 1 computed update 2 at x₀
    }

    @Test func synchronousByHand() throws {
        var run = try DistributedRun(method: .synchronous, workers: 3, learningRate: 0.5,
                                     gradients: Self.halfSquare, start: [1], seed: 0)
        run.advance(toStep: 2)
        #expect(run.points == [1, 0.5, 0.25])
        #expect(run.workerPoints == [1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25])
    }

    @Test func downpourByHand() throws {
        var run = try DistributedRun(method: .downpour(push: 2, fetch: 2), workers: 2, learningRate: 0.5,
                                     gradients: Self.halfSquare, start: [1], seed: 0)
        run.advance(toStep: 2)
        // Tick 0: both step to ½; worker 1 (clock 2) pushes Σg = 1 (x = ½) and fetches.
        // Tick 1: worker 0 steps to ¼, pushes Σg = 1 + ½ (x = ½ − ¾) and fetches; worker 1 steps to ¼.
        #expect(run.points == [1, 0.5, -0.25])
        #expect(run.workerPoint(0, at: 2) == [-0.25] && run.workerPoint(1, at: 2) == [0.25])
        #expect(run.staleness(of: 0, at: 2) == 0 && run.staleness(of: 1, at: 2) == 1)
    }

    @Test func synchronousEASGDByHand() throws {
        var run = try DistributedRun(method: .easgd(alpha: 0.25, period: 1), workers: 2, learningRate: 0.5,
                                     gradients: Self.halfSquare, start: [1], seed: 0)
        run.advance(toStep: 2)
        // Tick 0: workers 1 − ½ = ½, centre stays 1. Tick 1: workers ½ − ¼ − ¼(½ − 1) = ⅜,
        // centre 1 + ¼·2·(½ − 1) = ¾.
        #expect(run.points == [1, 1, 0.75])
        #expect(run.workerPoint(0, at: 2) == [0.375] && run.workerPoint(1, at: 2) == [0.375])
        #expect(run.distanceToServer(of: 0, at: 2) == 0.375)
    }

    // MARK: Hogwild!

    /// On a sum whose samples touch one coordinate each, every lock-free write changes at most
    /// one coordinate of the shared vector (the sample's support), computed at a read K − 1
    /// updates old.
    @Test func hogwildWritesOnlyTheSampleSupport() throws {
        let sparse = try StochasticObjectives.objective("sparse_least_squares(n=100, overlap=0, noise=0.1, seed=2)")
        var run = try DistributedRun(method: .hogwild, workers: 3, learningRate: 0.1,
                                     gradients: .finiteSum(sparse, batchSize: 1), start: [-1, 1], seed: 8)
        run.advance(toStep: 300)
        for t in 1...300 {
            let before = run.point(t - 1), after = run.point(t)
            #expect(zip(before, after).filter { $0 != $1 }.count <= 1)
            #expect(run.staleness(of: (t - 1) % 3, at: t) == min(2, t - 1))
        }
        #expect(euclideanNorm(zip(run.point(300), sparse.minimizer).map { $0 - $1 }) < 0.3)
    }

    @Test func hogwildNeedsAFiniteSum() throws {
        #expect(throws: SpecError.self) {
            try DistributedRun(method: .hogwild, workers: 2, learningRate: 0.1,
                               gradients: .surface(try Self.surface("quadratic")), start: [1, 1], seed: 0)
        }
    }

    // MARK: Staleness

    @Test func stalenessStatistics() throws {
        func drawn(_ staleness: Staleness) throws -> [Int] {
            var run = try DistributedRun(method: .asynchronous(staleness: staleness), workers: 4, learningRate: 1e-3,
                                         gradients: Self.halfSquare, start: [1], seed: 5)
            run.advance(toStep: 8000)
            return (1000...8000).map { run.staleness(of: ($0 - 1) % 4, at: $0) }
        }
        #expect(try drawn(.fixed(5)).allSatisfy { $0 == 5 })
        let uniform = try drawn(.uniform(8))
        #expect(uniform.min() == 0 && uniform.max() == 8)
        let uniformMean = Double(uniform.reduce(0, +)) / Double(uniform.count)
        let uniformError: Double = (80.0 / 12 / Double(uniform.count)).squareRoot()
        #expect(Swift.abs(uniformMean - 4) < 5 * uniformError)
        let geometric = try drawn(.geometric(mean: 3))
        let geometricMean = Double(geometric.reduce(0, +)) / Double(geometric.count)
        // Var τ = q/(1 − q)² = τ̄(1 + τ̄) = 12.
        let geometricError: Double = (12 / Double(geometric.count)).squareRoot()
        #expect(Swift.abs(geometricMean - 3) < 5 * geometricError)
    }

    /// Mitliagkas et al. 2016: with geometric staleness of mean τ̄, the expected iterate on a
    /// quadratic follows heavy ball with momentum μ = τ̄/(1 + τ̄) and rate (1 − μ)η. Checked on
    /// the mean of 3000 seeded runs (within 5 standard errors at every step); at η = 0.2 plain
    /// SGD (x_t = 0.8ᵗ) never crosses the minimum while the stale runs, like momentum, overshoot.
    @Test func stalenessActsLikeMomentum() throws {
        let staleness = Staleness.geometric(mean: 3), eta = 0.2, steps = 60, runs = 3000
        var sum = [Double](repeating: 0, count: steps + 1), squares = sum
        for seed in 0..<runs {
            var run = try DistributedRun(method: .asynchronous(staleness: staleness), workers: 4, learningRate: eta,
                                         gradients: Self.halfSquare, start: [1], seed: UInt64(seed))
            run.advance(toStep: steps)
            for t in 0...steps {
                sum[t] += run.points[t]
                squares[t] += run.points[t] * run.points[t]
            }
        }
        let mu = staleness.impliedMomentum
        #expect(mu == 0.75)
        var heavyBall = [1.0, 1 - eta]
        for t in 1..<steps { heavyBall.append(heavyBall[t] + mu * (heavyBall[t] - heavyBall[t - 1]) - (1 - mu) * eta * heavyBall[t]) }
        let n = Double(runs)
        for t in 0...steps {
            let mean = sum[t] / n
            let standardError = ((squares[t] / n - mean * mean) / n).squareRoot()
            #expect(Swift.abs(mean - heavyBall[t]) <= 5 * standardError + 1e-12, "step \(t): \(mean) vs \(heavyBall[t])")
        }
        #expect(heavyBall.min()! < -0.05 && sum.min()! / n < -0.05)
        var sgd = try DistributedRun(method: .synchronous, workers: 1, learningRate: eta, gradients: Self.halfSquare,
                                     start: [1], seed: 0)
        sgd.advance(toStep: steps)
        #expect(sgd.points.allSatisfy { $0 > 0 })
    }

    // MARK: EASGD

    /// The centre x̃ is an exponential average of the workers' mean m: m − x̃ obeys
    /// e_{t+1} = (1 − (K+1)α) e_t − η ḡ_t, so once the workers hover around the minimum under
    /// noise, the time average of x̃ − m vanishes against their spread.
    @Test func easgdCentreIsTheWorkersMeanInTheLimit() throws {
        let workers = 4
        var run = try DistributedRun(method: .easgd(alpha: 0.05, period: 1), workers: workers, learningRate: 0.02,
                                     gradients: .surface(try Self.surface("quadratic"), noise: 2), start: [1.5, -1.5], seed: 6)
        run.advance(toStep: 20_000)
        var offset = [0.0, 0.0], spread = 0.0, count = 0.0
        for t in 10_000...20_000 {
            let centre = run.point(t)
            let mean = (0..<2).map { j in (0..<workers).reduce(0.0) { $0 + run.workerPoint($1, at: t)[j] } / Double(workers) }
            offset[0] += centre[0] - mean[0]
            offset[1] += centre[1] - mean[1]
            spread += (0..<workers).reduce(0.0) { $0 + run.distanceToServer(of: $1, at: t) } / Double(workers)
            count += 1
        }
        #expect(euclideanNorm(offset) / count < 0.02 * spread / count)
    }

    @Test func countsAndPeriodsAreBounded() throws {
        let g = Self.halfSquare
        #expect(throws: SpecError.self) { try DistributedRun(method: .synchronous, workers: 0, learningRate: 0.1, gradients: g, start: [1], seed: 0) }
        #expect(throws: SpecError.self) { try DistributedRun(method: .synchronous, workers: 65, learningRate: 0.1, gradients: g, start: [1], seed: 0) }
        #expect(throws: SpecError.self) {
            try DistributedRun(method: .asynchronous(staleness: .fixed(1001)), workers: 2, learningRate: 0.1, gradients: g, start: [1], seed: 0)
        }
        #expect(throws: SpecError.self) { try DistributedRun(method: .downpour(push: 0, fetch: 1), workers: 2, learningRate: 0.1, gradients: g, start: [1], seed: 0) }
        #expect(throws: SpecError.self) { try DistributedRun(method: .easgd(alpha: 1.5, period: 1), workers: 2, learningRate: 0.1, gradients: g, start: [1], seed: 0) }
    }

    @Test func divergenceEndsTheSimulation() throws {
        var run = try DistributedRun(method: .asynchronous(staleness: .fixed(3)), workers: 2, learningRate: 10,
                                     gradients: Self.halfSquare, start: [1], seed: 0)
        run.advance(toStep: 2000)
        #expect(run.divergedAt != nil && run.steps < 2000 && run.points.allSatisfy(\.isFinite))
    }

    // MARK: The registry optimizers

    /// `sync_sgd`, `async_sgd`, `downpour` and `easgd` raced as optimizers in a ``Run`` follow the
    /// simulation's server path exactly (same seeds, same noise), and show each worker's position
    /// with its staleness (EASGD: its distance to the centre).
    @Test(arguments: [
        ("sync_sgd(lr=0.002, workers=3, noise=2)", DistributedMethod.synchronous),
        ("async_sgd(lr=0.002, workers=3, noise=2, staleness=5, distribution=uniform)", .asynchronous(staleness: .uniform(5))),
        ("async_sgd(lr=0.002, workers=3, noise=2, staleness=3, distribution=geometric)", .asynchronous(staleness: .geometric(mean: 3))),
        ("downpour(lr=0.002, workers=3, noise=2, push=2, fetch=5)", .downpour(push: 2, fetch: 5)),
        ("easgd(lr=0.002, workers=3, noise=2, alpha=0.2, period=1)", .easgd(alpha: 0.2, period: 1)),
        ("easgd(lr=0.002, workers=3, noise=2, alpha=0.3, period=4)", .easgd(alpha: 0.3, period: 4)),
    ])
    func registryOptimizerFollowsTheSimulation(spec: String, method: DistributedMethod) throws {
        let surface = try Self.surface("quadratic")
        let optimizer = try Registry.builtin.optimizer(spec, seed: 17).optimizer
        var run = Run(label: spec, spec: spec, optimizer: optimizer, oracle: surface.oracle, start: [1.5, -1.5])
        run.advance(toStep: 150)
        try #require(run.count == 151)
        var simulation = try DistributedRun(method: method, workers: 3, learningRate: 0.002,
                                            gradients: .surface(surface, noise: 2), start: [1.5, -1.5], seed: 17)
        simulation.advance(toStep: 150)
        #expect(run.points == simulation.points)
        let last = try #require(run.states.last)
        #expect(last.map(\.values) == (0..<3).map { simulation.workerPoint($0, at: 150) })
        let tags = (0..<3).map { k -> String in
            if case .easgd = method { return "w\(k + 1) ↔" + DistributedOptimizer.threeDigits(simulation.distanceToServer(of: k, at: 150)) }
            return "w\(k + 1) τ\(simulation.staleness(of: k, at: 150))"
        }
        #expect(last.map(\.name) == tags)
    }

    /// `hogwild` raced as an optimizer follows ``DistributedRun``'s Hogwild! bit for bit (same
    /// seed handling), whichever oracle of the sum the run steps on, and shows the staleness.
    @Test(arguments: [1, 5])
    func registryHogwildFollowsTheSimulation(workers: Int) throws {
        let objective = try StochasticObjectives.objective("sparse_least_squares(n=80, overlap=0.2, seed=3)")
        let spec = "hogwild(lr=0.1, workers=\(workers))"
        var simulation = try DistributedRun(method: .hogwild, workers: workers, learningRate: 0.1,
                                            gradients: .finiteSum(objective, batchSize: 1), start: [-1, 1.5], seed: 17)
        simulation.advance(toStep: 200)
        for oracle in [objective.minibatchOracle(batchSize: 4, seed: 9), objective.fullOracle, objective.surface.oracle] {
            let optimizer = try Registry.builtin.optimizer(spec, seed: 17).optimizer
            var run = Run(label: spec, spec: spec, optimizer: optimizer, oracle: oracle, start: [-1, 1.5])
            run.advance(toStep: 200)
            #expect(run.points == simulation.points)
            let last = try #require(run.states.last)
            #expect(last.map(\.values) == (0..<workers).map { simulation.workerPoint($0, at: 200) })
            #expect(last.map(\.name) == (0..<workers).map { "w\($0 + 1) τ\(simulation.staleness(of: $0, at: 200))" })
        }
    }

    /// With K = 1 the registry `hogwild` is plain SGD on one uniformly drawn sample per step.
    @Test func registryHogwildWithOneWorkerIsSingleSampleSGD() throws {
        let objective = try StochasticObjectives.objective("sparse_least_squares(overlap=0.5)")
        let optimizer = try Registry.builtin.optimizer("hogwild(lr=0.2, workers=1)", seed: 5).optimizer
        var run = Run(label: "hogwild", spec: "hogwild", optimizer: optimizer, oracle: objective.fullOracle, start: [2, 0])
        run.advance(toStep: 150)
        #expect(run.points == Self.sgdPath(lr: 0.2, oracle: Self.singleSamples(of: objective, seed: 5), start: [2, 0], steps: 150))
    }

    /// Where the oracle carries no finite sum, `hogwild` says so before a run (``Optimizer/checkSamples(of:)``)
    /// and, stepped anyway, fails its first step with the same reason. Transforms in front of it
    /// (which would never see its samples' gradients) are refused.
    @Test func registryHogwildNeedsAFiniteSum() throws {
        let plain = try Self.surface("beale").oracle
        let optimizer = try Registry.builtin.optimizer("hogwild(workers=2)").optimizer
        #expect(optimizer.drawsSamples)
        #expect(throws: SpecError(DistributedOptimizers.noSamples)) { try optimizer.checkSamples(of: plain) }
        var run = Run(label: "hogwild", spec: "hogwild", optimizer: optimizer, oracle: plain, start: [1, 1])
        run.advance(toStep: 10)
        #expect(run.steps == 0 && run.failure == OptimizerFailure(DistributedOptimizers.noSamples))
        #expect(throws: SpecError("hogwild draws its own single samples, which the transforms before it never see; remove them", column: 1)) {
            try Registry.builtin.optimizer("noise(sigma=1) | hogwild(workers=2)")
        }
        let sum = try StochasticObjectives.objective("least_squares")
        try Registry.builtin.optimizer("hogwild").optimizer.checkSamples(of: sum.minibatchOracle(batchSize: 2, seed: 0))
        try Registry.builtin.optimizer("hogwild").optimizer.checkSamples(of: try Registry.builtin.surface("sparse_least_squares").oracle)
        #expect(try !Registry.builtin.optimizer("async_sgd").optimizer.drawsSamples)
    }

    /// Every distributed optimizer's workers compute their own gradients, so a transform in front
    /// (which sees only the gradient at the server point) is refused, not silently ignored.
    @Test(arguments: ["sync_sgd", "async_sgd", "downpour", "easgd"])
    func transformsInFrontOfWorkersAreRefused(name: String) throws {
        #expect(try Registry.builtin.optimizer(name).optimizer.ownGradients != nil)
        #expect(throws: SpecError("\(name) computes its workers' own gradients (give them noise with noise=σ), which the transforms "
                                  + "before it never see; remove them", column: 1)) {
            try Registry.builtin.optimizer("noise(sigma=1) | \(name)")
        }
        #expect(try Registry.builtin.optimizer("noise(sigma=1) | sgd").optimizer.ownGradients == nil)
    }
}
