/// The optimizers of `torch.optim`, with PyTorch's names, defaults and update order.
public enum TorchOptimizers {
    public static let all: [OptimizerEntry] = []
}
