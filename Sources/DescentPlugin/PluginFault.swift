import DescentCore

/// Why talking to a plugin failed: one line, already sanitised (`plugin exited with status 1:
/// Traceback …`, `the plugin did not answer within 5 s`). Becomes the run's ``OptimizerFailure``.
public struct PluginFault: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
    var failure: OptimizerFailure { OptimizerFailure(reason) }
}
