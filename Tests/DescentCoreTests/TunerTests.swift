import DescentCore
import Testing

/// `descent tune`'s search: never a diverged winner, a winner a plain run reproduces, determinism.
@Suite struct TunerTests {
    let beale = try! Registry.builtin.surface("beale")

    func setup(_ criterion: TuneCriterion = .finalLoss, starts: Int = 1, seed: UInt64 = 0) -> TuneSetup {
        TuneSetup(surface: beale, starts: tuneStarts(around: [1, 1.5], viewBox: beale.viewBox, count: starts, seed: seed),
                  budget: 300, criterion: criterion, seed: seed)
    }

    /// A plain run of `spec` for the budget, scored as `descent race` scores it.
    func race(_ spec: String, tolerance: Double = 1e-3) throws -> RaceResult {
        let configured = try Registry.builtin.optimizer(spec)
        var run = Run(label: spec, spec: spec, optimizer: configured.optimizer, oracle: beale.oracle, start: [1, 1.5])
        run.advance(toStep: 300)
        return RaceResult(run: run, surface: beale, tolerance: tolerance)
    }

    @Test(arguments: ["sgd", "momentum", "adam", "rmsprop"])
    func theWinnerNeverDivergedAndAPlainRaceReproducesItsFigure(spec: String) throws {
        let result = try Tuner.tune(spec, setup())
        let best = try #require(result.best)
        // Plain and heavy-ball SGD diverge at the grid's high rates, so the rule is exercised
        // (Adam's and RMSprop's steps are bounded by their rate: they stay finite up to 10).
        if spec == "sgd" || spec == "momentum" { #expect(result.trials.contains { $0.divergedAt != nil }) }
        #expect(best.isHealthy && best.divergedAt == nil)
        #expect(result.trials.allSatisfy { !$0.isHealthy || !$0.beats(best) })
        let plain = try race(best.spec)
        #expect(plain.divergedAt == nil)
        #expect(plain.steps == 300)
        #expect(plain.finalLoss == best.figure)
        #expect(plain.finalLoss == best.finalLoss)
        let range = try #require(result.forgiving)
        #expect(range.contains(best.learningRate))
    }

    @Test func stepsToToleranceIsReproducedByARace() throws {
        let result = try Tuner.tune("adam", setup(.stepsToTolerance(1e-3)))
        let best = try #require(result.best)
        let steps = try #require(best.figure)
        #expect(steps.isFinite)
        #expect(try race(best.spec).stepsToTolerance.map(Double.init) == steps)
    }

    @Test func theAreaIsTheSumOfTheLosses() throws {
        let result = try Tuner.tune("sgd", setup(.area))
        let best = try #require(result.best)
        let configured = try Registry.builtin.optimizer(best.spec)
        var run = Run(label: "", spec: best.spec, optimizer: configured.optimizer, oracle: beale.oracle, start: [1, 1.5])
        run.advance(toStep: 300)
        #expect(run.losses.reduce(0, +) == best.figure)
    }

    @Test func whenEveryRateDivergesThereIsNoWinner() throws {
        var s = setup()
        s.rates = 1e3...1e6
        s.gridPoints = 4
        let result = try Tuner.tune("sgd", s)
        #expect(result.best == nil)
        #expect(result.forgiving == nil)
        #expect(result.trials.allSatisfy { !$0.isHealthy })
    }

    @Test func seededStartsAreDeterministic() throws {
        let a = try Tuner.tune("momentum", setup(starts: 3, seed: 7))
        let b = try Tuner.tune("momentum", setup(starts: 3, seed: 7))
        #expect(a.trials == b.trials)
        #expect(a.best == b.best)
        let c = try Tuner.tune("momentum", setup(starts: 3, seed: 8))
        #expect(c.trials != a.trials)
        #expect(tuneStarts(around: [1, 1.5], viewBox: beale.viewBox, count: 3, seed: 7)[0] == [1, 1.5])
    }

    @Test func aSecondParameterIsSearchedWithTheRate() throws {
        var s = setup()
        s.also = ("momentum", [0, 0.9])
        let result = try Tuner.tune("sgd", s)
        let best = try #require(result.best)
        #expect(best.also == 0 || best.also == 0.9)
        #expect(Set(result.trials.compactMap(\.also)) == [0, 0.9])
        #expect(result.curve.allSatisfy { $0.also == best.also })
        #expect(try race(best.spec).finalLoss == best.figure)
        s.also = ("betas", [0.9])
        #expect(throws: SpecError.self) { try Tuner.tune("adam", s) }
    }

    @Test func theRateReplacesTheSpecsOwnAndKeepsTheChain() throws {
        let result = try Tuner.tune("clip_norm(max_norm=1) | sgd(lr=0.5, momentum=0.5)", setup())
        let best = try #require(result.best)
        #expect(best.spec.hasPrefix("clip_norm(max_norm=1) | sgd(lr="))
        #expect(best.spec.hasSuffix(", momentum=0.5)"))
        #expect(try Registry.builtin.optimizer(best.spec).optimizer.learningRate == best.learningRate)
    }
}

/// Tuning on a net over several initialisations: a trial's figure is the mean of the final
/// losses of plain trainings from each start (start k: the recipe seeded with seed + 3k).
@Suite struct NetTuningStartsTests {
    @Test func aTrialOverStartsIsTheMeanOfPlainTrainings() throws {
        var recipe = TrainingRecipe(source: .synthetic(.moons, samples: 120, noise: nil), validationFraction: 0.25,
                                    net: try MLP("2-6-2", activation: .tanh), loss: .crossEntropy, initialization: nil,
                                    batchSize: 16, seed: 7)
        let problem = try recipe.makeProblem()
        let net = NetTuning(recipe: recipe, problem: problem, starts: 3)
        let setup = TuneSetup(net: net, budget: 2, rates: 0.01...1, gridPoints: 3, refinements: 0)
        let result = try Tuner.tune("sgd", setup)
        let best = try #require(result.best)
        var finals: [Double] = []
        for k in 0..<3 {
            recipe.seed = 7 &+ 3 &* UInt64(k)
            let optimizer = try Registry.builtin.optimizer(best.spec).optimizer
            var trainer = recipe.makeTrainers([TrainingRecipe.Entry(label: best.spec, optimizer: optimizer, schedule: ConstantSchedule())],
                                              problem: problem)[0]
            trainer.train(epochs: 2)
            finals.append(trainer.evaluate().train.loss)
        }
        #expect(Set(finals).count == 3, "the starts differ")
        #expect(best.figure == finals.reduce(0, +) / 3)
        #expect(best.finalLoss == best.figure)
    }
}
