/// A net to tune optimizers on: every trial trains a fresh copy of the recipe's net for the
/// budget in epochs, from each of `starts` initialisations (``TrainingRecipe/makeTrainers(_:problem:walk:)``,
/// the trainers of `descent train`). Start k (0 ≤ k < starts) draws θ₀ and the minibatch order
/// as a recipe seeded with seed + 3k would (start 0 is the recipe's own, so `descent train`
/// reproduces a one-start trial); the data stay the same. Figures, averaged over the starts:
/// `final` is the training loss L(θ) = (1/n) Σᵢ ℓ(f_θ(xᵢ), yᵢ) after the last epoch, `area` the
/// sum of the training losses after each epoch; `steps` (to a known minimum) has no meaning on
/// a net. A trial that diverges from any start has diverged.
public struct NetTuning: Sendable {
    public var recipe: TrainingRecipe
    public var problem: TrainingProblem
    /// Initialisations per trial (at least 1).
    public var starts: Int

    public init(recipe: TrainingRecipe, problem: TrainingProblem, starts: Int = 1) {
        self.recipe = recipe
        self.problem = problem
        self.starts = max(starts, 1)
    }

    /// The recipe of start `k`: the recipe's seed moved by 3k, so the streams of θ₀ (seed + 1)
    /// and of the minibatch order (seed + 2) of different starts never coincide.
    func recipe(ofStart k: Int) -> TrainingRecipe {
        var moved = recipe
        moved.seed = recipe.seed &+ 3 &* UInt64(k)
        return moved
    }

    /// `trial` (its spec already built into `optimizer`) trained for `setup.budget` epochs from
    /// every start, each from a fresh copy of `optimizer`.
    func trial(_ trial: TuneTrial, optimizer: any Optimizer, _ setup: TuneSetup) -> TuneTrial {
        var trial = trial
        var figures = 0.0, losses = 0.0
        for k in 0..<starts {
            var trainer = recipe(ofStart: k).makeTrainers([TrainingRecipe.Entry(label: trial.spec, optimizer: optimizer, schedule: setup.schedule)],
                                                          problem: problem)[0]
            var area = 0.0, last = Double.nan
            for epoch in 1...max(setup.budget, 1) {
                trainer.train(epochs: epoch)
                guard trainer.isActive else {
                    trial.divergedAt = trainer.divergedAt ?? trainer.failedAt
                    trial.failure = trainer.failure?.reason
                    return trial
                }
                last = trainer.evaluate().train.loss
                area += last
            }
            guard last.isFinite else {
                trial.divergedAt = trainer.stepCount
                return trial
            }
            figures += setup.criterion == .area ? area : last
            losses += last
        }
        trial.figure = figures / Double(starts)
        trial.finalLoss = losses / Double(starts)
        return trial
    }
}
