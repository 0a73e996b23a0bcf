import DescentCore

extension Scene {
    /// The seed of optimizer randomness (the noise transform, noisy optimizers): the `[noise]`
    /// seed when given, else the scene's seed. Every optimizer gets the same seed, so noisy runs
    /// compared in one scene see the same noise sequence.
    public var optimizerSeed: UInt64 { noise?.seed ?? seed }

    /// The full chain spec of optimizer `i`: the scene's noise transform (if any) in front of the
    /// optimizer's own spec (`noise(sigma=0.1) | sgd(lr=0.1)`).
    public func chainSpec(_ i: Int) -> String {
        let spec = optimizers[i].spec
        return noise.map { "\($0.transformSpec) | \(spec)" } ?? spec
    }

    /// Optimizer `i` built from its chain spec with ``optimizerSeed`` (and, for
    /// ``SceneGradient/matchedNoise``, the matched isotropic noise in front).
    public func makeOptimizer(_ i: Int, registry: Registry) throws(SpecError) -> any Optimizer {
        let registry = extending(registry)
        let optimizer = try registry.optimizer(chainSpec(i), seed: optimizerSeed).optimizer
        guard let data, optimizers[i].gradient == .matchedNoise else { return optimizer }
        let noise = data.objective.matchedIsotropicNoise(batchSize: data.batchSize, seed: optimizerSeed)
        return TransformedOptimizer(transforms: [noise], inner: optimizer)
    }

    /// The schedule of optimizer `i` (its own, else the scene's; constant when neither), or
    /// with `i` nil the scene's.
    public func makeSchedule(_ i: Int? = nil, registry: Registry) throws(SpecError) -> any Schedule {
        guard let text = i.flatMap({ optimizers[$0].schedule }) ?? schedule else { return ConstantSchedule() }
        let registry = extending(registry)
        return try registry.schedule(text)
    }

    /// The gradients optimizer `i` of the surface race sees (``oracle(for:)`` of its `gradient`).
    public func oracle(_ i: Int) -> GradientOracle { oracle(for: optimizers[i].gradient) }

    /// The gradients an optimizer with `gradient` sees in the surface race: the surface's exact
    /// gradient, or with `[data]` a seeded minibatch oracle (seed: the scene's seed) or the
    /// full-batch gradient. An optimizer added while the race plays gets `.minibatch`, the
    /// default of `[[optimizer]]`.
    public func oracle(for gradient: SceneGradient) -> GradientOracle {
        if let data {
            switch gradient {
            case .minibatch: return data.objective.minibatchOracle(batchSize: data.batchSize, seed: seed)
            case .full, .matchedNoise: return data.objective.fullOracle
            }
        }
        // Validation gives every scene with a surface-race optimizer a surface.
        guard let surface else { preconditionFailure("a surface-race optimizer in a scene without a surface") }
        return surface.surface.oracle
    }

    /// What goes in front of the spec of an optimizer added while the race plays, so that it sees
    /// the scene's `[noise]` as the scene's own optimizers do (`noise(sigma=0.5) | `; empty
    /// without noise). The live editor starts with it, to keep or delete.
    public var addedSpecPrefix: String { noise.map { "\($0.transformSpec) | " } ?? "" }

    /// What every run of the surface race records as its loss: with `[data]` the full-data loss
    /// f(x) = (1/n) Σ f_i(x), whatever gradients the optimizer steps on (a minibatch's loss
    /// is not the f(x) the legend and the loss chart show); nil (the oracle's value) otherwise.
    public var recordedLoss: GradientOracle? { data?.objective.fullOracle }

    /// Where optimizer `i` starts: its own start, else the scene's.
    public func start(_ i: Int) -> [Double] { optimizers[i].start ?? start }

    /// One fresh run per optimizer, labelled with the scene's labels (not for cloud scenes,
    /// whose runs come from ``makeCloud(registry:)``).
    public func makeRuns(registry: Registry, recordsState: Bool = true) throws(SpecError) -> [Run] {
        var runs: [Run] = []
        for i in optimizers.indices {
            let optimizer = try makeOptimizer(i, registry: registry), schedule = try makeSchedule(i, registry: registry)
            try schedule.checkMomentum(of: optimizer, name: optimizers[i].label)
            runs.append(Run(label: optimizers[i].label, spec: chainSpec(i), optimizer: optimizer,
                            schedule: schedule, oracle: oracle(i), start: start(i), recordsState: recordsState,
                            reference: recordedLoss))
        }
        return runs
    }

    /// A race of ``makeRuns(registry:recordsState:)`` on the scene's surface; nil for a
    /// training-only scene.
    public func makeRace(registry: Registry, recordsState: Bool = true) throws(SpecError) -> Race? {
        guard let surface else { return nil }
        return Race(surface: surface.surface, runs: try makeRuns(registry: registry, recordsState: recordsState))
    }

    /// For a scene with a `[cloud]`: one cloud of runs per optimizer from the same random
    /// starts, with the escape fraction per step; nil for other scenes.
    public func makeCloud(registry: Registry) throws(SpecError) -> Cloud? {
        guard let cloud, let surface else { return nil }
        let registry = extending(registry)
        return try Cloud(
            surface: surface.surface, optimizers: optimizers.indices.map { (chainSpec($0), optimizers[$0].label) },
            starts: cloud.starts, escapeRadius: cloud.escapeRadius, seed: optimizerSeed, registry: registry,
            schedule: try makeSchedule(registry: registry))
    }
}
