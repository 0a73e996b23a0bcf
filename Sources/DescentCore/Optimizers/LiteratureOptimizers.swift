/// Optimizers from the literature beyond `torch.optim`, each following its paper's update rule.
public enum LiteratureOptimizers {
    public static let all: [OptimizerEntry] = []
}
