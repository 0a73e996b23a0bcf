extension Run {
    /// The oracle evaluations the optimizer had made when the run reached x_k, for an optimizer
    /// that counts them (``Optimizer/functionEvaluations``, e.g. L-BFGS): 0 at the start, the
    /// optimizer's count at the latest step, and before it the count in the state recorded after
    /// step k. nil for optimizers that do not count (or a step whose state was not recorded).
    public func functionEvaluations(atStep k: Int) -> Int? {
        guard let latest = optimizer.functionEvaluations else { return nil }
        if k >= steps { return latest }
        if k <= 0 { return 0 }
        guard k - 1 < states.count,
              let recorded = states[k - 1].first(where: { $0.name == StateVector.evaluationsName })?.values.first
        else { return nil }
        return Int(exactly: recorded)
    }
}
