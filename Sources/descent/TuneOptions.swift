import ArgumentParser
import DescentCore
import DescentScenes
import Foundation

/// The learning-rate search options shared by `descent tune` and `descent race --tuned`.
struct TuneOptions: ParsableArguments {
    enum Criterion: String, ExpressibleByArgument, CaseIterable { case final, steps, area }

    @Option(parsing: .unconditional, help: "Per trial and start: steps on a surface (default: --steps), epochs on a net (tune --dataset: default 5; train --tuned: --epochs; train-view --tuned: 5). play/render/record --tuned tune their training view for --tune-epochs instead.")
    var budget: Int?

    @Option(help: "What a trial is scored by, lower being better: the 'final' loss, the 'steps' to come within --tol of a known minimum, or the 'area' under the loss curve (the sum of the losses).")
    var by: Criterion = .final

    @Option(parsing: .unconditional, help: "Starts per trial: the start, then N-1 more drawn (seeded by --seed) within ±10% of the view around it (on a net: N initial weights and minibatch orders, the first the one 'descent train' uses); a trial's figure is the mean over them.")
    var starts: Int = 1

    @Option(name: .customLong("lr-range"), parsing: .unconditional, help: ArgumentHelp(
        "The learning rates of the first log grid.", valueName: "low,high"))
    var lrRange: String = "1e-5,10"

    @Option(name: .customLong("lr-grid"), parsing: .unconditional, help: "Points of the first log grid of learning rates.")
    var grid: Int = 13

    @Option(parsing: .unconditional, help: "Rounds of refinement: each halves the grid's log spacing around the best rate and tries one rate either side.")
    var refine: Int = 4

    @Option(help: ArgumentHelp("Also tune this real hyperparameter (e.g. momentum, weight_decay), trying each of --also-values with the whole rate search.", valueName: "name"))
    var also: String?

    @Option(name: .customLong("also-values"), parsing: .unconditional, help: ArgumentHelp(
        "The values tried for --also (default: 0, 0.5, 0.9, 0.99).", valueName: "v1,v2,..."))
    var alsoValues: String?

    func validate() throws {
        if let budget { try checkLimit(budget, Limits.steps, option: "--budget") }
        try checkLimit(starts, Limits.tuneStarts, option: "--starts")
        try checkLimit(grid, Limits.tuneGrid, option: "--lr-grid")
        try checkLimit(refine, Limits.tuneRefinements, option: "--refine")
        _ = try rates()
        if alsoValues != nil, also == nil { throw ValidationError("--also-values needs --also NAME") }
        _ = try secondParameter()
    }

    /// The `--lr-range` bounds: two finite rates with 0 < low < high.
    func rates() throws -> ClosedRange<Double> {
        let parts = numbers(lrRange)
        guard let parts, parts.count == 2, parts[0] > 0, parts[0] < parts[1] else {
            throw ValidationError("--lr-range \(Sanitizer.quoted(lrRange)): expected two finite rates LOW,HIGH with 0 < LOW < HIGH, such as 1e-5,10")
        }
        return parts[0]...parts[1]
    }

    /// The second parameter and its values, if `--also` is given.
    func secondParameter() throws -> (name: String, values: [Double])? {
        guard let also else { return nil }
        guard let values = numbers(alsoValues ?? "0,0.5,0.9,0.99"), !values.isEmpty else {
            throw ValidationError("--also-values \(Sanitizer.quoted(alsoValues ?? "")): expected finite numbers separated by commas")
        }
        try checkLimit(values.count, Limits.tuneAlsoValues, option: "the number of --also-values")
        return (also, values)
    }

    /// The search for a race on `surface` from `start` (the CLI's simulation options give
    /// the rest), refusing more than `limit` steps in all for `optimizers` specs.
    func setup(_ simulation: SimulationOptions, surface: Surface, start: [Double], tolerance: Double, optimizers: Int,
               registry: Registry, limit: Int = Limits.tuneSteps) throws -> TuneSetup {
        let setup = TuneSetup(
            surface: surface,
            starts: tuneStarts(around: start, viewBox: surface.viewBox, count: starts, seed: simulation.seed),
            schedule: try simulation.resolveSchedule(registry), budget: budget ?? simulation.steps,
            criterion: criterion(tolerance: tolerance), rates: try rates(), gridPoints: grid, refinements: refine,
            also: try secondParameter(), seed: simulation.seed, registry: registry)
        try check(optimizers: optimizers, trials: setup.trialsPerOptimizer, budget: setup.budget, limit: limit,
                  surface: surface, name: simulation.surface)
        return setup
    }

    /// The search on `net`: every trial trains a fresh copy for `epochs` epochs, refusing more than
    /// ``Limits/tuneSteps`` optimizer steps in all and `--by steps` (a net has no known minimum).
    func setup(_ net: NetTuning, _ simulation: SimulationOptions, epochs: Int, optimizers: Int, registry: Registry) throws -> TuneSetup {
        guard by != .steps else { throw CommandError("--by steps needs a surface with known minima; on a net use --by final or area") }
        try checkLimit(epochs, Limits.epochs, option: "--budget (epochs on a net)")
        let setup = TuneSetup(net: net, schedule: try simulation.resolveSchedule(registry), budget: epochs, criterion: criterion(tolerance: 1),
                              rates: try rates(), gridPoints: grid, refinements: refine, also: try secondParameter(), seed: simulation.seed,
                              registry: registry)
        let stepsPerEpoch = MinibatchOrder.stepsPerEpoch(samples: net.problem.data.train.count, batchSize: net.recipe.batchSize)
        try check(optimizers: optimizers, trials: setup.trialsPerOptimizer, budget: epochs * stepsPerEpoch, limit: Limits.tuneSteps,
                  surface: nil, name: "")
        return setup
    }

    /// `scene` (the races the flags describe) with every optimizer tuned by these options
    /// (``Scene/tuned(registry:)``): the surface race, if any, for `budget` steps per trial with
    /// extra starts drawn with `seed`, at most ``Limits/sceneTuneSteps`` steps in all; the training
    /// race, if any, for `epochs` epochs per trial (``trainingTune(_:epochs:limit:)``).
    func tuned(_ scene: Scene, budget: Int, epochs: Int, seed: UInt64, registry: Registry,
               trainingLimit: Int = Limits.sceneTrainingTuneSteps) throws -> Scene {
        var scene = scene
        if let surface = scene.surface {
            let tune = try settings(budget: budget, criterion: criterion(tolerance: scene.tolerance), seed: seed)
            try check(optimizers: scene.optimizers.count, trials: tune.trialsPerOptimizer, budget: budget, limit: Limits.sceneTuneSteps,
                      surface: surface.surface, name: surface.spec)
            scene.tune = tune
        }
        if let training = scene.training { scene.training?.tune = try trainingTune(training, epochs: epochs, limit: trainingLimit) }
        do {
            return try scene.tuned(registry: registry)
        } catch {
            throw CommandError(error.message)
        }
    }

    /// The search of a training race from flags: `epochs` epochs per trial from `--starts`
    /// initialisations (start 0 is the race's own), at most `limit` optimizer steps in all
    /// (``SceneTraining/tuningSteps(_:)``). A net has no known minimum: with `--by steps` (which
    /// `play --tuned` may use for its surface race) the trials are scored by the final loss.
    func trainingTune(_ training: SceneTraining, epochs: Int, limit: Int) throws -> SceneTune {
        try checkLimit(epochs, 1...Limits.epochs.upperBound, option: "the tuning budget in epochs")
        let tune = try settings(budget: epochs, criterion: by == .area ? .area : .finalLoss, seed: training.recipe.seed)
        let steps = training.tuningSteps(tune)
        guard steps <= Double(limit) else {
            throw CommandError("tuning the training race would train for \(formatNumber(steps)) steps in all (optimizers × "
                               + "\(tune.trialsPerOptimizer) trials × \(starts) starts × \(epochs) epochs × steps per epoch), more than \(limit) "
                               + "(the limit); lower the epochs, --lr-grid, --refine or --starts")
        }
        return tune
    }

    /// The search settings of these options with `budget`, `criterion` and `seed`.
    private func settings(budget: Int, criterion: TuneCriterion, seed: UInt64) throws -> SceneTune {
        let second = try secondParameter()
        return SceneTune(budget: budget, criterion: criterion, starts: starts, seed: seed, rates: try rates(), gridPoints: grid,
                         refinements: refine, also: second?.name, alsoValues: second?.values ?? [])
    }

    /// The criterion of `--by`, with `tolerance` for `steps`.
    private func criterion(tolerance: Double) -> TuneCriterion {
        switch by {
        case .final: .finalLoss
        case .steps: .stepsToTolerance(tolerance)
        case .area: .area
        }
    }

    /// Refuses more than `limit` steps in all, and `--by steps` on a surface (named `name`) without known minima.
    private func check(optimizers: Int, trials: Int, budget: Int, limit: Int, surface: Surface?, name: String) throws {
        guard TuneSetup.work(optimizers: optimizers, trials: trials, starts: starts, budget: budget) <= Double(limit) else {
            throw CommandError("tuning would take \(optimizers) optimizers × \(trials) trials × \(starts) starts × "
                               + "\(budget) steps, more than \(limit) steps in all (the limit); lower --budget, --lr-grid, --refine or --starts")
        }
        if by == .steps, let surface, surface.minimumValue == nil {
            throw CommandError("--by steps needs a surface with known minima; \(Sanitizer.quoted(name)) has none (use --by final or area)")
        }
    }

    /// Tunes every spec, with a one-line error naming a spec at fault.
    func tune(_ specs: [String], _ setup: TuneSetup) throws -> [TuneResult] {
        try specs.map { spec in
            do throws(SpecError) {
                return try Tuner.tune(spec, setup)
            } catch {
                throw CommandError(error, in: "optimizer", text: spec)
            }
        }
    }

    /// `specs` at their tuned rates with labels saying so (``TuneResult/label(_:also:)``); a spec
    /// whose every rate diverged stays as given.
    func tunedSpecs(_ specs: [String], _ setup: TuneSetup) throws -> [(spec: String, label: String)] {
        try tune(specs, setup).map { ($0.best?.spec ?? $0.spec, $0.label(also: also)) }
    }

    private func numbers(_ text: String) -> [Double]? {
        let values = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard values.allSatisfy({ $0?.isFinite == true }) else { return nil }
        return values.compactMap { $0 }
    }
}
