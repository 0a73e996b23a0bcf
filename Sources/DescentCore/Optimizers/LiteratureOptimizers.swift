/// Optimizers from the literature beyond `torch.optim`, each following its paper's update rule
/// (see the types in `Optimizers/Literature/`). The noisy ones draw from a ``Xoshiro256`` seeded
/// with the configuration's seed.
public enum LiteratureOptimizers {
    public static let all: [OptimizerEntry] = [
        Signum.signSGDEntry,
        Signum.entry,
        FTML.entry,
        PowerSign.entry,
        AddSign.entry,
        SAM.entry,
        Lion.entry,
        Newton.entry,
        NoisySGD.entry,
        LookaheadNesterov.entry,
    ]
}
