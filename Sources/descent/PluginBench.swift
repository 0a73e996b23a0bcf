import DescentCore
import DescentPlugin
import Foundation

/// The overhead of a plugin optimizer: wall-clock time per step of heavy-ball momentum as the
/// plugin `scenes/plugins/momentum.py` (a Python process spoken to in JSON lines) beside the
/// built-in `momentum`, on a surface (Beale, 2 parameters, through a ``Run``) and on a
/// 2-16-16-2 net (338 parameters, minibatches of 32, through a ``Trainer``). Wall-clock, not
/// CPU time: the plugin's time is spent in another process. Best of `repeats` loops.
struct PluginBench {
    var repeats: Int
    /// The plugin's command (argv), heavy-ball momentum with `lr` and `momentum` keys.
    var command: [String]

    static let steps = 2_000
    static let spec = "(lr=0.0001, momentum=0.9)"

    func run() throws {
        var registry = Registry.builtin
        do {
            try registry.register(try Plugin(name: "plugin_momentum", command: command).entry())
        } catch let fault as PluginFault {
            throw CommandError("bench plugin: \(PluginCommandLine.join(command)): \(fault.reason)")
        }
        print("plugin step time: momentum\(Self.spec) built in and as the plugin \(PluginCommandLine.join(command)) "
              + "(best of \(max(repeats, 3)) loops of \(Self.steps) steps, wall clock)")
        for (what, measure) in [("beale, 2 parameters", surfaceStep), ("2-16-16-2 net, batch 32", netStep)] as [(String, (String, Registry) throws -> Double)] {
            let builtin = try measure("momentum" + Self.spec, registry)
            let plugin = try measure("plugin_momentum" + Self.spec, registry)
            print("  \(what.padding(24))  built-in \(String(format: "%9.2f", builtin * 1e6)) µs/step   plugin \(String(format: "%9.2f", plugin * 1e6)) µs/step"
                  + "   overhead \(String(format: "%8.1f", (plugin - builtin) * 1e6)) µs/step (\(String(format: "%.0f", plugin / builtin))x)")
        }
    }

    /// Best seconds per step of a run on Beale from (1, 1.5).
    private func surfaceStep(_ spec: String, _ registry: Registry) throws -> Double {
        let surface = try registry.surface("beale")
        return try best { () throws -> (Double, Bool) in
            var run = Run(label: spec, spec: spec, optimizer: try registry.optimizer(spec).optimizer, oracle: surface.oracle, start: [1, 1.5])
            _ = run.advance()  // the plugin's process starts at the first step
            let start = Date()
            run.advance(toStep: Self.steps + 1)
            return (Date().timeIntervalSince(start) / Double(Self.steps), run.isActive)
        }
    }

    /// Best seconds per training step of a 2-16-16-2 net on two moons.
    private func netStep(_ spec: String, _ registry: Registry) throws -> Double {
        let net = try MLP("2-16-16-2", activation: .relu)
        let problem = try TrainingProblem(net: net, loss: .crossEntropy,
                                          data: SyntheticDataset.moons.generate(count: 1280, seed: 0).split(validationFraction: 0.2, seed: 0))
        return try best { () throws -> (Double, Bool) in
            var trainer = Trainer(label: spec, problem: problem, optimizer: try registry.optimizer(spec).optimizer,
                                  initialParameters: problem.initialParameters(.he, seed: 1), batchSize: 32, seed: 2)
            trainer.step()
            let start = Date()
            for _ in 0..<Self.steps { trainer.step() }
            return (Date().timeIntervalSince(start) / Double(Self.steps), trainer.isActive)
        }
    }

    private func best(_ loop: () throws -> (Double, Bool)) throws -> Double {
        var best = Double.infinity
        for _ in 0..<max(repeats, 3) {
            let (seconds, healthy) = try loop()
            guard healthy else { throw CommandError("bench plugin: a run stopped (diverged or failed) during the benchmark") }
            best = min(best, seconds)
        }
        return best
    }
}
