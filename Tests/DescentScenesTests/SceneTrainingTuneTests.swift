import DescentCore
import Foundation
import Testing
@testable import DescentScenes

/// `tune = { … }` in `[training]`: the training race runs at the rates `descent tune` finds on
/// the same net (the same search: ``Tuner`` with ``NetTuning``), says so in its labels, and its
/// trainers reproduce the winning trials' figures; bad settings are reported in place.
@Suite struct SceneTrainingTuneTests {
    static let scene = """
        title = "t"
        description = "d"
        [run]
        seed = 4
        [training]
        dataset = "moons"
        samples = 200
        net = "2-8-2"
        activation = "relu"
        loss = "mse"
        batch_size = 32
        epochs = 3
        tune = { lr_range = [1e-2, 1e6], lr_grid = 7, refine = 2 }
        [[training.optimizer]]
        spec = "sgd(lr=0.01)"
        label = "SGD"
        tune = false
        [[training.optimizer]]
        spec = "sgd"
        label = "SGD"
        [[training.optimizer]]
        spec = "adam(betas=(0.8, 0.99))"
        schedule = "cosine(t_max=15)"
        batch_size = "full"
        """

    /// The search `descent tune` runs on the scene's net for optimizer `i`: its batch size and
    /// schedule, the training seed, `starts` initialisations.
    static func setup(_ training: SceneTraining, _ i: Int, starts: Int = 1, budget: Int = 3, grid: Int = 7, refine: Int = 2) throws -> TuneSetup {
        var recipe = training.recipe
        if let batch = training.optimizers[i].batchSize { recipe.batchSize = batch }
        let schedule: any Schedule = if let text = training.optimizers[i].schedule { try Registry.builtin.schedule(text) } else { ConstantSchedule() }
        return TuneSetup(net: NetTuning(recipe: recipe, problem: training.problem, starts: starts), schedule: schedule, budget: budget,
                         rates: 1e-2...1e6, gridPoints: grid, refinements: refine, seed: training.recipe.seed)
    }

    @Test func theRaceTrainsAtTheRatesDescentTuneFindsAndReproducesTheirFigures() throws {
        let parsed = try Scene.parse(Self.scene, file: "t.toml", registry: .builtin)
        let written = try #require(parsed.training)
        #expect(written.optimizers.map(\.spec) == ["sgd(lr=0.01)", "sgd", "adam(betas=(0.8, 0.99))"], "parsing does not tune")
        #expect(written.tune?.budget == 3, "the budget defaults to the training's epochs")
        let scene = try parsed.tuned(registry: .builtin)
        let training = try #require(scene.training)
        #expect(training.optimizers[0] == written.optimizers[0], "tune = false keeps the rate as written")
        var trainers = try scene.makeTrainers(registry: .builtin)
        for i in trainers.indices { trainers[i].train(epochs: 3) }
        for i in 1...2 {
            let result = try Tuner.tune(written.optimizers[i].spec, try Self.setup(written, i))
            let best = try #require(result.best)
            #expect(training.optimizers[i].tuned == best)
            let spec = try SpecParser.parseChain(training.optimizers[i].spec)[0]
            #expect(spec.arguments.contains { $0.key == "lr" && $0.value == .number(best.learningRate) })
            // A diverged rate never wins; SGD does diverge at the high rates of this range.
            #expect(!result.trials.contains { !$0.isHealthy && $0.learningRate == best.learningRate })
            if i == 1 { #expect(result.trials.contains { $0.divergedAt != nil }) }
            // With one start, the race's own trainer reproduces the winner's figure bit for bit.
            #expect(trainers[i].isActive)
            #expect(trainers[i].evaluate().train.loss == best.figure)
        }
        #expect(training.optimizers[1].label == "SGD (tuned)")
        let adam = training.optimizers[2].label
        #expect(adam.hasPrefix("adam(lr=") && adam.hasSuffix(", betas=(0.8, 0.99), tuned)"), "\(adam)")
        #expect(trainers.map(\.label) == training.optimizers.map(\.label))
    }

    @Test func startsAndSeedAndASecondParameter() throws {
        let text = Self.scene
            .replacingOccurrences(of: "tune = { lr_range = [1e-2, 1e6], lr_grid = 7, refine = 2 }",
                                  with: "tune = { budget = 2, by = \"area\", starts = 2, seed = 9, lr_range = [1e-3, 1e3], lr_grid = 5, refine = 1, also = \"momentum\", also_values = [0, 0.9] }")
            .replacingOccurrences(of: "spec = \"adam(betas=(0.8, 0.99))\"", with: "spec = \"adam\"\ntune = false")
        let parsed = try Scene.parse(text, file: "t.toml", registry: .builtin)
        let written = try #require(parsed.training)
        let tune = try #require(written.tune)
        #expect(tune.budget == 2 && tune.criterion == .area && tune.starts == 2 && tune.seed == 9)
        let training = try #require(try parsed.tuned(registry: .builtin).training)
        var recipe = written.recipe
        recipe.seed = 9
        let setup = TuneSetup(net: NetTuning(recipe: recipe, problem: written.problem, starts: 2), budget: 2, criterion: .area,
                              rates: 1e-3...1e3, gridPoints: 5, refinements: 1, also: ("momentum", [0, 0.9]), seed: written.recipe.seed)
        let best = try #require(try Tuner.tune("sgd", setup).best)
        #expect(training.optimizers[1].tuned == best)
        #expect(training.optimizers[1].label == "SGD (tuned, momentum=\(best.also == 0 ? "0" : "0.9"))")
        #expect(training.optimizers[1].spec.contains("momentum="))
        #expect(training.optimizers[2] == written.optimizers[2])
    }

    static let header = "title = \"t\"\ndescription = \"d\"\n[training]\ndataset = \"moons\"\nbatch_size = 8\nepochs = 3\n"
    static let optimizer = "[[training.optimizer]]\nspec = \"adam\"\n"

    @Test(arguments: [
        ("tune = { by = \"steps\" }\n",
         "t.toml:7:15: training.tune.by: 'steps' needs a surface with known minima, and a net has none; use 'final' or 'area'"),
        ("tune = { tol = 0.1 }\n",
         "t.toml:7:10: training.tune.tol: goes with by = \"steps\" on a surface; a net has no known minimum to arrive at, remove it"),
        ("tune = { budget = 1000, starts = 10 }\n",
         "t.toml:7:8: training.tune: tuning would train for 21000000 steps in all (optimizers × 21 trials × 10 starts × 1000 epochs × "
         + "steps per epoch), more than 1000000 (the limit); lower budget, lr_grid, refine or starts"),
        ("tune = { also = \"betas\" }\n",
         "t.toml:7:17: training.tune.also: 'betas' is not a real hyperparameter of 'adam' besides lr (see 'descent list optimizers') "
         + "(training.optimizer[0]; give it tune = false to keep its values)"),
        ("tune = { budgte = 3 }\n", "t.toml:7:10: training.tune.budgte: unknown key; did you mean 'budget'? valid: "
         + SceneValidator.tuneKeys.joined(separator: ", ")),
        ("tune = { budget = 0 }\n", "t.toml:7:19: training.tune.budget: must be between 1 and 100000, got 0"),
    ])
    func badSettingsAreReportedInPlace(_ tune: String, _ expected: String) {
        do {
            _ = try Scene.parse(Self.header + tune + Self.optimizer, file: "t.toml", registry: .builtin)
            Issue.record("loaded")
        } catch {
            #expect(error.diagnostics.map(\.description) == [expected])
        }
    }

    @Test func aTopLevelTuneInATrainingOnlySceneSaysWhereTheTrainingRaceTunes() {
        let text = "title = \"t\"\ndescription = \"d\"\ntune = { budget = 3 }\n" + Self.header.split(separator: "\n").dropFirst(2).joined(separator: "\n")
            + "\n" + Self.optimizer
        do {
            _ = try Scene.parse(text, file: "t.toml", registry: .builtin)
            Issue.record("loaded")
        } catch {
            #expect(error.diagnostics.map(\.description).contains {
                $0.hasPrefix("t.toml:3:1: tune: a top-level tune = { … } tunes the surface race") && $0.hasSuffix("with tune = { … } in [training]")
            }, "\(error.diagnostics)")
        }
    }
}
