import DescentCore
import DescentScenes
import DescentTUI

extension DisplayOptions {
    /// The scene the flags describe: `specs` (the default race's when there are none) on
    /// `--surface` from `--start`, with `--schedule`, `--steps`, `--tol`, `--grid`, `--seed` and
    /// `--title` and `--description`. The default race (no specs, Beale, no `--start`) starts at
    /// ``RaceSetup/defaultStart`` and shows ``RaceSetup/defaultView``; otherwise the view is the
    /// surface's own. Each spec is checked here, so an error names the spec as given.
    func flagScene(_ simulation: SimulationOptions, specs: [String], registry: Registry) throws -> Scene {
        let isDefaultRace = specs.isEmpty
        let surface = try simulation.resolveSurface(registry)
        let isDefaultScene = isDefaultRace && simulation.start == nil && simulation.surface == RaceSetup.defaultSurface
        let start = isDefaultScene ? RaceSetup.defaultStart : try simulation.resolveStart(on: surface)
        let schedule = try simulation.resolveSchedule(registry)
        let optimizers = try (isDefaultRace ? RaceSetup.defaultSpecs : specs).map { spec in
            SceneOptimizer(spec: try configuredOptimizer(spec, seed: simulation.seed, registry: registry, schedule: schedule,
                                                    oracle: surface.oracle).spec)
        }
        return Scene(file: "(command line)", title: title ?? "", description: description ?? "", surface: SceneSurface(spec: simulation.surface, surface: surface),
                     view: isDefaultScene ? RaceSetup.defaultView : surface.viewBox, start: start, optimizers: optimizers,
                     schedule: simulation.schedule, steps: simulation.steps, tolerance: tolerance,
                     speed: PlaybackSpeed.ladder[PlaybackSpeed.defaultIndex], layout: grid ? .grid : .overlay, seed: simulation.seed)
    }
}
