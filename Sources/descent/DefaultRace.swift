import DescentCore
import DescentTUI

/// The default race (``RaceSetup/defaultSpecs`` on Beale from ``RaceSetup/defaultStart``), as
/// `descent` with no arguments shows it; the benchmarks measure this scene.
enum DefaultRace {
    static func setup(steps: Int, tolerance: Double = 0.01) throws -> RaceSetup {
        let registry = Registry.builtin
        let entries = try RaceSetup.defaultSpecs.map { spec in
            let configured = try configuredOptimizer(spec, seed: 0, registry: registry)
            return RaceSetup.Entry(spec: configured.spec, optimizer: configured.optimizer)
        }
        return RaceSetup(surface: try registry.surface(RaceSetup.defaultSurface), start: RaceSetup.defaultStart,
                         entries: entries, steps: steps, tolerance: tolerance, view: RaceSetup.defaultView)
    }
}
