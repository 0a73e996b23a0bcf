import DescentCore
import TOMLKit

/// Whether a scene may start the plugin programs it declares (`[[plugin]] name = … command =
/// […]`). Scenes are data: a scene's plugin runs only when the user opted in on the command line;
/// otherwise the scene fails to load with a message naming the command it wanted to run.
public enum ScenePluginPolicy: Sendable {
    /// Refused; the message names `flag`, the option that would allow it.
    case refused(flag: String)
    /// Allowed: `start(name, command, directory)` makes the registry entry (the plugin
    /// describes itself); the command runs in the scene's folder.
    case allowed(start: @Sendable (_ name: String, _ command: [String], _ directory: String) throws(ScenePluginError) -> OptimizerEntry)
}

/// Why a scene's plugin could not be registered (it did not start or describe itself).
public struct ScenePluginError: Error, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

extension SceneValidator {
    /// The `[[plugin]]` tables: each registered (when the policy allows) so the scene's specs may
    /// use it. The command is an array of strings (argv, never a shell), run in the scene's folder.
    mutating func plugins(_ root: TOMLTable) -> [OptimizerEntry] {
        var entries: [OptimizerEntry] = []
        for (i, table) in reader.tables(root, "plugin", in: "").enumerated() {
            let path = "plugin[\(i)]"
            reader.checkKeys(table, at: path, allowed: ["name", "command"])
            let name = reader.string(table, "name", in: path, required: "a plugin needs a name (the spec name its optimizer gets)")
            let command = strings(table, "command", in: path)
            guard let name, let command else { continue }
            let commandText = Sanitizer.clean(command.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " "), maxLength: 200)
            switch plugins {
            case .refused(let flag):
                refusedPlugins.append(name)
                reader.report(SceneReader.path(path, "command"),
                              "the scene wants to run a plugin program, '\(Sanitizer.clean(name, maxLength: 40))': \(commandText); pass \(flag) to let it")
            case .allowed(let start):
                let directory = reader.file.lastIndex(of: "/").map { String(reader.file[...$0]) } ?? "./"
                do throws(ScenePluginError) {
                    let entry = try start(name, command, directory)
                    try? registry.register(entry)
                    if registry.optimizers.contains(where: { $0.name == name && $0.reference == entry.reference }) {
                        entries.append(entry)
                    } else {
                        reader.report(SceneReader.path(path, "name"), "'\(Sanitizer.clean(name, maxLength: 40))' is already registered")
                    }
                } catch {
                    reader.report(SceneReader.path(path, "command"), "the plugin \(commandText) did not start: \(error.message)")
                }
            }
        }
        return entries
    }

    /// A non-empty array of non-empty strings (at most 64).
    private mutating func strings(_ table: TOMLTable, _ key: String, in parent: String) -> [String]? {
        let path = SceneReader.path(parent, key)
        guard let value = table[key] else {
            reader.reportMissing(path, "a plugin needs a command: an array of strings, like [\"python3\", \"momentum.py\"]")
            return nil
        }
        guard let array = value.array, (1...64).contains(array.count),
              case let words = array.compactMap(\.string), words.count == array.count, words.allSatisfy({ !$0.isEmpty })
        else {
            reader.report(path, "must be an array of 1 to 64 non-empty strings (the program and its arguments), like [\"python3\", \"momentum.py\"]")
            return nil
        }
        return words
    }
}
