import DescentCore
import DescentScenes
import DescentTUI

/// The default race (``RaceSetup/defaultSpecs`` on Beale from ``RaceSetup/defaultStart``), as
/// `descent` with no arguments shows it (the scene its flags describe); the benchmarks measure
/// this scene.
enum DefaultRace {
    static func setup(steps: Int, tolerance: Double = 0.01) throws -> RaceSetup {
        var display = try DisplayOptions.parse([])
        display.tolerance = tolerance
        var simulation = try SimulationOptions.parse([])
        simulation.stepsGiven = steps
        let registry = Registry.builtin
        guard let setup = try RaceSetup(scene: try display.flagScene(simulation, specs: [], registry: registry),
                                        registry: registry) else {
            throw CommandError("the default race has no surface")
        }
        return setup
    }
}

extension DefaultRace {
    /// The default training race, as `descent play --training` with no other arguments opens it:
    /// ``TrainingRaceOptions/defaultSpecs`` training the default net on the default data, seed 0.
    static func trainingSetup() throws -> TrainingSetup {
        let scene = try DisplayOptions.parse([]).flagScene(try SimulationOptions.parse([]), specs: [], registry: .builtin)
        return try TrainingRaceOptions.parse([]).withTraining(scene, isDefaultRace: true, registry: .builtin).trainingSetup(registry: .builtin)
    }
}
