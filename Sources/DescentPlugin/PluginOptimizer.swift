import DescentCore

/// An optimizer whose step is taken by a plugin process (``Plugin``). Per step t it sends
///
///     {"op":"step","t":t,"x":x,"grad":∇f(x),"loss":f(x),"lr":η_t}
///
/// answers every `{"op":"eval","x":y}` with `{"loss":f(y),"grad":∇f(y)}` from the oracle, and
/// takes the plugin's `{"x":x′,"state":{…}}` as x_{t+1} (and the inspector's state). Any fault
/// — the process exits, crashes, times out, sends invalid JSON, a vector of the wrong length or
/// `{"error":…}` — throws an ``OptimizerFailure`` with the reason, ending only this run.
///
/// The process and its state live in a shared session: copies of this value talk to the same
/// process, and ``reset()`` (a restart) asks the plugin to start over.
public struct PluginOptimizer: Optimizer {
    let session: PluginSession

    public var learningRate: Double {
        get { session.learningRate }
        nonmutating set { session.learningRate = newValue }
    }

    public mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) throws(OptimizerFailure) {
        do {
            params = try session.step(x: params, gradient: gradient, lr: lr, oracle: oracle)
        } catch {
            throw error.failure
        }
    }

    public var state: [StateVector] { session.state }

    public mutating func configure(_ configuration: Configuration) throws(SpecError) {
        session.configure(configuration)
    }

    /// torch's `cycle_momentum` rule over the declared hyperparameters: a real `momentum` if the
    /// plugin declares one, else the first of `betas`; sent with the next step (`set`).
    public mutating func setCycledMomentum(_ value: Double) -> Bool {
        session.setCycledMomentum(value)
    }

    public mutating func reset() throws(OptimizerFailure) {
        do { try session.reset() } catch { throw error.failure }
    }
}
