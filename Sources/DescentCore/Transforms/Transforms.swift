/// The gradient transforms that can be chained in front of any optimizer (see
/// ``TransformedOptimizer``). The noise transforms draw from a ``Xoshiro256`` seeded with the
/// configuration's seed.
public enum Transforms {
    public static let all: [TransformEntry] = [
        TransformEntry(
            name: "clip_norm", summary: "rescale the gradient to norm at most max_norm",
            reference: "torch.nn.utils.clip_grad_norm_ (without its 1e-6); Pascanu et al. 2013",
            parameters: [.real("max_norm", 1, .positive, "largest allowed ‖g‖₂")]
        ) { c in ClipNorm(maxNorm: c.number("max_norm")) },
        TransformEntry(
            name: "clip_value", summary: "clamp every gradient coordinate to [-clip, clip]",
            reference: "torch.nn.utils.clip_grad_value_",
            parameters: [.real("clip", 1, .positive, "largest allowed |gᵢ|")]
        ) { c in ClipValue(clip: c.number("clip")) },
        TransformEntry(
            name: "noise", summary: "add Gaussian noise of constant standard deviation sigma",
            reference: "isotropic Gaussian gradient noise",
            parameters: [.real("sigma", 0.1, .nonNegative, "standard deviation σ of each coordinate's noise")]
        ) { c in GradientNoise(scale: .constant(sigma: c.number("sigma")), seed: c.seed) },
        TransformEntry(
            name: "annealed_noise", summary: "add Gaussian noise with variance eta/(1+t)^gamma",
            reference: "Neelakantan et al. 2015",
            parameters: [
                .real("eta", 0.3, .nonNegative, "η: the variance at step 0"),
                .real("gamma", 0.55, .nonNegative, "γ: how fast the variance decays"),
            ]
        ) { c in GradientNoise(scale: .annealed(eta: c.number("eta"), gamma: c.number("gamma")), seed: c.seed) },
        TransformEntry(
            name: "weight_decay", summary: "shrink the parameters by lr·weight_decay before each step",
            reference: "Loshchilov & Hutter 2019 (decoupled weight decay)",
            parameters: [.real("weight_decay", 0.01, .nonNegative, "λ in x ← x − η·λ·x")]
        ) { c in DecoupledWeightDecay(weightDecay: c.number("weight_decay")) },
    ]
}
