import DescentCore

/// A scene's `tune = { … }`: the learning-rate search of `descent tune`, run once when the scene
/// loads, so that the race runs at tuned rates (every `[[optimizer]]` but those with
/// `tune = false`). The keys are the command's options: `budget`, `by`, `tol`, `starts`, `seed`,
/// `lr_range`, `lr_grid`, `refine`, `also` and `also_values`.
public struct SceneTune: Sendable, Equatable {
    /// Steps per trial and start (default: `run.steps`).
    public var budget: Int
    public var criterion: TuneCriterion
    /// Starts per trial: each optimizer's start, then `starts − 1` more drawn with `seed`.
    public var starts: Int
    public var seed: UInt64
    public var rates: ClosedRange<Double>
    public var gridPoints: Int
    public var refinements: Int
    /// A second real hyperparameter tuned with the rate, and the values tried.
    public var also: String?
    public var alsoValues: [Double]

    public init(budget: Int, criterion: TuneCriterion, starts: Int, seed: UInt64, rates: ClosedRange<Double>, gridPoints: Int,
                refinements: Int, also: String?, alsoValues: [Double]) {
        self.budget = budget
        self.criterion = criterion
        self.starts = starts
        self.seed = seed
        self.rates = rates
        self.gridPoints = gridPoints
        self.refinements = refinements
        self.also = also
        self.alsoValues = alsoValues
    }

    /// Trials per tuned optimizer at most (``TuneSetup/trials(gridPoints:refinements:alsoValues:)``).
    public var trialsPerOptimizer: Int {
        TuneSetup.trials(gridPoints: gridPoints, refinements: refinements, alsoValues: also.map { _ in alsoValues.count })
    }

    /// The search for one optimizer starting at `start` in the view `view` of `surface`, with
    /// `schedule`, its noisy parts seeded with `optimizerSeed` (as in the race, so that the
    /// winning trial's figures are the race's own).
    public func setup(surface: Surface, start: [Double], view: ViewBox, schedule: any Schedule, optimizerSeed: UInt64,
                      registry: Registry) -> TuneSetup {
        TuneSetup(surface: surface, starts: tuneStarts(around: start, viewBox: view, count: starts, seed: seed), schedule: schedule,
                  budget: budget, criterion: criterion, rates: rates, gridPoints: gridPoints, refinements: refinements,
                  also: also.map { ($0, alsoValues) }, seed: optimizerSeed, registry: registry)
    }
}

extension Scene {
    /// The scene with every optimizer to tune (``SceneOptimizer/tune``) at its tuned rate: its spec
    /// with the winner's lr (and second parameter) set, its label saying `tuned` with the values
    /// (``TuneTrial/label(_:also:)``), its winning trial kept in ``SceneOptimizer/tuned``. An
    /// optimizer whose every rate diverged keeps its spec and says so in its label. The scene
    /// itself when it has no `tune`.
    public func tuned(registry: Registry) throws(SpecError) -> Scene {
        guard let tune, let surface else { return self }
        let registry = extending(registry)
        var scene = self
        for i in optimizers.indices where optimizers[i].tune {
            let setup = tune.setup(surface: surface.surface, start: start(i), view: view, schedule: try makeSchedule(i, registry: registry),
                                   optimizerSeed: optimizerSeed, registry: registry)
            let result = try Tuner.tune(chainSpec(i), setup)
            let own = optimizers[i]
            let label = own.hasOwnLabel ? own.label : nil
            if var best = result.best {
                scene.optimizers[i].spec = try best.applied(to: own.spec, also: tune.also)
                scene.optimizers[i].tuned = best
                // The trial ran the chain with the scene's noise in front; the label shows the optimizer's own spec.
                best.spec = scene.optimizers[i].spec
                scene.optimizers[i].label = best.label(label, also: tune.also)
            } else {
                scene.optimizers[i].label = result.label(label, also: tune.also)
            }
        }
        return scene
    }
}
