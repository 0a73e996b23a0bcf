import DescentCore

extension Scene {
    /// One entry per training optimizer: built from its spec with the training seed
    /// (`recipe.seed`, so noisy optimizers see the same noise), with its schedule (constant when
    /// none) and its own batch size; [] without a training race.
    public func makeTrainingEntries(registry: Registry) throws(SpecError) -> [TrainingRecipe.Entry] {
        let registry = extending(registry)
        guard let training else { return [] }
        var entries: [TrainingRecipe.Entry] = []
        for o in training.optimizers {
            let optimizer = try registry.optimizer(o.spec, seed: training.recipe.seed).optimizer
            let schedule: any Schedule = if let text = o.schedule { try registry.schedule(text) } else { ConstantSchedule() }
            try schedule.checkMomentum(of: optimizer, name: o.label)
            entries.append(TrainingRecipe.Entry(label: o.label, optimizer: optimizer, schedule: schedule, batchSize: o.batchSize))
        }
        return entries
    }

    /// The trainers of the training race, all from the same θ₀ on the same minibatch order
    /// (``TrainingRecipe/makeTrainers(_:problem:walk:)``), taking the walk measurements the
    /// training race asks for; [] without a training race.
    public func makeTrainers(registry: Registry) throws(SpecError) -> [Trainer] {
        guard let training else { return [] }
        return training.recipe.makeTrainers(try makeTrainingEntries(registry: registry), problem: training.problem,
                                            walk: training.walk)
    }
}
