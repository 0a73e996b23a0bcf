/// A net to tune optimizers on: every trial trains a fresh copy of the recipe's net from the
/// recipe's θ₀ on its minibatch order (``TrainingRecipe/makeTrainers(_:problem:walk:)``, the
/// trainers of `descent train`) for the budget in epochs. Figures: `final` is the training loss
/// L(θ) = (1/n) Σᵢ ℓ(f_θ(xᵢ), yᵢ) after the last epoch, `area` the sum of the training losses
/// after each epoch; `steps` (to a known minimum) has no meaning on a net.
public struct NetTuning: Sendable {
    public var recipe: TrainingRecipe
    public var problem: TrainingProblem

    public init(recipe: TrainingRecipe, problem: TrainingProblem) {
        self.recipe = recipe
        self.problem = problem
    }

    /// `trial` (its spec already built into `optimizer`) trained for `setup.budget` epochs.
    func trial(_ trial: TuneTrial, optimizer: any Optimizer, _ setup: TuneSetup) -> TuneTrial {
        var trial = trial
        var trainer = recipe.makeTrainers([TrainingRecipe.Entry(label: trial.spec, optimizer: optimizer, schedule: setup.schedule)],
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
        trial.figure = setup.criterion == .area ? area : last
        trial.finalLoss = last
        return trial
    }
}
