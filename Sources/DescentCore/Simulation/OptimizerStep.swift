/// The one optimizer step every simulation takes — a surface run (``Run``), each run of a
/// saddle-escape cloud (``EscapeCloud``, made of runs) and net training (``Trainer``):
///
///     η_k = schedule(k, η)                          (the base rate η lives in the optimizer)
///     μ_k = schedule.momentum(k)                    (one_cycle, cyclic: set into the optimizer)
///     x_{k+1} = optimizer.step(x_k, g_k, η_k)       (the oracle re-evaluates for SAM, L-BFGS …)
///     finite check: every coordinate of x_{k+1} finite, and as many as before
///
/// The caller evaluates g_k before and records after, as its history needs; a step that fails
/// the check ends the caller's run (`divergedAt`), and a step the optimizer cannot take (a
/// plugin's fault: it throws ``OptimizerFailure``) ends it as failed (`failure`).
public enum OptimizerStep {
    /// Takes step `k` in place; returns η_k, or nil when x_{k+1} is not finite or changed size
    /// (then `params` holds whatever the optimizer wrote and the caller restores or stops); throws
    /// the optimizer's failure, `params` unchanged. `loss` is f(x_k) as the caller evaluated it
    /// (the oracle carries it to the optimizer; nan when unknown).
    @inline(__always)
    public static func take(_ optimizer: inout any Optimizer, schedule: any Schedule, step k: Int,
                            params: inout [Double], gradient: [Double], loss: Double = .nan, oracle: GradientOracle) throws(OptimizerFailure) -> Double? {
        let dimension = params.count
        let lr = schedule.learningRate(at: k, base: optimizer.learningRate)
        if let momentum = schedule.momentum(at: k), !optimizer.setCycledMomentum(momentum) {
            throw OptimizerFailure("the optimizer " + noCycledMomentum)
        }
        var oracle = oracle
        oracle.loss = loss
        try optimizer.step(params: &params, gradient: gradient, lr: lr, oracle: oracle)
        guard params.count == dimension else { return nil }
        guard params.withUnsafeBufferPointer({ $0.baseAddress.map { VectorKernels.allFinite($0, dimension) } ?? true }) else { return nil }
        return lr
    }
}
