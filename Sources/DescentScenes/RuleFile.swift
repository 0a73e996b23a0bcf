import DescentCore
import TOMLKit

/// Rule files: optimizers written as equations (``RuleDefinition``), in TOML:
///
/// ```toml
/// name = "my_adam"
/// summary = "Adam, written out"
/// [hyperparameters]          # name = default; become spec keys: my_adam(lr=0.01, beta1=0.8)
/// lr = 0.001
/// beta1 = 0.9
/// [state]                    # per-coordinate state and its initial value
/// m = 0
/// [update]                   # in order, per coordinate
/// steps = ["m = beta1*m + (1 - beta1)*g", "x = x - lr*m/(1 - beta1^t)"]
/// ```
///
/// Problems are `FILE:LINE:COLUMN: message` diagnostics; a problem inside a step points at the
/// column of the step's text in the file.
public enum RuleFile {
    static let keys = ["name", "summary", "hyperparameters", "state", "update"]

    /// The registry entry of the rule file at `path`.
    public static func load(path: String) throws(SceneLoadError) -> OptimizerEntry {
        let bytes: [UInt8]
        do {
            bytes = try BoundedFile.read(path, limit: Limits.sceneFileBytes)
        } catch {
            throw SceneLoadError(unreadable: path, error.message)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw SceneLoadError([SceneDiagnostic(file: path, position: .start, message: "not UTF-8 text: a rule file must be UTF-8")])
        }
        return try parse(text, file: path)
    }

    /// The registry entry of a rule file's text (`file` labels the diagnostics).
    public static func parse(_ text: String, file: String) throws(SceneLoadError) -> OptimizerEntry {
        let table = try Scene.tomlTable(text, file: file)
        var reader = SceneReader(file: file, index: SourceIndex(text))
        let entry = read(table, at: "", source: file, reader: &reader)
        guard let entry, reader.diagnostics.isEmpty else { throw SceneLoadError(reader.diagnostics) }
        return entry
    }

    /// Reads and compiles the rule in `table` (at key path `path`, "" for a whole file),
    /// reporting every problem through `reader`.
    static func read(_ table: TOMLTable, at path: String, source: String, reader: inout SceneReader) -> OptimizerEntry? {
        reader.checkKeys(table, at: path, allowed: keys)
        let name = reader.string(table, "name", in: path, required: "a rule needs a name (the spec name, e.g. \"my_adam\")")
        let summary = reader.string(table, "summary", in: path) ?? "rule file \(source)"
        let hyperparameters = values(table, "hyperparameters", at: path, reader: &reader)
        let state = values(table, "state", at: path, reader: &reader)
        let update = reader.table(table, "update", in: path, required: "a rule needs [update] with steps = [\"m = ...\", \"x = ...\"]")
        let stepsPath = SceneReader.path(SceneReader.path(path, "update"), "steps")
        var steps: [String] = []
        if let update {
            reader.checkKeys(update, at: SceneReader.path(path, "update"), allowed: ["steps"])
            if let array = update["steps"]?.array {
                for (k, value) in array.enumerated() {
                    guard let text = value.string else {
                        reader.report("\(stepsPath)[\(k)]", "must be a string such as \"x = x - lr*g\"")
                        continue
                    }
                    steps.append(text)
                }
            } else {
                reader.reportMissing(stepsPath, "an array of strings, the update steps in order")
            }
        }
        guard let name, reader.diagnostics.isEmpty else { return nil }
        let definition = RuleDefinition(name: name, summary: summary, source: source, hyperparameters: hyperparameters,
                                        state: state, steps: steps)
        do {
            return try definition.entry()
        } catch {
            switch error.place {
            case .name: reader.report(SceneReader.path(path, "name"), error.message)
            case .hyperparameter(let k): reader.reportKey(SceneReader.path(path, "hyperparameters.\(hyperparameters[k].name)"), error.message)
            case .state(let k): reader.reportKey(SceneReader.path(path, "state.\(state[k].name)"), error.message)
            case .step(let k, let column):
                let stepPath = "\(stepsPath)[\(k)]"
                reader.report(stepPath, error.message, at: reader.index[stepPath]?.position(inString: column))
            case .rule: reader.reportKey(SceneReader.path(path, "hyperparameters"), error.message)
            }
            return nil
        }
    }

    /// The `name = number` entries of `[key]`, in file order.
    private static func values(_ table: TOMLTable, _ key: String, at path: String, reader: inout SceneReader) -> [RuleDefinition.Value] {
        let tablePath = SceneReader.path(path, key)
        guard let values = reader.table(table, key, in: path) else { return [] }
        let names = values.keys.sorted { reader.index.keyPosition(SceneReader.path(tablePath, $0)) < reader.index.keyPosition(SceneReader.path(tablePath, $1)) }
        return names.compactMap { name in
            reader.number(values, name, in: tablePath, range: -1e300...1e300).map { RuleDefinition.Value(name, $0) }
        }
    }
}
