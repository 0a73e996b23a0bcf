extension Run {
    /// The oracle evaluations the optimizer had made when the run reached x_k, for an optimizer
    /// that counts them (``Optimizer/functionEvaluations``, e.g. L-BFGS): 0 at the start, the
    /// optimizer's count at the latest step, and before it the count in the state recorded after
    /// step k. nil for optimizers that do not count (or a step whose state was not recorded, or
    /// was thinned from the history).
    public func functionEvaluations(atStep k: Int) -> Int? {
        guard let latest = optimizer.functionEvaluations else { return nil }
        if k >= steps { return latest }
        if k <= 0 { return 0 }
        // The state recorded after the step k − 1 → k: entry k − 1's, when a thinned history kept it.
        guard let e = entry(atOrBefore: k - 1), step(ofEntry: e) == k - 1, e < states.count,
              let recorded = states[e].first(where: { $0.name == StateVector.evaluationsName })?.values.first
        else { return nil }
        return Int(exactly: recorded)
    }
}
