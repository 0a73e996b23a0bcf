import DescentCore
import Foundation
import Testing
@testable import DescentScenes

/// A scene's `tune = { … }`: the race runs at the rates `descent tune` finds, says so in its
/// labels, and reproduces the winning trial's figures; bad settings are reported in place.
@Suite struct SceneTuneTests {
    static let scene = """
        title = "t"
        description = "d"
        tune = { budget = 120, starts = 2, seed = 3 }
        [surface]
        name = "beale"
        [run]
        start = [1, 1.5]
        steps = 150
        [[optimizer]]
        spec = "sgd(lr=0.001)"
        label = "SGD"
        tune = false
        [[optimizer]]
        spec = "sgd"
        label = "SGD"
        [[optimizer]]
        spec = "adam(betas=(0.8, 0.99))"
        [[notes]]
        step = 0
        text = "x"
        """

    @Test func theRaceRunsAtTheTunedRatesAndReproducesTheWinningTrial() throws {
        let parsed = try Scene.parse(Self.scene, file: "t.toml", registry: .builtin)
        #expect(parsed.optimizers.map(\.spec) == ["sgd(lr=0.001)", "sgd", "adam(betas=(0.8, 0.99))"], "parsing does not tune")
        let scene = try parsed.tuned(registry: .builtin)
        let surface = try #require(parsed.surface).surface
        let setup = TuneSetup(surface: surface, starts: tuneStarts(around: [1, 1.5], viewBox: parsed.view, count: 2, seed: 3),
                              budget: 120, criterion: .finalLoss)
        // Untouched: the optimizer with tune = false.
        #expect(scene.optimizers[0] == parsed.optimizers[0])
        for i in 1...2 {
            let best = try #require(try Tuner.tune(parsed.optimizers[i].spec, setup).best)
            #expect(scene.optimizers[i].tuned == best)
            let spec = try SpecParser.parseChain(scene.optimizers[i].spec)[0]
            #expect(spec.arguments.contains { $0.key == "lr" && $0.value == .number(best.learningRate) })
            // The winner's figure is the mean final loss over the starts: the race from the first start
            // and a run from the second reproduce it.
            var losses: [Double] = []
            for start in setup.starts {
                var moved = scene
                moved.start = start
                var race = try #require(try moved.makeRace(registry: .builtin, recordsState: false))
                race.advance(toStep: 120)
                #expect(race.runs[i].divergedAt == nil)
                losses.append(race.runs[i].losses[120])
            }
            #expect(losses.reduce(0, +) / 2 == best.figure)
        }
        #expect(scene.optimizers[1].label == "SGD (tuned)")
        let adamLabel = scene.optimizers[2].label
        #expect(adamLabel.hasPrefix("adam(lr=") && adamLabel.hasSuffix(", betas=(0.8, 0.99), tuned)"), "\(adamLabel)")
    }

    @Test func loadingAFileTunesIt() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tune-\(UUID().uuidString).toml")
        try Self.scene.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let scene = try Scene.load(path: file.path, registry: .builtin)
        #expect(scene.optimizers[1].tuned != nil && scene.optimizers[0].tuned == nil)
    }

    @Test func aSecondParameterIsTunedWithTheRate() throws {
        let text = Self.scene.replacingOccurrences(of: "tune = { budget = 120, starts = 2, seed = 3 }",
                                                   with: "tune = { budget = 60, also = \"momentum\", also_values = [0, 0.9], lr_grid = 5, refine = 1 }")
            .replacingOccurrences(of: "spec = \"adam(betas=(0.8, 0.99))\"", with: "spec = \"sgd(lr=0.01)\"\ntune = false")
        let scene = try Scene.parse(text, file: "t.toml", registry: .builtin).tuned(registry: .builtin)
        let best = try #require(scene.optimizers[1].tuned)
        #expect(best.also == 0 || best.also == 0.9)
        #expect(scene.optimizers[1].label.hasPrefix("SGD (tuned, momentum=") && scene.optimizers[1].spec.contains("momentum="))
    }

    static let header = "title = \"t\"\ndescription = \"d\"\n"
    static let race = "[surface]\nname = \"quadratic\"\n[run]\nstart = [1, 1]\n[[optimizer]]\nspec = \"adam\"\n"

    @Test(arguments: [
        ("tune = { budget = 1000000, starts = 100 }\n",
         "t.toml:3:8: tune: tuning would take 1 optimizers × 21 trials × 100 starts × 1000000 steps, more than 20000000 steps in all (the limit); lower budget, lr_grid, refine or starts"),
        ("tune = { budgte = 10 }\n", "t.toml:3:10: tune.budgte: unknown key; did you mean 'budget'? valid: " + SceneValidator.tuneKeys.joined(separator: ", ")),
        ("tune = { also = \"betas\" }\n",
         "t.toml:3:17: tune.also: 'betas' is not a real hyperparameter of 'adam' besides lr (see 'descent list optimizers') (optimizer[0]; give it tune = false to keep its values)"),
        ("tune = { also_values = [1] }\n", "t.toml:3:10: tune.also_values: goes with also = \"NAME\" (the second parameter to tune)"),
        ("tune = { by = \"fast\" }\n", "t.toml:3:15: tune.by: must be one of 'final', 'steps', 'area', got 'fast'"),
        ("tune = { lr_range = [0, 1] }\n", "t.toml:3:21: tune.lr_range: learning rates must be positive, got 0"),
    ])
    func badSettingsAreReportedInPlace(_ tune: String, _ expected: String) {
        do {
            _ = try Scene.parse(Self.header + tune + Self.race, file: "t.toml", registry: .builtin)
            Issue.record("loaded")
        } catch {
            #expect(error.diagnostics.map(\.description) == [expected])
        }
    }

    @Test func aCloudSceneCannotBeTuned() {
        let text = Self.header + "tune = { budget = 10 }\n[surface]\nname = \"saddle\"\n[cloud]\ncount = 3\ncenter = [0, 0]\nradius = 0.1\n"
            + "escape_radius = 1\n[[optimizer]]\nspec = \"sgd\"\n"
        do {
            _ = try Scene.parse(text, file: "t.toml", registry: .builtin)
            Issue.record("loaded")
        } catch {
            #expect(error.diagnostics.map(\.description).contains { $0.hasPrefix("t.toml:3:1: tune: tunes a race on a surface from fixed starts") })
        }
    }
}
