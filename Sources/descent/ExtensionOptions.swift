import ArgumentParser
import DescentCore
import DescentScenes

/// The options that add optimizers to the built-in registry, shared by every command that takes
/// optimizer specs. The registry is built once per command and threaded down to everything that
/// resolves a spec (runs, races, scenes, trainers).
struct ExtensionOptions: ParsableArguments {
    @Option(name: .customLong("rule"), help: ArgumentHelp(
        "A rule file: an optimizer written as equations (TOML; see 'Your own optimizer' in the README). Repeatable.",
        valueName: "file"))
    var rules: [String] = []

    /// The registry: the built-in entries and every `--rule` file's optimizer.
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
        return registry
    }
}
