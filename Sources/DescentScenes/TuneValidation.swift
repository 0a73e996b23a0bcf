import DescentCore
import TOMLKit

extension SceneValidator {
    static let tuneKeys = ["budget", "by", "tol", "starts", "seed", "lr_range", "lr_grid", "refine", "also", "also_values"]

    /// The criteria of `tune.by`, as `descent tune --by` names them.
    enum TuneBy: String, CaseIterable { case final, steps, area }

    /// The top-level `tune = { … }` of a surface race (already read into `scene`): the search
    /// settings with the defaults of `descent tune` (budget: `run.steps`, tol: `run.tolerance`,
    /// seed: `run.seed`), refused for a `[data]` or `[cloud]` race, for a second parameter that
    /// some tuned optimizer lacks, and above ``Limits/sceneTuneSteps`` steps in all.
    mutating func tune(_ root: TOMLTable, scene: Scene) -> SceneTune? {
        guard let table = reader.table(root, "tune", in: "") else { return nil }
        let tuned = scene.optimizers.enumerated().filter { $0.element.tune }.map { ("optimizer[\($0.offset)]", $0.element.spec) }
        let settings = tuneSettings(table, at: "tune", budget: scene.steps, budgetRange: 1...Limits.steps.upperBound, seed: scene.seed,
                                    tolerance: scene.tolerance, optimizers: tuned)
        if scene.data != nil || scene.cloud != nil {
            reader.reportKey("tune", "tunes a race on a surface from fixed starts; a scene with [data] or [cloud] cannot be tuned")
            return nil
        }
        guard let tune = settings else { return nil }
        if case .stepsToTolerance = tune.criterion, scene.surface?.surface.minimumValue == nil {
            reader.report("tune.by", "'steps' needs a surface with known minima; use 'final' or 'area'")
        }
        let trials = tune.trialsPerOptimizer
        if TuneSetup.work(optimizers: tuned.count, trials: trials, starts: tune.starts, budget: tune.budget) > Double(Limits.sceneTuneSteps) {
            reader.report("tune", "tuning would take \(tuned.count) optimizers × \(trials) trials × \(tune.starts) starts × \(tune.budget) steps, "
                          + "more than \(Limits.sceneTuneSteps) steps in all (the limit); lower budget, lr_grid, refine or starts")
            return nil
        }
        return tune
    }

    /// `training.tune = { … }` of a training race (already read into `training`, from the
    /// `[training]` table `table`): the same keys with the budget in epochs (default:
    /// `training.epochs`), the starts being initialisations (seed: the training's seed), `by` =
    /// `final` or `area` (a net has no known minimum: no `steps`, no `tol`), refused for a second
    /// parameter that some tuned optimizer lacks and above ``Limits/sceneTrainingTuneSteps``
    /// optimizer steps in all (``SceneTraining/tuningSteps(_:)``).
    mutating func trainingTune(_ table: TOMLTable, training: SceneTraining) -> SceneTune? {
        guard let tuneTable = reader.table(table, "tune", in: "training") else { return nil }
        let tuned = training.optimizers.enumerated().filter { $0.element.tune }.map { ("training.optimizer[\($0.offset)]", $0.element.spec) }
        if tuneTable["tol"] != nil {
            reader.reportKey("training.tune.tol", "goes with by = \"steps\" on a surface; a net has no known minimum to arrive at, remove it")
        }
        guard let tune = tuneSettings(tuneTable, at: "training.tune", budget: training.epochs ?? 5, budgetRange: 1...Limits.epochs.upperBound,
                                      seed: training.recipe.seed, tolerance: nil, optimizers: tuned) else { return nil }
        if case .stepsToTolerance = tune.criterion {
            reader.report("training.tune.by", "'steps' needs a surface with known minima, and a net has none; use 'final' or 'area'")
            return nil
        }
        let steps = training.tuningSteps(tune)
        if steps > Double(Limits.sceneTrainingTuneSteps) {
            reader.report("training.tune", "tuning would train for \(formatNumber(steps)) steps in all (optimizers × \(tune.trialsPerOptimizer) trials × "
                          + "\(tune.starts) starts × \(tune.budget) epochs × steps per epoch), more than \(Limits.sceneTrainingTuneSteps) "
                          + "(the limit); lower budget, lr_grid, refine or starts")
            return nil
        }
        return tune
    }

    /// The keys every `tune = { … }` table shares, read at `path`: the budget (default
    /// `budget`, within `budgetRange`), the criterion (`tol` defaulting to `tolerance`; nil where
    /// there is no tolerance), the starts, the seed (default `seed`), the rate grid and the second
    /// parameter, which every optimizer in `optimizers` (its path and spec) must have.
    private mutating func tuneSettings(_ table: TOMLTable, at path: String, budget defaultBudget: Int, budgetRange: ClosedRange<Int>,
                                       seed defaultSeed: UInt64, tolerance defaultTolerance: Double?,
                                       optimizers: [(path: String, spec: String)]) -> SceneTune? {
        reader.checkKeys(table, at: path, allowed: Self.tuneKeys)
        let budget = reader.integer(table, "budget", in: path, range: budgetRange) ?? defaultBudget
        let by = reader.choice(table, "by", in: path, as: TuneBy.self) ?? .final
        let tolerance = defaultTolerance.map { reader.number(table, "tol", in: path, range: 1e-12...1e3) ?? $0 }
        let starts = reader.integer(table, "starts", in: path, range: Limits.tuneStarts) ?? 1
        let seed = reader.seed(table, "seed", in: path) ?? defaultSeed
        let rates = reader.interval(table, "lr_range", in: path) ?? 1e-5...10
        let grid = reader.integer(table, "lr_grid", in: path, range: Limits.tuneGrid) ?? 13
        let refine = reader.integer(table, "refine", in: path, range: Limits.tuneRefinements) ?? 4
        let also = reader.string(table, "also", in: path)
        let alsoValues = reader.numbers(table, "also_values", in: path, range: -Limits.coordinate...Limits.coordinate, count: Limits.tuneAlsoValues)
        if alsoValues != nil, also == nil { reader.reportKey(path + ".also_values", "goes with also = \"NAME\" (the second parameter to tune)") }
        if rates.lowerBound <= 0 { reader.report(path + ".lr_range", "learning rates must be positive, got \(formatNumber(rates.lowerBound))") }
        if let also {
            for optimizer in optimizers {
                do throws(SpecError) {
                    try Tuner.checkSecondParameter(also, of: optimizer.spec, registry: registry)
                } catch {
                    reader.report(path + ".also", "\(error.message) (\(optimizer.path); give it tune = false to keep its values)")
                }
            }
        }
        let criterion: TuneCriterion = switch by {
        case .final: .finalLoss
        case .steps: .stepsToTolerance(tolerance ?? 0)
        case .area: .area
        }
        return SceneTune(budget: budget, criterion: criterion, starts: starts, seed: seed, rates: rates, gridPoints: grid,
                         refinements: refine, also: also, alsoValues: alsoValues ?? [0, 0.5, 0.9, 0.99])
    }
}
