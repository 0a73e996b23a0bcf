import ArgumentParser
import DescentCore

/// The options that add optimizers to the built-in registry, shared by every command that takes
/// optimizer specs. The registry is built once per command and threaded down to everything that
/// resolves a spec (runs, races, scenes, trainers).
struct ExtensionOptions: ParsableArguments {
    /// The registry: the built-in entries.
    func registry() throws -> Registry {
        Registry.builtin
    }
}
