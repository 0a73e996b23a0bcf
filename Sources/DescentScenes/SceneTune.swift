import DescentCore

/// A scene's `tune = { … }`: the learning-rate search of `descent tune`, run once when the scene
/// loads, so that a race runs at tuned rates (every optimizer but those with `tune = false`).
/// At the top level it tunes the surface race (budget in steps); inside `[training]` the
/// training race (budget in epochs, every trial training a fresh copy of the net as
/// `descent tune --dataset` does). The keys are the command's options: `budget`, `by`, `tol`
/// (surface only), `starts`, `seed`, `lr_range`, `lr_grid`, `refine`, `also` and `also_values`.
public struct SceneTune: Sendable, Equatable {
    /// Per trial and start: steps on a surface (default `run.steps`), epochs on a net (default
    /// `training.epochs`).
    public var budget: Int
    public var criterion: TuneCriterion
    /// Starts per trial. On a surface: each optimizer's start, then `starts − 1` more drawn with
    /// `seed`. On a net: initialisations, start k drawing θ₀ and the minibatch order as a
    /// training seeded with `seed + 3k` would (``NetTuning``).
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

    /// The search for one optimizer of a training race on `problem` (made by `recipe`): every
    /// trial trains a fresh copy of the net at `batchSize` (nil: the recipe's) with `schedule`,
    /// from the starts of ``NetTuning`` counted from `seed` (start 0 is the race's own when
    /// `seed` is the recipe's), its noisy parts seeded with `optimizerSeed` (as in the race).
    public func setup(recipe: TrainingRecipe, problem: TrainingProblem, batchSize: Int?, schedule: any Schedule, optimizerSeed: UInt64,
                      registry: Registry) -> TuneSetup {
        var recipe = recipe
        recipe.seed = seed
        if let batchSize { recipe.batchSize = batchSize }
        return TuneSetup(net: NetTuning(recipe: recipe, problem: problem, starts: starts), schedule: schedule, budget: budget,
                         criterion: criterion, rates: rates, gridPoints: gridPoints, refinements: refinements,
                         also: also.map { ($0, alsoValues) }, seed: optimizerSeed, registry: registry)
    }

    /// One optimizer tuned by `setup`: `chain` is what the trials run (the spec with what the
    /// scene puts in front of it), `spec` its own spec and `label` its own label (nil when it is
    /// labelled by its spec). The result is `spec` with the winner's lr (and second parameter)
    /// set and a label saying `tuned` with the values (``TuneTrial/label(_:also:)``), or, when
    /// every rate diverged, `spec` as written with a label saying so.
    func tuned(_ chain: String, spec: String, label: String?, setup: TuneSetup) throws(SpecError) -> TunedOptimizer {
        let result = try Tuner.tune(chain, setup)
        guard var best = result.best else { return TunedOptimizer(spec: spec, label: result.label(label ?? spec, also: also), trial: nil) }
        let winner = best
        // The trial ran `chain`; the label shows the optimizer's own spec.
        best.spec = try best.applied(to: spec, also: also)
        return TunedOptimizer(spec: best.spec, label: best.label(label, also: also), trial: winner)
    }
}

/// An optimizer at the values a scene's tuning found: its spec and label, and the winning trial
/// (nil when every rate diverged).
struct TunedOptimizer {
    var spec: String
    var label: String
    var trial: TuneTrial?
}

extension Scene {
    /// The scene with every optimizer to tune at its tuned rate, in the surface race (the
    /// top-level `tune`) and in the training race (`training.tune`): its spec with the winner's
    /// lr (and second parameter) set, its label saying `tuned` with the values, its winning
    /// trial kept (``SceneOptimizer/tuned``, ``SceneTrainingOptimizer/tuned``). An optimizer
    /// whose every rate diverged keeps its spec and says so in its label. The scene itself when
    /// it tunes neither race.
    public func tuned(registry: Registry) throws(SpecError) -> Scene {
        let registry = extending(registry)
        var scene = self
        if let tune, let surface {
            for i in optimizers.indices where optimizers[i].tune {
                let setup = tune.setup(surface: surface.surface, start: start(i), view: view, schedule: try makeSchedule(i, registry: registry),
                                       optimizerSeed: optimizerSeed, registry: registry)
                let own = optimizers[i]
                let result = try tune.tuned(chainSpec(i), spec: own.spec, label: own.hasOwnLabel ? own.label : nil, setup: setup)
                scene.optimizers[i].spec = result.spec
                scene.optimizers[i].label = result.label
                scene.optimizers[i].tuned = result.trial
            }
        }
        scene.training = try training?.tuned(registry: registry)
        return scene
    }
}

extension SceneTraining {
    /// The training race with every optimizer to tune (``SceneTrainingOptimizer/tune``) at the
    /// rate its `tune` finds on this net, with its own batch size and schedule, seeded as in the
    /// race (``Scene/tuned(registry:)`` says what changes); itself without a `tune`.
    func tuned(registry: Registry) throws(SpecError) -> SceneTraining {
        guard let tune else { return self }
        var training = self
        for (i, own) in optimizers.enumerated() where own.tune {
            let schedule: any Schedule = if let text = own.schedule { try registry.schedule(text) } else { ConstantSchedule() }
            let setup = tune.setup(recipe: recipe, problem: problem, batchSize: own.batchSize, schedule: schedule, optimizerSeed: recipe.seed,
                                   registry: registry)
            let result = try tune.tuned(own.spec, spec: own.spec, label: own.hasOwnLabel ? own.label : nil, setup: setup)
            training.optimizers[i].spec = result.spec
            training.optimizers[i].label = result.label
            training.optimizers[i].tuned = result.trial
        }
        return training
    }

    /// The optimizer steps tuning with `tune` takes at most: the sum over the optimizers to tune
    /// of trials × starts × budget epochs × ⌈n / B⌉ steps per epoch (n training samples, B the
    /// optimizer's batch size), as a Double so it cannot overflow.
    public func tuningSteps(_ tune: SceneTune) -> Double {
        let n = problem.data.train.count
        return optimizers.filter(\.tune).reduce(0) { sum, o in
            let stepsPerEpoch = MinibatchOrder.stepsPerEpoch(samples: n, batchSize: o.batchSize ?? recipe.batchSize)
            return sum + TuneSetup.work(optimizers: 1, trials: tune.trialsPerOptimizer, starts: tune.starts, budget: tune.budget * stepsPerEpoch)
        }
    }
}
