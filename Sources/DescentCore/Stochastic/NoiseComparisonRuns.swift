extension FiniteSumObjective {
    /// A run of the optimizer `spec` on batch-B minibatch gradients
    /// (``minibatchOracle(batchSize:seed:)``) that records the full-data loss f(x_k) (the
    /// ``fullOracle`` as the run's reference). The optimizer gets `seed`; the batch order a
    /// second seed drawn from a ``Xoshiro256`` seeded with `seed`.
    public func minibatchRun(
        spec: String, label: String? = nil, batchSize: Int, start: [Double], seed: UInt64,
        registry: Registry, schedule: any Schedule = ConstantSchedule()
    ) throws(SpecError) -> Run {
        let configured = try registry.optimizer(spec, seed: seed)
        return Run(label: label ?? configured.spec, spec: configured.spec, optimizer: configured.optimizer,
                   schedule: schedule, oracle: minibatchOracle(batchSize: batchSize, seed: Self.streamSeed(seed)),
                   start: start, reference: fullOracle)
    }

    /// The contrast to ``minibatchRun(spec:label:batchSize:start:seed:registry:schedule:)``: the
    /// optimizer `spec` on full-batch gradients plus isotropic Gaussian noise σ·ξ, ξ ~ N(0, I),
    /// with the same total variance as the batch-B minibatch gradient at θ*, σ² = tr C_B(θ*)/2
    /// (``matchedIsotropicNoise(batchSize:at:seed:)``) — same magnitude, different shape (Zhu et
    /// al. 2019; Xing et al. 2018). The noise is drawn from the same derived seed as the batches.
    public func isotropicNoiseRun(
        spec: String, label: String? = nil, batchSize: Int, start: [Double], seed: UInt64,
        registry: Registry, schedule: any Schedule = ConstantSchedule()
    ) throws(SpecError) -> Run {
        let configured = try registry.optimizer(spec, seed: seed)
        let noise = matchedIsotropicNoise(batchSize: batchSize, seed: Self.streamSeed(seed))
        return Run(label: label ?? "noise(sigma=\(formatNumber(isotropicNoiseStandardDeviation(batchSize: batchSize)))) | \(configured.spec)",
                   spec: configured.spec, optimizer: TransformedOptimizer(transforms: [noise], inner: configured.optimizer),
                   schedule: schedule, oracle: fullOracle, start: start)
    }

    /// The seed of the data-side randomness (batches, matched noise) of a run seeded with `seed`.
    static func streamSeed(_ seed: UInt64) -> UInt64 {
        var generator = Xoshiro256(seed: seed)
        return generator.next()
    }
}
