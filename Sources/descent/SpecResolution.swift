import DescentCore

/// The optimizer (with any transform chain) of `spec`, or a one-line error naming the spec and
/// the column at fault; with a `schedule` that cycles the momentum, an optimizer without one is
/// an error too (as in torch); on an `oracle` without a finite sum's samples, Hogwild! is one
/// (``Optimizer/checkSamples(of:)``).
func configuredOptimizer(_ spec: String, seed: UInt64, registry: Registry, schedule: (any Schedule)? = nil,
                         oracle: GradientOracle? = nil) throws -> ConfiguredOptimizer {
    do {
        let configured = try registry.optimizer(spec, seed: seed)
        try schedule?.checkMomentum(of: configured.optimizer, name: configured.configuration.name)
        if let oracle { try configured.optimizer.checkSamples(of: oracle) }
        return configured
    } catch {
        throw CommandError(error, in: "optimizer", text: spec)
    }
}

/// The schedule of `--schedule TEXT` (constant when there is none), or a one-line error.
func resolvedSchedule(_ text: String?, registry: Registry) throws -> any Schedule {
    guard let text else { return ConstantSchedule() }
    do {
        return try registry.schedule(text)
    } catch {
        throw CommandError(error, in: "--schedule", text: text)
    }
}
