import ArgumentParser
import DescentCore
import DescentRender
import DescentScenes
import DescentTUI
import Foundation

/// What `play`, `render` and `record` show: the scene (a file's, or the one the flags
/// describe), its surface race and its training race (either may be missing for a scene that
/// has only the other).
struct PlayContent {
    var scene: Scene
    var race: RaceSetup?
    var training: TrainingSetup

    /// The two races as the app's lesson.
    var lesson: LessonContent { LessonContent(race: race, training: training) }

    /// The title of a recording: the scene's, else "descent".
    var recordingTitle: String { Sanitizer.clean(scene.title.isEmpty ? "descent" : scene.title) }
}

/// The options of the training view that `play` and `render` add: the net options and the view's.
struct TrainingRaceOptions: ParsableArguments {
    @OptionGroup(title: "Training view (n in the visualizer)") var net: NetOptions
    @OptionGroup(title: "Training view (n in the visualizer)") var view: TrainingViewOptions

    @Option(name: .customLong("tune-epochs"), help: "With --tuned: epochs per tuning trial of the training view's race (--budget is the surface race's, in steps; a net has no known minimum, so with --by steps its trials are scored by the final loss).")
    var tuneEpochs: Int = 5

    func validate() throws {
        try checkLimit(tuneEpochs, 1...Limits.epochs.upperBound, option: "--tune-epochs")
    }

    /// The optimizers a race trains when it was given no specs (the default race): the same
    /// six methods at learning rates that suit a small net rather than Beale's function.
    static let defaultSpecs = [
        "sgd(lr=0.1)", "momentum(lr=0.05)", "nesterov(lr=0.05)", "adagrad(lr=0.05)", "rmsprop(lr=0.003)", "adam(lr=0.01)",
    ]

    /// The training race of `scene` when it has none of its own (a race from the command line,
    /// or a scene file without `[training]`): the scene's optimizers (their chain specs, labels
    /// and colours; for the default race ``defaultSpecs``) training the net of the flags with
    /// the scene's schedule, seeded with the scene's seed; playback does not pause at an epoch.
    func training(for scene: Scene, isDefaultRace: Bool, registry: Registry) throws -> SceneTraining {
        let optimizers = isDefaultRace
            ? Self.defaultSpecs.map { SceneTrainingOptimizer(spec: $0, label: nil, color: nil, schedule: scene.schedule) }
            : scene.optimizers.indices.map {
                SceneTrainingOptimizer(spec: scene.chainSpec($0), label: scene.optimizers[$0].hasOwnLabel ? scene.optimizers[$0].label : nil,
                                       color: scene.optimizers[$0].color, schedule: scene.schedule)
            }
        return try net.training(optimizers, seed: scene.seed, evaluateEvery: view.evaluateEvery, walk: view.walk, registry: registry)
    }

    /// `scene` with a training race: its `[training]` table, else ``training(for:isDefaultRace:registry:)``
    /// fills it in (the one way a training race is made, whatever the scene came from).
    func withTraining(_ scene: Scene, isDefaultRace: Bool, registry: Registry) throws -> Scene {
        var scene = scene
        if scene.training == nil { scene.training = try training(for: scene, isDefaultRace: isDefaultRace, registry: registry) }
        return scene
    }
}

extension Scene {
    /// The training view of the scene's training race; a spec the registry refuses (or a scene
    /// without a training race) throws a ``SpecError``.
    func trainingSetup(registry: Registry) throws(SpecError) -> TrainingSetup {
        guard let setup = try TrainingSetup(scene: self, registry: registry) else { throw SpecError("\(file) has no training race") }
        return setup
    }
}

extension DisplayOptions {
    /// What to show: a scene (``scenePath(specs:)``), else the scene the flags describe
    /// (``flagScene(_:specs:registry:)``: the optimizer specs given, or the default race when
    /// there are none); with its training race.
    func makeContent(_ simulation: SimulationOptions, _ training: TrainingRaceOptions, specs: [String],
                     registry: Registry) throws -> PlayContent {
        if let path = try scenePath(specs: specs) { return try sceneContent(path, simulation, training, registry: registry) }
        // The training race is made from the optimizers as given, so that --tuned tunes it on its own net.
        var scene = try training.withTraining(try flagScene(simulation, specs: specs, registry: registry), isDefaultRace: specs.isEmpty,
                                              registry: registry)
        if tuned {
            scene = try tuning.tuned(scene, budget: tuning.budget ?? scene.steps, epochs: training.tuneEpochs, seed: simulation.seed,
                                     registry: registry)
        }
        do {
            return PlayContent(scene: scene, race: try RaceSetup(scene: scene, registry: registry),
                               training: try scene.trainingSetup(registry: registry))
        } catch {
            throw CommandError(error.message)
        }
    }

    /// The scene file to show: `--scene FILE`, or a single positional argument ending in
    /// `.toml`; nil for a race of optimizer specs.
    func scenePath(specs: [String]) throws -> String? {
        if let scene {
            guard specs.isEmpty else { throw CommandError("give either --scene or optimizer specs, not both") }
            return scene
        }
        return specs.count == 1 && specs[0].lowercased().hasSuffix(".toml") ? specs[0] : nil
    }

    /// The races of the scene file at `path` (with `--grid`, in grid layout; with `--steps`,
    /// that many steps; with `--title` or `--description`, those). A bad scene fails
    /// with ``SceneDiagnostics``: one `FILE:LINE:COLUMN: message` per line (printed to stderr,
    /// exit status 1, before any terminal is touched; shown in the list when opened from there).
    func sceneContent(_ path: String, _ simulation: SimulationOptions, _ training: TrainingRaceOptions,
                      registry: Registry) throws -> PlayContent {
        if tuned { throw CommandError("--tuned is for a race of optimizer specs; a scene tunes its optimizers with tune = { … } (scenes/README.md)") }
        var scene: Scene
        do {
            scene = try Scene.load(path: path, registry: registry, plugins: simulation.extensions.scenePlugins)
        } catch {
            if error.unreadable != nil { throw CommandError(error.description) }
            throw SceneDiagnostics(lines: error.diagnostics.map { "\($0)" })
        }
        if let steps = simulation.stepsGiven {
            guard steps >= 1 else { throw CommandError("--steps \(steps): a scene plays at least 1 step") }
            scene.steps = steps
        }
        if grid { scene.layout = .grid }
        if let title { scene.title = title }
        if let description { scene.description = description }
        // The scene's own rules resolve its specs, its training race's too.
        let registry = scene.extending(registry)
        do {
            let race = try RaceSetup(scene: scene, registry: registry)
            scene = try training.withTraining(scene, isDefaultRace: false, registry: registry)
            return PlayContent(scene: scene, race: race, training: try scene.trainingSetup(registry: registry))
        } catch let error as SpecError {
            throw CommandError("scene \(path): \(error.message)")
        }
    }
}

/// A scene file's diagnostics, one `FILE:LINE:COLUMN: message` per line, as the error of a
/// command (printed without the `descent: error:` prefix, exit status 1).
struct SceneDiagnostics: Error, CustomStringConvertible {
    var lines: [String]
    var description: String { lines.joined(separator: "\n") }
}
