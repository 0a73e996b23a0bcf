import DescentCore

/// The conversation with one plugin process: started at the first step (`init` with the
/// dimension, hyperparameters and seed), told of changed hyperparameters (`set`) before the next
/// step, asked to `reset`, and stopped (killed and reaped if need be) after a fault or when the
/// last optimizer using it goes.
final class PluginSession {
    let plugin: Plugin
    let schema: [HyperParameter]
    private var values: [String: HyperValue]
    private let seed: UInt64
    private var process: PluginProcess?
    private var dimension = 0
    private var t = 0
    private var changed = false
    private(set) var state: [StateVector] = []

    init(plugin: Plugin, schema: [HyperParameter], configuration: Configuration) {
        self.plugin = plugin
        self.schema = schema
        values = configuration.values
        seed = configuration.seed
    }

    var learningRate: Double {
        get { if case .number(let v)? = values["lr"] { v } else { 0 } }
        set { values["lr"] = .number(newValue); changed = true }
    }

    func configure(_ configuration: Configuration) {
        values = configuration.values
        changed = true
    }

    func setCycledMomentum(_ value: Double) -> Bool {
        if schema.contains(where: { $0.name == "momentum" && $0.kind == .real }) {
            values["momentum"] = .number(value)
        } else if schema.contains(where: { $0.name == "betas" && $0.kind == .tuple(2) }), case .tuple(var betas)? = values["betas"] {
            betas[0] = value
            values["betas"] = .tuple(betas)
        } else {
            return false
        }
        changed = true
        return true
    }

    func reset() throws(PluginFault) {
        t = 0
        state = []
        guard let process else { return }
        do {
            try exchange(#"{"op":"reset"}"#, with: process)
        } catch {
            self.process = nil
            throw error
        }
    }

    func step(x: [Double], gradient: [Double], lr: Double, oracle: GradientOracle) throws(PluginFault) -> [Double] {
        let process = try running(dimension: x.count)
        do throws(PluginFault) {
            if changed {
                try exchange(#"{"op":"set","hyperparameters":"# + hyperparameters + "}", with: process)
                changed = false
            }
            t += 1
            try process.send(#"{"op":"step","t":"# + "\(t)" + #","x":"# + PluginJSON.array(x) + #","grad":"# + PluginJSON.array(gradient)
                             + #","loss":"# + PluginJSON.number(oracle.loss) + #","lr":"# + PluginJSON.number(lr) + "}")
            var evaluations = 0
            while true {
                let reply = try PluginJSON.decode(PluginReply.self, from: process.receiveLine())
                if let error = reply.error { throw PluginFault("the plugin said: " + Sanitizer.clean(error, maxLength: 200)) }
                if reply.op == "eval" {
                    evaluations += 1
                    guard evaluations <= Limits.pluginEvaluations else {
                        throw PluginFault("the plugin asked for more than \(Limits.pluginEvaluations) evaluations in one step (the limit)")
                    }
                    let y = try sized(reply.x, "eval's x")
                    var g = [Double](repeating: 0, count: y.count)
                    let loss = oracle.evaluate(y, &g)
                    try process.send(#"{"loss":"# + PluginJSON.number(loss) + #","grad":"# + PluginJSON.array(g) + "}")
                    continue
                }
                guard reply.op == nil else { throw PluginFault("the plugin sent op \(Sanitizer.quoted(reply.op!)) within a step; only 'eval' may come before the answer") }
                let next = try sized(reply.x, "x")
                state = try stateVectors(reply.state ?? [:])
                return next
            }
        } catch {
            stop()
            throw error
        }
    }

    /// The process, started (and sent `init`) if need be, or sent `init` again for another size.
    private func running(dimension n: Int) throws(PluginFault) -> PluginProcess {
        if let process, dimension == n { return process }
        let process: PluginProcess
        if let running = self.process {
            process = running
        } else {
            guard LivePlugins.shared.count < Limits.pluginProcesses else {
                throw PluginFault("\(Limits.pluginProcesses) plugin processes are running already (the limit)")
            }
            process = try PluginProcess(command: plugin.command, timeout: plugin.timeout, directory: plugin.directory)
            self.process = process
        }
        do {
            try exchange(#"{"op":"init","dim":"# + "\(n)" + #","hyperparameters":"# + hyperparameters + #","seed":"# + "\(seed)" + "}", with: process)
        } catch {
            stop()
            throw error
        }
        dimension = n
        t = 0
        changed = false
        return process
    }

    private var hyperparameters: String { PluginJSON.hyperparameters(values, schema: schema) }

    /// Sends `message` and expects `{"ok":true}`.
    private func exchange(_ message: String, with process: PluginProcess) throws(PluginFault) {
        try process.send(message)
        let reply = try PluginJSON.decode(PluginReply.self, from: process.receiveLine())
        if let error = reply.error { throw PluginFault("the plugin said: " + Sanitizer.clean(error, maxLength: 200)) }
        guard reply.ok == true else { throw PluginFault("the plugin answered without \"ok\":true") }
    }

    /// `vector`, which must have the run's dimension.
    private func sized(_ vector: [Double]?, _ what: String) throws(PluginFault) -> [Double] {
        guard let vector else { throw PluginFault("the plugin's answer has no \(what)") }
        guard vector.count == dimension else {
            throw PluginFault("the plugin sent \(what) with \(vector.count) numbers; the run has \(dimension)")
        }
        return vector
    }

    /// The named state vectors, by name, each of the run's dimension.
    private func stateVectors(_ sent: [String: [Double]]) throws(PluginFault) -> [StateVector] {
        guard sent.count <= Limits.pluginEntries else {
            throw PluginFault("the plugin sent \(sent.count) state vectors; at most \(Limits.pluginEntries) (the limit)")
        }
        return try sent.keys.sorted().map { name throws(PluginFault) in
            StateVector(Sanitizer.clean(name, maxLength: 20), try sized(sent[name], "state '\(Sanitizer.clean(name, maxLength: 20))'"))
        }
    }

    private func stop() {
        process?.stop()
        process = nil
        dimension = 0
    }
}
