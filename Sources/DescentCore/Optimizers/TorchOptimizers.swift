/// The optimizers of `torch.optim`, with PyTorch's names, defaults and update order.
public enum TorchOptimizers {
    public static let all: [OptimizerEntry] = [
        SGD.entry,
        SGD.entry.alias("momentum", summary: "SGD with heavy-ball momentum 0.9",
                        defaults: ["momentum": .number(0.9)]),
        SGD.entry.alias("nesterov", summary: "SGD with Nesterov momentum 0.9",
                        defaults: ["momentum": .number(0.9), "nesterov": .flag(true)]),
        Adagrad.entry,
        Adadelta.entry,
        RMSprop.entry,
        Adam.entry,
        Adam.adamWEntry,
        Adamax.entry,
        NAdam.entry,
        RAdam.entry,
        Rprop.entry,
        ASGD.entry,
        Adafactor.entry,
        LBFGS.entry,
    ]
}
