/// Every named thing a spec string can refer to: surfaces, optimizers, schedules and gradient
/// transforms. The CLI, scene files, `descent list` and plugins all go through one registry, so
/// a registered plugin optimizer works everywhere a built-in does.
public struct Registry: Sendable {
    public private(set) var surfaces: [SurfaceEntry]
    public private(set) var optimizers: [OptimizerEntry]
    public private(set) var schedules: [ScheduleEntry]
    public private(set) var transforms: [TransformEntry]

    public init(surfaces: [SurfaceEntry], optimizers: [OptimizerEntry], schedules: [ScheduleEntry], transforms: [TransformEntry]) {
        self.surfaces = surfaces
        self.optimizers = optimizers
        self.schedules = schedules
        self.transforms = transforms
    }

    /// The built-in surfaces (including the finite-sum objectives of ``StochasticObjectives``),
    /// optimizers, schedules and transforms.
    public static let builtin = Registry(
        surfaces: BuiltinSurfaces.all + StochasticObjectives.surfaces,
        optimizers: TorchOptimizers.all + LiteratureOptimizers.all + DistributedOptimizers.all,
        schedules: Schedules.all,
        transforms: Transforms.all)

    /// Adds a user-written optimizer; its name must not clash with any optimizer or transform
    /// (both share the chain syntax).
    public mutating func register(_ entry: OptimizerEntry) throws(SpecError) {
        try checkFree(entry.name)
        optimizers.append(entry)
    }

    /// Adds a user-written gradient transform.
    public mutating func register(_ entry: TransformEntry) throws(SpecError) {
        try checkFree(entry.name)
        transforms.append(entry)
    }

    private func checkFree(_ name: String) throws(SpecError) {
        if optimizers.contains(where: { $0.name == name }) || transforms.contains(where: { $0.name == name }) {
            throw SpecError("'\(name)' is already registered")
        }
    }

    /// Builds an optimizer from a chain spec: zero or more transforms, then one optimizer,
    /// joined by `|` (`clip_norm(max_norm=1) | adam(lr=0.1)`). `seed` feeds anything random. An
    /// optimizer that computes its own gradients (the distributed ones: ``Optimizer/ownGradients``)
    /// takes no transforms.
    public func optimizer(_ text: String, seed: UInt64 = 0) throws(SpecError) -> ConfiguredOptimizer {
        let specs = try SpecParser.parseChain(text)
        var transformsInChain: [any GradientTransform] = []
        for spec in specs.dropLast() {
            guard let entry = transforms.first(where: { $0.name == spec.name }) else {
                if optimizers.contains(where: { $0.name == spec.name }) {
                    throw SpecError("the optimizer '\(spec.name)' must come last in a chain; before it only transforms (\(names(transforms)))", column: spec.column)
                }
                throw unknown("transform", spec, transforms)
            }
            transformsInChain.append(try build(entry, spec, seed: seed))
        }
        let last = specs[specs.count - 1]
        guard let entry = optimizers.first(where: { $0.name == last.name }) else {
            if transforms.contains(where: { $0.name == last.name }) {
                throw SpecError("'\(last.name)' is a transform; end the chain with an optimizer, e.g. '\(last.name) | sgd(lr=0.1)'", column: last.column)
            }
            throw unknown("optimizer", last, optimizers)
        }
        let configuration = try entry.configuration(last.arguments, seed: seed)
        var optimizer = try build(entry, configuration, column: last.column)
        if !transformsInChain.isEmpty, let reason = optimizer.ownGradients {
            throw SpecError("\(last.name) \(reason), which the transforms before it never see; remove them", column: specs[0].column)
        }
        if !transformsInChain.isEmpty {
            optimizer = TransformedOptimizer(transforms: transformsInChain, inner: optimizer)
        }
        return ConfiguredOptimizer(optimizer: optimizer, spec: text.trimmingSpaces, configuration: configuration)
    }

    /// Builds a schedule from a spec (`cosine(t_max=100)`).
    public func schedule(_ text: String) throws(SpecError) -> any Schedule {
        let spec = try SpecParser.parse(text)
        guard let entry = schedules.first(where: { $0.name == spec.name }) else { throw unknown("schedule", spec, schedules) }
        return try build(entry, spec, seed: 0)
    }

    /// A surface by registry name or spec (`beale`, `elongated_bowl(condition=40, angle=30)`),
    /// or else a custom surface from an expression in x and y (`5x^2 + 2xy + 3y^2`).
    public func surface(_ text: String) throws(SpecError) -> Surface {
        if let spec = try? SpecParser.parse(text) {
            if let entry = surfaces.first(where: { $0.name == spec.name }) {
                return try build(entry, spec, seed: 0)
            }
            if !spec.arguments.isEmpty || (spec.name.count > 1 && !spec.name.allSatisfy { "xye".contains($0) }
                                             && !Self.functionNames.contains(spec.name) && spec.name != "pi") {
                throw unknown("surface", spec, surfaces, extra: " (or an expression in x and y, like '5x^2 + 2xy + 3y^2')")
            }
        }
        do {
            return try Surface.expression(text)
        } catch {
            throw SpecError("bad expression: \(error.message)", column: error.column)
        }
    }

    private static let functionNames: Set<String> = ["sin", "cos", "tan", "exp", "log", "sqrt", "abs", "tanh", "sinh", "cosh", "atan"]

    private func build<P>(_ entry: RegistryEntry<P>, _ spec: Spec, seed: UInt64) throws(SpecError) -> P {
        try build(entry, try entry.configuration(spec.arguments, seed: seed), column: spec.column)
    }

    private func build<P>(_ entry: RegistryEntry<P>, _ configuration: Configuration, column: Int) throws(SpecError) -> P {
        do {
            return try entry.make(configuration)
        } catch let error as SpecError {
            throw SpecError(error.message, column: error.column ?? column)
        } catch {
            throw SpecError("\(entry.name): \(error)", column: column)
        }
    }

    private func names<P>(_ entries: [RegistryEntry<P>]) -> String {
        entries.map(\.name).joined(separator: ", ")
    }

    private func unknown<P>(_ kind: String, _ spec: Spec, _ entries: [RegistryEntry<P>], extra: String = "") -> SpecError {
        let close = suggestions(for: spec.name, among: entries.map(\.name))
        let hint = close.isEmpty ? "" : "did you mean \(close.prefix(3).map { "'\($0)'" }.joined(separator: " or "))? "
        return SpecError("unknown \(kind) '\(spec.name)'; \(hint)valid: \(names(entries))\(extra)", column: spec.column)
    }
}

/// An optimizer built from a spec, with the text and configuration it came from (for labels,
/// legends and restarts).
public struct ConfiguredOptimizer {
    public var optimizer: any Optimizer
    /// The spec text as given (`clip_norm(max_norm=1) | adam(lr=0.1)`).
    public var spec: String
    /// The resolved configuration of the optimizer (last link of the chain).
    public var configuration: Configuration
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(scalars[first...last])
    }
}
