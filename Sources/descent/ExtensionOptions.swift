import ArgumentParser
import DescentCore
import DescentPlugin
import DescentScenes

/// The options that add optimizers to the built-in registry, shared by every command that takes
/// optimizer specs. The registry is built once per command and threaded down to everything that
/// resolves a spec (runs, races, scenes, trainers).
struct ExtensionOptions: ParsableArguments {
    @Option(name: .customLong("rule"), help: ArgumentHelp(
        "A rule file: an optimizer written as equations (TOML; see 'Your own optimizer' in the README). Repeatable.",
        valueName: "file"))
    var rules: [String] = []

    @Option(name: .customLong("plugin"), help: ArgumentHelp(
        "An optimizer in another process: NAME=PROGRAM [ARG…], split into words (quotes as in a shell, but never run by one), then used as NAME(key=value, …). Repeatable.",
        valueName: "name=command"))
    var plugins: [String] = []

    @Option(name: .customLong("plugin-timeout"), help: ArgumentHelp(
        "Seconds a plugin may take to answer one message before its run fails.", valueName: "seconds"))
    var pluginTimeout: Double = Plugin.defaultTimeout

    @Flag(name: .customLong("allow-plugins"), help: "Let scene files start the plugin programs they declare ([[plugin]]).")
    var allowPlugins = false

    func validate() throws {
        guard Limits.pluginTimeout.contains(pluginTimeout) else {
            throw ValidationError("--plugin-timeout must be within \(formatNumber(Limits.pluginTimeout.lowerBound))…\(formatNumber(Limits.pluginTimeout.upperBound)) s (the limit), got \(formatNumber(pluginTimeout))")
        }
    }

    /// The registry: the built-in entries, every `--rule` file's optimizer and every `--plugin`
    /// (each asked to describe itself).
    func registry() throws -> Registry {
        var registry = Registry.builtin
        for path in rules {
            let entry: OptimizerEntry
            do {
                entry = try RuleFile.load(path: path)
            } catch {
                throw CommandError(error.description)
            }
            do {
                try registry.register(entry)
            } catch {
                throw CommandError("--rule \(Sanitizer.clean(path)): \(error.message)")
            }
        }
        for text in plugins {
            let option = "--plugin \(Sanitizer.quoted(text))"
            do {
                let (name, command) = try PluginCommandLine.parse(text)
                try registry.register(try Plugin(name: name, command: command, timeout: pluginTimeout).entry())
            } catch let fault as PluginFault {
                throw CommandError("\(option): \(fault.reason)")
            } catch let error as SpecError {
                throw CommandError("\(option): \(error.message)")
            }
        }
        return registry
    }

    /// How scenes may start their `[[plugin]]` programs: with this command's timeout when
    /// `--allow-plugins` was given, else not at all (the scene is refused, naming the command).
    var scenePlugins: ScenePluginPolicy {
        guard allowPlugins else { return .refused(flag: "--allow-plugins") }
        let timeout = pluginTimeout
        return .allowed { name, command, directory throws(ScenePluginError) in
            do throws(PluginFault) {
                return try Plugin(name: name, command: command, timeout: timeout, directory: directory).entry()
            } catch {
                throw ScenePluginError(error.reason)
            }
        }
    }
}
