import ArgumentParser
import DescentCore
import DescentRender
import DescentScenes
import DescentTUI
import Foundation

/// What `play` and `render` show: a surface race and a training race (either may be missing
/// for a scene that has only the other), and the scene they came from, if any.
struct PlayContent {
    var race: RaceSetup?
    var training: TrainingSetup
    var scene: Scene?

    /// The two races as the app's lesson.
    var lesson: LessonContent { LessonContent(race: race, training: training) }
}

/// The options of the training view that `play` and `render` add: the net options and the view's.
struct TrainingRaceOptions: ParsableArguments {
    @OptionGroup(title: "Training view (n in the visualizer)") var net: NetOptions
    @OptionGroup(title: "Training view (n in the visualizer)") var view: TrainingViewOptions

    /// The optimizers a race trains when it was given no specs (the default race): the same
    /// six methods at learning rates that suit a small net rather than Beale's function.
    static let defaultSpecs = [
        "sgd(lr=0.1)", "momentum(lr=0.05)", "nesterov(lr=0.05)", "adagrad(lr=0.05)", "rmsprop(lr=0.003)", "adam(lr=0.01)",
    ]

    /// The training race of `race`: a scene's `[training]` table when it has one; otherwise the
    /// race's optimizers (their chain specs, labels and colours; for the default race
    /// ``defaultSpecs``) training the net of the flags, seeded with `seed`.
    func makeSetup(race: RaceSetup?, scene: Scene?, isDefaultRace: Bool, schedule: String?, seed: UInt64,
                   registry: Registry) throws -> TrainingSetup {
        if let scene {
            do {
                if let setup = try TrainingSetup(scene: scene, registry: registry) { return setup }
            } catch {
                throw CommandError("scene \(scene.file): \(error.message)")
            }
        }
        let (recipe, problem) = try net.makeProblem(seed: seed)
        let schedule = try resolvedSchedule(schedule, registry: registry)
        let sources: [(spec: String, label: String?, color: Color?)] = isDefaultRace
            ? Self.defaultSpecs.map { ($0, nil, nil) }
            : (race?.entries ?? []).map { ($0.spec, $0.label, $0.color) }
        let entries = try sources.map { source in
            let configured = try configuredOptimizer(source.spec, seed: seed, registry: registry, schedule: schedule)
            return TrainingRecipe.Entry(label: source.label ?? configured.spec, optimizer: configured.optimizer, schedule: schedule)
        }
        var setup = TrainingSetup(trainers: recipe.makeTrainers(entries, problem: problem, walk: view.walk),
                                  colors: sources.map(\.color), evaluateEvery: view.evaluateEvery)
        setup.seed = seed
        setup.title = race?.title
        return setup
    }
}

extension DisplayOptions {
    /// What to show: a scene (``scenePath(specs:)``), the optimizer specs given, or the default
    /// race (six classic optimizers on Beale from (1, 1.5)) when there are none; with its
    /// training race.
    func makeContent(_ simulation: SimulationOptions, _ training: TrainingRaceOptions, specs: [String],
                     registry: Registry) throws -> PlayContent {
        if let path = try scenePath(specs: specs) { return try sceneContent(path, simulation, training, registry: registry) }
        let isDefaultRace = specs.isEmpty
        let surface = try simulation.resolveSurface(registry)
        let isDefaultScene = isDefaultRace && simulation.start == nil && simulation.surface == RaceSetup.defaultSurface
        let start = isDefaultScene ? RaceSetup.defaultStart : try simulation.resolveStart(on: surface)
        let schedule = try simulation.resolveSchedule(registry)
        let entries = try (isDefaultRace ? RaceSetup.defaultSpecs : specs).map { spec in
            let configured = try configuredOptimizer(spec, seed: simulation.seed, registry: registry, schedule: schedule)
            return RaceSetup.Entry(spec: configured.spec, optimizer: configured.optimizer)
        }
        let race = RaceSetup(surface: surface, start: start, entries: entries, schedule: schedule,
                             steps: simulation.steps, tolerance: tolerance, layout: grid ? .grid : .overlay,
                             view: isDefaultScene ? RaceSetup.defaultView : nil)
        let setup = try training.makeSetup(race: race, scene: nil, isDefaultRace: isDefaultRace, schedule: simulation.schedule,
                                           seed: simulation.seed, registry: registry)
        return PlayContent(race: race, training: setup, scene: nil)
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

    /// The races of the scene file at `path` (with `--grid`, in grid layout). A bad scene fails
    /// with ``SceneDiagnostics``: one `FILE:LINE:COLUMN: message` per line (printed to stderr,
    /// exit status 1, before any terminal is touched; shown in the list when opened from there).
    func sceneContent(_ path: String, _ simulation: SimulationOptions, _ training: TrainingRaceOptions,
                      registry: Registry) throws -> PlayContent {
        let scene: Scene
        do {
            scene = try Scene.load(path: path, registry: registry, plugins: simulation.extensions.scenePlugins)
        } catch {
            if error.unreadable != nil { throw CommandError(error.description) }
            throw SceneDiagnostics(lines: error.diagnostics.map { "\($0)" })
        }
        // The scene's own rules resolve its specs, its training race's too.
        let registry = scene.extending(registry)
        do {
            var race = try RaceSetup(scene: scene, registry: registry)
            if grid { race?.layout = .grid }
            let setup = try training.makeSetup(race: race, scene: scene, isDefaultRace: false, schedule: scene.schedule,
                                               seed: scene.seed, registry: registry)
            return PlayContent(race: race, training: setup, scene: scene)
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
