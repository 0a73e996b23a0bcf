import DescentCore
import Foundation
import Testing
@testable import DescentScenes

/// The `[training]` table: defaults, every key, and the trainers a scene makes.
@Suite struct SceneTrainingTests {
    static let trainingOnly = """
        title = "t"
        description = "d"
        [run]
        seed = 7
        [training]
        dataset = "moons"
        batch_size = "full"
        epochs = 3
        [[training.optimizer]]
        spec = "sgd(lr=0.1)"
        [[training.optimizer]]
        spec = "noise(sigma=0.01) | sgd(lr=0.1)"
        label = "noisy"
        color = "blue"
        schedule = "cosine(t_max=10)"
        batch_size = 10
        [[training.notes]]
        epoch = 3
        text = "late"
        [[training.notes]]
        epoch = 1
        text = "early"
        pause = true
        """

    @Test func aTrainingOnlySceneHasNoSurfaceRace() throws {
        let scene = try Scene.parse(Self.trainingOnly, file: "t.toml", registry: .builtin)
        #expect(scene.surface == nil && scene.optimizers.isEmpty && scene.notes.isEmpty && scene.start == [0, 0])
        #expect(scene.view.x == -1...1 && scene.view.y == -1...1)
        #expect(try scene.makeRace(registry: .builtin) == nil)
        #expect(try scene.makeCloud(registry: .builtin) == nil)
        #expect(try scene.makeRuns(registry: .builtin).isEmpty)
    }

    @Test func defaults() throws {
        let training = try #require(try Scene.parse(Self.trainingOnly, file: "t.toml", registry: .builtin).training)
        #expect(training.dataset == "moons")
        #expect(training.recipe.source == .synthetic(.moons, samples: 1000, noise: nil))
        #expect(training.recipe.validationFraction == 0.2)
        #expect(training.recipe.net == (try MLP(widths: [2, 16, 16, 2], activation: .tanh)))
        #expect(training.recipe.loss == .crossEntropy && training.recipe.initialization == nil)
        #expect(training.recipe.seed == 7, "run.seed")
        #expect(training.problem.data.train.count == 800 && training.problem.data.validation.count == 200)
        #expect(training.recipe.batchSize == 800, "full: the whole training set")
        #expect(training.epochs == 3 && training.evaluateEvery == nil && training.walk == WalkSettings(every: 0))
        #expect(training.optimizers == [
            SceneTrainingOptimizer(spec: "sgd(lr=0.1)", label: "sgd(lr=0.1)", color: nil, schedule: nil, batchSize: nil, hasOwnLabel: false),
            SceneTrainingOptimizer(spec: "noise(sigma=0.01) | sgd(lr=0.1)", label: "noisy", color: SceneColor("blue"),
                                   schedule: "cosine(t_max=10)", batchSize: 10),
        ])
        #expect(training.notes == [SceneTrainingNote(epoch: 1, text: "early", pause: true), SceneTrainingNote(epoch: 3, text: "late", pause: false)])
    }

    @Test func everyKey() throws {
        let text = Self.trainingOnly.replacingOccurrences(of: "epochs = 3\n", with: """
            epochs = 3
            samples = 300
            noise = 0.2
            validation = 0.5
            net = "2-8-1"
            activation = "relu"
            loss = "binary_cross_entropy"
            init = "glorot"
            eval_every = 5
            walk_every = 7
            seed = 11

            """)
        let scene = try Scene.parse(text, file: "t.toml", registry: .builtin)
        let training = try #require(scene.training)
        #expect(training.recipe.source == .synthetic(.moons, samples: 300, noise: 0.2))
        #expect(training.recipe.validationFraction == 0.5 && training.problem.data.train.count == 150)
        #expect(training.recipe.net == (try MLP(widths: [2, 8, 1], activation: .relu)))
        #expect(training.recipe.loss == .binaryCrossEntropy && training.recipe.initialization == .glorot)
        #expect(training.evaluateEvery == 5 && training.walk == WalkSettings(every: 7))
        #expect(training.recipe.seed == 11 && scene.seed == 7, "training.seed wins over run.seed")
        #expect(try scene.makeTrainers(registry: .builtin).allSatisfy { $0.walkSettings == WalkSettings(every: 7) })
    }

    @Test func trainersFollowTheScene() throws {
        let scene = try Scene.parse(Self.trainingOnly, file: "t.toml", registry: .builtin)
        let training = try #require(scene.training)
        let entries = try scene.makeTrainingEntries(registry: .builtin)
        #expect(entries.map(\.label) == ["sgd(lr=0.1)", "noisy"] && entries.map(\.batchSize) == [nil, 10])
        let trainers = try scene.makeTrainers(registry: .builtin)
        #expect(trainers.map(\.label) == ["sgd(lr=0.1)", "noisy"])
        #expect(trainers.map(\.batchSize) == [800, 10])
        #expect(trainers.allSatisfy { $0.initialParameters == training.recipe.initialParameters(for: training.problem) })
        #expect(trainers.allSatisfy { $0.walkSettings == .off })
        // cosine(t_max=10): η_5 = η·(1 + cos(π/2))/2.
        #expect(abs(trainers[1].schedule.learningRate(at: 5, base: 0.1) - 0.05) < 1e-15)
        #expect(trainers[0].schedule.learningRate(at: 5, base: 0.1) == 0.1)
        // The noise is seeded: two builds take the same noisy steps.
        var a = try scene.makeTrainers(registry: .builtin), b = try scene.makeTrainers(registry: .builtin)
        for _ in 0..<3 { a[1].step(); b[1].step() }
        #expect(a[1].parameters == b[1].parameters && a[1].stepCount == 3)
    }

    @Test func aSceneWithoutTrainingHasNoTrainers() throws {
        let scene = try Scene.load(path: scenesDirectory.appendingPathComponent("quadratic.toml").path, registry: .builtin)
        #expect(scene.training == nil)
        #expect(try scene.makeTrainers(registry: .builtin).isEmpty && scene.makeTrainingEntries(registry: .builtin).isEmpty)
    }

    @Test func aSceneWithBothRaces() throws {
        let scene = try Scene.load(path: scenesDirectory.appendingPathComponent("sign-methods.toml").path, registry: .builtin)
        let race = try #require(try scene.makeRace(registry: .builtin))
        #expect(race.runs.count == 3 && scene.notes.count == 3)
        #expect(try scene.makeTrainers(registry: .builtin).count == 3)
    }

    @Test func dataOptimizersAndTrainingMakeBothRaces() throws {
        let scene = try Scene.parse("""
            title = "t"
            description = "d"
            [data]
            kind = "least_squares"
            batch_size = 5
            [run]
            start = [0, 0]
            [[optimizer]]
            spec = "sgd(lr=0.1)"
            [training]
            dataset = "xor"
            batch_size = 8
            epochs = 1
            [[training.optimizer]]
            spec = "adam"
            """, file: "t.toml", registry: .builtin)
        #expect(scene.data != nil && scene.surface != nil && scene.optimizers.count == 1)
        #expect(scene.training?.optimizers.count == 1)
    }
}

/// `dataset = "idx"`: images and labels from IDX files named relative to the scene's folder.
@Suite struct SceneIDXTests {
    static func scene(_ training: String) -> String {
        let net = training.contains("\"idx\"") ? "64-10" : "2-2"
        return "title = \"t\"\ndescription = \"d\"\n[training]\n" + training
            + "net = \"\(net)\"\nbatch_size = 8\nepochs = 1\n[[training.optimizer]]\nspec = \"sgd\"\n"
    }

    @Test func theFilesAreReadRelativeToTheScene() throws {
        let path = scenesDirectory.appendingPathComponent("t.toml").path
        let text = Self.scene("dataset = \"idx\"\nimages = \"data/digits-validation-images.idx\"\nlabels = \"data/digits-validation-labels.idx\"\nvalidation = 0.25\n")
        let scene = try Scene.parse(text, file: path, registry: .builtin)
        let training = try #require(scene.training)
        #expect(training.problem.data.train.count == 270 && training.problem.data.validation.count == 90)
    }

    @Test(arguments: [
        ("dataset = \"idx\"\n", ["t.toml:3:2: training.images: missing; dataset = \"idx\" needs images = \"FILE\": an IDX image file, relative to the scene's folder",
                                 "t.toml:3:2: training.labels: missing; dataset = \"idx\" needs labels = \"FILE\": the IDX label file of the images"]),
        ("dataset = \"moons\"\nimages = \"a.idx\"\n", ["t.toml:5:1: training.images: goes with dataset = \"idx\""]),
        ("dataset = \"idx\"\nimages = \"missing.idx\"\nlabels = \"missing.idx\"\n", ["t.toml:5:10: training.images: 'missing.idx': "]),
    ])
    func mistakesAreReportedInPlace(_ training: String, _ expected: [String]) {
        do {
            _ = try Scene.parse(Self.scene(training), file: "t.toml", registry: .builtin)
            Issue.record("loaded")
        } catch {
            let got = error.diagnostics.map(\.description)
            #expect(got.count == expected.count, "\(got)")
            for (g, e) in zip(got, expected) { #expect(g.hasPrefix(e), "\(g)") }
        }
    }
}
