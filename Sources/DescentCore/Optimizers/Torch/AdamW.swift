extension Adam {
    /// `adamw`: `torch.optim.AdamW`, Adam with decoupled weight decay x ← x(1 − ηλ) applied
    /// before the moment updates (λ = 0.01 by default). Reference: Loshchilov & Hutter (2019),
    /// "Decoupled Weight Decay Regularization".
    public static let adamWEntry = OptimizerEntry(
        name: "adamw", summary: "Adam with decoupled weight decay x ← x(1 − ηλ)",
        reference: "torch.optim.AdamW; Loshchilov & Hutter 2019",
        parameters: schema(weightDecay: TorchSchema.weightDecay(0.01, decoupled: true), extra: [])
    ) { c in try Adam(decoupledWeightDecay: true).configured(c) }
}
