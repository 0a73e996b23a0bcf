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
        reader.checkKeys(table, at: "tune", allowed: Self.tuneKeys)
        let budget = reader.integer(table, "budget", in: "tune", range: 1...Limits.steps.upperBound) ?? scene.steps
        let by = reader.choice(table, "by", in: "tune", as: TuneBy.self) ?? .final
        let tolerance = reader.number(table, "tol", in: "tune", range: 1e-12...1e3) ?? scene.tolerance
        let starts = reader.integer(table, "starts", in: "tune", range: Limits.tuneStarts) ?? 1
        let seed = reader.seed(table, "seed", in: "tune") ?? scene.seed
        let rates = reader.interval(table, "lr_range", in: "tune") ?? 1e-5...10
        let grid = reader.integer(table, "lr_grid", in: "tune", range: Limits.tuneGrid) ?? 13
        let refine = reader.integer(table, "refine", in: "tune", range: Limits.tuneRefinements) ?? 4
        let also = reader.string(table, "also", in: "tune")
        let alsoValues = reader.numbers(table, "also_values", in: "tune", range: -Limits.coordinate...Limits.coordinate,
                                        count: Limits.tuneAlsoValues)
        if alsoValues != nil, also == nil { reader.reportKey("tune.also_values", "goes with also = \"NAME\" (the second parameter to tune)") }
        if rates.lowerBound <= 0 { reader.report("tune.lr_range", "learning rates must be positive, got \(formatNumber(rates.lowerBound))") }
        if scene.data != nil || scene.cloud != nil {
            reader.reportKey("tune", "tunes a race on a surface from fixed starts; a scene with [data] or [cloud] cannot be tuned")
            return nil
        }
        if by == .steps, scene.surface?.surface.minimumValue == nil {
            reader.report("tune.by", "'steps' needs a surface with known minima; use 'final' or 'area'")
        }
        if let also {
            for (i, optimizer) in scene.optimizers.enumerated() where optimizer.tune {
                do throws(SpecError) {
                    try Tuner.checkSecondParameter(also, of: optimizer.spec, registry: registry)
                } catch {
                    reader.report("tune.also", "\(error.message) (optimizer[\(i)]; give it tune = false to keep its values)")
                }
            }
        }
        let criterion: TuneCriterion = switch by {
        case .final: .finalLoss
        case .steps: .stepsToTolerance(tolerance)
        case .area: .area
        }
        let tune = SceneTune(budget: budget, criterion: criterion, starts: starts, seed: seed, rates: rates, gridPoints: grid,
                             refinements: refine, also: also, alsoValues: alsoValues ?? [0, 0.5, 0.9, 0.99])
        let tuned = scene.optimizers.filter(\.tune).count
        let trials = tune.trialsPerOptimizer
        if TuneSetup.work(optimizers: tuned, trials: trials, starts: starts, budget: budget) > Double(Limits.sceneTuneSteps) {
            reader.report("tune", "tuning would take \(tuned) optimizers × \(trials) trials × \(starts) starts × \(budget) steps, "
                          + "more than \(Limits.sceneTuneSteps) steps in all (the limit); lower budget, lr_grid, refine or starts")
            return nil
        }
        return tune
    }
}
