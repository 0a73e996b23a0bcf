extension FiniteSumObjective {
    /// A seeded minibatch oracle: every evaluation at θ draws the next batch S of B samples
    /// (``MinibatchSampler``: without replacement within an epoch, reshuffled each epoch, the
    /// n mod B leftovers skipped) and returns
    ///
    ///     f_S(θ) = (1/B) Σ_{i∈S} f_i(θ),   g_S(θ) = (1/B) Σ_{i∈S} ∇f_i(θ)
    ///
    /// an unbiased estimate, E g_S = ∇f, with Cov g_S = (Σ(θ)/B)·(n − B)/(n − 1) (see
    /// ``minibatchCovariance(at:batchSize:)``). B is clamped to 1…n; B = n is full-batch descent.
    ///
    /// Each call returns an oracle with its own fresh sampler: build a new one (same seed) to
    /// replay a run. Optimizers that evaluate the oracle more than once per step (SAM, look-ahead)
    /// draw a new batch each time. There is no Hessian (nil): a batch Hessian is not the
    /// objective's. The oracle carries the samples (``GradientOracle/samples``).
    public func minibatchOracle(batchSize: Int, seed: UInt64) -> GradientOracle {
        let sampler = MinibatchSampler(count: count, batchSize: clampedBatchSize(batchSize), seed: seed)
        let objective = self
        return GradientOracle(evaluate: { theta, g in
            objective.meanLossAndGradient(over: sampler.next(), at: theta, gradient: &g)
        }, samples: objective)
    }
}
