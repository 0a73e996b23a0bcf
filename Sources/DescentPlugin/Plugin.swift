import DescentCore

/// A plugin optimizer: a program in any language speaking protocol 1 (JSON lines on its
/// standard input and output; see `scenes/plugins/README.md`), registered under `name`.
///
/// ``entry()`` asks the program to `describe` itself (one short-lived process) and gives the
/// registry entry built from its answer; every optimizer made from the entry then runs its own
/// process, started at its first step (so one that cannot start fails its run, not the command).
public struct Plugin: Sendable {
    /// The registry name (`NAME` of `--plugin NAME=PROGRAM`).
    public var name: String
    /// The program and its arguments (argv; never given to a shell).
    public var command: [String]
    /// Seconds each message may take (`--plugin-timeout`).
    public var timeout: Double
    /// The folder the program runs in (a scene's folder), or nil for ours.
    public var directory: String?

    public static let defaultTimeout = 5.0

    public init(name: String, command: [String], timeout: Double = Plugin.defaultTimeout, directory: String? = nil) {
        self.name = name
        self.command = command
        self.timeout = timeout
        self.directory = directory
    }

    /// `python3 scenes/plugins/momentum.py`: the command, cleaned, for messages.
    public var commandText: String { Sanitizer.clean(PluginCommandLine.join(command), maxLength: 200) }

    /// Starts the program, asks `describe`, stops it, and makes the registry entry: the declared
    /// hyperparameters become spec keys (`lr` is required: schedules and the live keys scale it).
    public func entry() throws(PluginFault) -> OptimizerEntry {
        let process = try PluginProcess(command: command, timeout: timeout, directory: directory)
        defer { process.stop() }
        try process.send(#"{"op":"describe"}"#)
        let reply = try PluginJSON.decode(DescribeReply.self, from: process.receiveLine())
        guard reply.protocol == 1 else { throw PluginFault("the plugin speaks protocol \(reply.protocol); descent speaks protocol 1") }
        let parameters = try Self.parameters(reply.hyperparameters)
        let summary = Sanitizer.clean(reply.summary ?? "a plugin", maxLength: Limits.titleLength)
        let own = Sanitizer.clean(reply.name, maxLength: 40)
        let reference = Sanitizer.clean(reply.reference.map { $0 + "; " } ?? "", maxLength: Limits.titleLength)
            + "plugin '\(own)': \(commandText)"
        let plugin = self
        return OptimizerEntry(name: name, summary: summary, reference: reference, parameters: parameters) { c in
            PluginOptimizer(session: PluginSession(plugin: plugin, schema: parameters, configuration: c))
        }
    }

    /// The schema of the declared hyperparameters, checked: spec-key names, no duplicates, a
    /// real `lr` ≥ 0, choices that contain their default, at most ``Limits/pluginEntries``.
    static func parameters(_ declared: [DescribeReply.DeclaredParameter]) throws(PluginFault) -> [HyperParameter] {
        guard declared.count <= Limits.pluginEntries else {
            throw PluginFault("the plugin declares \(declared.count) hyperparameters; at most \(Limits.pluginEntries) (the limit)")
        }
        var parameters: [HyperParameter] = []
        for d in declared {
            let name = Sanitizer.quoted(d.name)
            guard let first = d.name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic, d.name.count <= 40,
                  d.name.unicodeScalars.allSatisfy({ $0 == "_" || ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) })
            else { throw PluginFault("the plugin declares a hyperparameter named \(name); names are letters, digits and _") }
            guard !parameters.contains(where: { $0.name == d.name }) else { throw PluginFault("the plugin declares \(name) twice") }
            let doc = Sanitizer.clean(d.doc ?? "declared by the plugin", maxLength: Limits.titleLength)
            let parameter: HyperParameter
            switch d.default {
            case .number(let v) where v.isFinite:
                parameter = .real(d.name, v, d.name == "lr" ? .nonNegative : .any, doc)
            case .flag(let b):
                parameter = .flag(d.name, b, doc)
            case .tuple(let vs) where (1...Limits.pluginEntries).contains(vs.count) && vs.allSatisfy(\.isFinite):
                parameter = .tuple(d.name, vs, .any, doc)
            case .word(let w):
                let choices = d.choices ?? []
                guard choices.contains(w), choices.count <= Limits.pluginEntries, choices.allSatisfy({ $0.count <= 40 && !$0.unicodeScalars.contains(where: Sanitizer.isUnsafe) }) else {
                    throw PluginFault("the plugin's \(name) defaults to a word, \(Sanitizer.quoted(w)), that is not among its 'choices' (at most \(Limits.pluginEntries))")
                }
                parameter = .choice(d.name, choices, default: w, doc)
            default:
                throw PluginFault("the plugin's \(name) has a default that is not a finite number, true/false, an array of 1 to \(Limits.pluginEntries) numbers or a word")
            }
            parameters.append(parameter)
        }
        guard let lr = parameters.first(where: { $0.name == "lr" }), lr.kind == .real else {
            throw PluginFault("the plugin declares no real 'lr' hyperparameter (schedules and the live keys scale it)")
        }
        return parameters
    }
}
