import ArgumentParser
import DescentCore
import DescentScenes

/// `descent check FILE...`: validates scene files without playing them.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate scene files and print every problem.",
        discussion: """
            Prints 'FILE: ok' for a good scene and one line 'FILE:LINE:COLUMN: message' per \
            problem of a bad one (TOML syntax errors, unknown keys, wrong types, unknown surface, \
            optimizer, schedule or data set names, nets that do not fit their data, out-of-range \
            values), all on standard output; surface races and training races alike. The exit \
            status is 0 only if every file is good. The format is described in scenes/README.md.
            """)

    @Argument(help: "The scene files (.toml) to check.")
    var files: [String]

    @OptionGroup(title: "Your own optimizers") var extensions: ExtensionOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one scene file") }
    }

    func run() throws {
        let registry = try extensions.registry()
        var allGood = true
        for file in files {
            do {
                _ = try Scene.load(path: file, registry: registry, plugins: extensions.scenePlugins)
                print("\(Sanitizer.clean(file)): ok")
            } catch {
                allGood = false
                if error.unreadable != nil { printError(error.description) } else { print(error.description) }
            }
        }
        if !allGood { throw ExitCode(1) }
    }
}
