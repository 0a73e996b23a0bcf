import DescentCore
import Foundation
import Testing
@testable import DescentScenes

/// The scene library: every file loads, validates and plays for its full length.
@Suite struct SceneLibraryTests {
    /// The scenes whose lesson is that a run ends: it diverges (non-finite values) on purpose.
    static let divergent: Set<String> = ["learning-rate-too-large.toml", "monkey-saddle.toml"]

    /// Training scenes whose whole race takes more than a few seconds in a debug build: this
    /// test trains their first epochs only (their caption tests train them to the end).
    static let trainedPrefix = ["training-optimizers.toml": 10, "training-gradient-noise.toml": 5, "training-digits.toml": 2]

    @Test func theLibraryHasTheLessonsOfTheIssue() throws {
        let names = Set(try sceneFiles().map(\.lastPathComponent))
        for lesson in ["beale-race", "long-valley", "rotated-valley", "saddle", "monkey-saddle", "noisy-saddle", "saddle-escape",
                       "learning-rate-too-large", "schedules", "sign-methods", "sam-sharp-flat", "rosenbrock", "himmelblau",
                       "minibatch-noise", "quadratic", "training-optimizers", "training-gradient-noise"] {
            #expect(names.contains(lesson + ".toml"))
        }
        for lesson in ["fair-race", "training-digits", "training-fair-race"] { #expect(names.contains(lesson + ".toml")) }
        #expect(names.count >= 22, "at least 22 lessons (issue 14): \(names.count)")
        let scenes = try sceneFiles().map { try Scene.load(path: $0.path, registry: .builtin) }
        #expect(scenes.contains { $0.surface != nil && $0.training != nil }, "a scene with both races")
        #expect(scenes.contains { $0.tune != nil }, "a scene tuned when it loads")
        #expect(scenes.contains { $0.training?.tune != nil }, "a training race tuned when it loads")
    }

    /// The lesson list's teaching order (each scene's `order`): the quadratic, the valleys,
    /// saddles, noise, schedules, sign methods, SAM, training.
    @Test func theLessonsHaveATeachingOrder() throws {
        let scenes = try sceneFiles().map { (name: $0.deletingPathExtension().lastPathComponent, scene: try Scene.load(path: $0.path, registry: .builtin)) }
        #expect(scenes.allSatisfy { $0.scene.order != nil }, "every lesson has an order")
        let ordered = scenes.sorted { ($0.scene.order ?? .max) < ($1.scene.order ?? .max) }.map(\.name)
        #expect(Set(scenes.compactMap(\.scene.order)).count == scenes.count, "no two lessons share a place")
        func place(_ name: String) -> Int { ordered.firstIndex(of: name) ?? -1 }
        let teaching = ["quadratic", "long-valley", "saddle", "minibatch-noise", "schedules", "sign-methods", "sam-sharp-flat",
                        "training-optimizers"]
        #expect(ordered.first == "quadratic")
        #expect(zip(teaching, teaching.dropFirst()).allSatisfy { place($0) < place($1) }, "\(ordered)")
        #expect(ordered.suffix(2).allSatisfy { $0.hasPrefix("training-") })
    }

    @Test(arguments: try sceneFiles())
    func everySceneLoadsAndPlaysToTheEnd(_ url: URL) throws {
        let scene = try Scene.load(path: url.path, registry: .builtin)
        #expect(!scene.title.isEmpty && !scene.description.isEmpty)
        #expect(scene.surface != nil || scene.training != nil)
        if scene.surface != nil { try playSurfaceRace(scene, file: url.lastPathComponent) }
        if scene.training != nil { try trainRace(scene, file: url.lastPathComponent) }
    }

    private func playSurfaceRace(_ scene: Scene, file: String) throws {
        #expect(!scene.notes.isEmpty && !scene.optimizers.isEmpty)
        #expect(scene.notes.allSatisfy { $0.step <= scene.steps })
        if var escape = try scene.makeCloud(registry: .builtin) {
            escape.advance(toStep: scene.steps)
            for cloud in escape.clouds {
                #expect(cloud.runs.allSatisfy { $0.divergedAt == nil && $0.steps == scene.steps })
            }
            return
        }
        var race = try #require(try scene.makeRace(registry: .builtin, recordsState: false))
        race.advance(toStep: scene.steps)
        let diverged = race.runs.filter { $0.divergedAt != nil }
        if Self.divergent.contains(file) {
            #expect(!diverged.isEmpty, "a divergence lesson shows a divergence")
        } else {
            #expect(diverged.isEmpty, "\(diverged.map(\.label))")
        }
        for run in race.runs where run.divergedAt == nil {
            #expect(run.steps == scene.steps)
            #expect(run.points.allSatisfy(\.isFinite) && run.losses.allSatisfy(\.isFinite))
        }
    }

    private func trainRace(_ scene: Scene, file: String) throws {
        let training = try #require(scene.training)
        let sceneEpochs = try #require(training.epochs, "a scene's training race pauses after its epochs")
        #expect(!training.notes.isEmpty && training.notes.allSatisfy { $0.epoch <= sceneEpochs })
        let epochs = Self.trainedPrefix[file] ?? sceneEpochs
        let trained = try TrainedScene(scene, epochs: epochs)
        #expect(trained.trainers.map(\.label) == training.optimizers.map(\.label))
        #expect(trained.epoch == epochs)
        for trainer in trained.trainers {
            #expect(trainer.divergedAt == nil, "\(trainer.label)")
            #expect(trainer.history.allSatisfy { $0.minibatchLoss.isFinite && $0.gradientNorm.isFinite }, "\(trainer.label)")
        }
        #expect(trained.evaluations.joined().allSatisfy { $0.train.loss.isFinite && $0.validation.loss.isFinite })
    }

    /// Truncations of every scene file never crash the loader; each either loads or reports
    /// problems with positions inside the text.
    @Test(arguments: try sceneFiles())
    func truncationsNeverCrash(_ url: URL) throws {
        let bytes = Array(try Data(contentsOf: url))
        for cut in stride(from: 0, to: bytes.count, by: 7) {
            do {
                _ = try Scene.parse(bytes: Array(bytes[..<cut]), file: "t.toml", registry: .builtin)
            } catch {
                #expect(!error.diagnostics.isEmpty)
                #expect(error.diagnostics.allSatisfy { $0.position.line >= 1 && $0.position.column >= 1 })
            }
        }
    }
}
