import DescentCore
import TOMLKit

extension SceneValidator {
    /// The `[surface]` table: `name` (a registry surface, the other keys its parameters) or
    /// `expr` (an expression in x and y), and an optional `view`. A scene with `[data]` takes its
    /// surface from the data instead.
    mutating func surface(_ root: TOMLTable, data: SceneData?) -> (surface: SceneSurface, view: ViewBox?)? {
        if let dataTable = root["data"]?.table {
            if root["surface"] != nil {
                reader.reportKey("surface", "a scene with [data] plots the data's average loss; remove [surface] (put view in [data])")
            }
            let view = self.view(dataTable, in: "data")
            return data.map { (SceneSurface(spec: $0.spec, surface: $0.objective.surface), view) }
        }
        guard let table = reader.table(root, "surface", in: "", required: "a scene needs a [surface] with a name or an expr") else {
            return nil
        }
        let view = self.view(table, in: "surface")
        let hasName = table["name"] != nil, hasExpression = table["expr"] != nil
        if hasName == hasExpression {
            reader.reportKey(hasName ? "surface.expr" : "surface", hasName
                ? "give either name or expr, not both"
                : "missing; give name = \"...\" (\(registry.surfaces.map(\.name).joined(separator: ", "))) or expr = \"...\"")
            return nil
        }
        if hasExpression {
            reader.checkKeys(table, at: "surface", allowed: ["expr", "view"])
            guard let text = reader.string(table, "expr", in: "surface") else { return nil }
            do {
                let surface = try Surface.expression(text, viewBox: view ?? Surface.expressionViewBox)
                return (SceneSurface(spec: text, surface: surface), view)
            } catch {
                let position = reader.index["surface.expr"]?.position(inString: error.column)
                reader.report("surface.expr", "bad expression at column \(error.column): \(error.message)", at: position)
                return nil
            }
        }
        guard let name = reader.string(table, "name", in: "surface") else { return nil }
        guard let entry = registry.surfaces.first(where: { $0.name == name }) else {
            reportUnknown("surface.name", kind: "surface", name: name, valid: registry.surfaces.map(\.name))
            return nil
        }
        guard let built = configure(entry, from: table, at: "surface", nameKey: "name", otherKeys: ["view"]) else { return nil }
        return (SceneSurface(spec: built.configuration.specDescription, surface: built.product), view)
    }

    /// Builds `entry` from the keys of `table` other than `nameKey` and `otherKeys`, which are
    /// its parameters (checked against its schema: unknown keys, kinds, bounds). An error about
    /// a parameter is reported at that key, any other at `nameKey`.
    mutating func configure<P>(
        _ entry: RegistryEntry<P>, from table: TOMLTable, at path: String, nameKey: String, otherKeys: [String]
    ) -> (configuration: Configuration, product: P)? {
        let reserved = [nameKey] + otherKeys
        reader.checkKeys(table, at: path, allowed: reserved + entry.parameters.map(\.name))
        var arguments: [SpecArgument] = []
        for key in table.keys where !reserved.contains(key) && entry.parameters.contains(where: { $0.name == key }) {
            guard let value = table[key], let spec = specValue(value, at: SceneReader.path(path, key)) else { return nil }
            // The column numbers the argument, so an error maps back to its key.
            arguments.append(SpecArgument(key, spec, column: arguments.count + 1))
        }
        do {
            let configuration = try entry.configuration(arguments)
            return (configuration, try entry.make(configuration))
        } catch {
            let message = (error as? SpecError)?.message ?? "\(entry.name): \(error)"
            let column = (error as? SpecError)?.column
            let argument = column.flatMap { c in arguments.indices.contains(c - 1) ? arguments[c - 1] : nil }
            reader.report(SceneReader.path(path, argument?.key ?? nameKey), message.split(separator: "\n").joined(separator: " "))
            return nil
        }
    }

    /// `view = { x = [low, high], y = [low, high] }`.
    mutating func view(_ table: TOMLTable, in parent: String) -> ViewBox? {
        let path = SceneReader.path(parent, "view")
        guard let view = reader.table(table, "view", in: parent) else { return nil }
        reader.checkKeys(view, at: path, allowed: ["x", "y"])
        let x = reader.interval(view, "x", in: path), y = reader.interval(view, "y", in: path)
        for key in ["x", "y"] where view[key] == nil { reader.reportMissing(path + "." + key, "a view needs x = [low, high] and y = [low, high]") }
        guard let x, let y else { return nil }
        guard [x.lowerBound, x.upperBound, y.lowerBound, y.upperBound].allSatisfy({ abs($0) <= Limits.coordinate }) else {
            reader.report(path, "coordinates must be within ±\(formatNumber(Limits.coordinate))")
            return nil
        }
        for (key, side) in [("x", x), ("y", y)] where !Limits.isWideEnoughForAView(side) {
            reader.report(path + "." + key, "the view is too narrow to label: its width must be at least "
                          + "\(formatNumber(Limits.relativeViewWidth)) × max(1, |coordinates|) (the limit)")
            return nil
        }
        return ViewBox(x: x, y: y)
    }

    /// A TOML value as a spec value: numbers, booleans, arrays of numbers and bare words.
    private mutating func specValue(_ value: TOMLValueConvertible, at path: String) -> SpecValue? {
        if let n = value.int { return .number(Double(n)) }
        if let d = value.double { return .number(d) }
        if let b = value.bool { return .flag(b) }
        if let s = value.string { return .word(s) }
        if let array = value.array {
            let numbers = array.compactMap { $0.int.map(Double.init) ?? $0.double }
            if numbers.count == array.count { return .tuple(numbers) }
        }
        reader.report(path, "must be a number, true/false, a word or an array of numbers, got \(SceneReader.describe(value))")
        return nil
    }

    /// `unknown surface 'bael'; did you mean 'beale'? valid: ...`.
    mutating func reportUnknown(_ path: String, kind: String, name: String, valid: [String]) {
        reader.report(path, "unknown \(kind) '\(name)'; \(SceneReader.didYouMean(name, among: valid))valid: \(valid.joined(separator: ", "))")
    }
}
