/// A fully resolved set of hyperparameters: every schema entry has a value (the spec's or the
/// default), already checked against its kind and bounds. Factories read from it by name.
public struct Configuration: Sendable, Equatable {
    /// The registry name the configuration is for (`adam`).
    public var name: String
    /// Every parameter's value, defaults filled in.
    public var values: [String: HyperValue]
    /// The names the spec string set explicitly, in the order written (for labels).
    public var explicitKeys: [String]
    /// The seed for anything random the product does (noise, sampling).
    public var seed: UInt64

    public init(name: String, values: [String: HyperValue], explicitKeys: [String] = [], seed: UInt64 = 0) {
        self.name = name
        self.values = values
        self.explicitKeys = explicitKeys
        self.seed = seed
    }

    /// A real or integer value. The schema guarantees presence and kind, so a missing key is a
    /// programming error in a factory.
    public func number(_ key: String) -> Double {
        guard case .number(let v)? = values[key] else { preconditionFailure("\(name): no number '\(key)' in schema") }
        return v
    }
    /// An integer value.
    public func integer(_ key: String) -> Int { Int(number(key)) }
    /// A flag value.
    public func flag(_ key: String) -> Bool {
        guard case .flag(let b)? = values[key] else { preconditionFailure("\(name): no flag '\(key)' in schema") }
        return b
    }
    /// A tuple or list value.
    public func tuple(_ key: String) -> [Double] {
        guard case .tuple(let vs)? = values[key] else { preconditionFailure("\(name): no tuple '\(key)' in schema") }
        return vs
    }
    /// The index of a choice value.
    public func choice(_ key: String) -> Int { integer(key) }

    /// `adam(lr=0.01, betas=(0.9, 0.99))`: the name and the explicitly set values.
    public var specDescription: String {
        guard !explicitKeys.isEmpty else { return name }
        let args = explicitKeys.compactMap { key in values[key].map { "\(key)=\($0)" } }
        return name + "(" + args.joined(separator: ", ") + ")"
    }
}

/// A named, documented factory in a registry: an optimizer, schedule, transform. What plugins
/// register, and what `descent list` prints.
public struct RegistryEntry<Product>: Sendable {
    public var name: String
    /// One line for listings.
    public var summary: String
    /// Where the method comes from (`torch.optim.Adam`, `Chen et al. 2023`).
    public var reference: String
    public var parameters: [HyperParameter]
    /// Builds the product from a resolved configuration; throws ``SpecError`` for combinations
    /// the schema cannot express (e.g. nesterov without momentum).
    public var make: @Sendable (Configuration) throws -> Product

    public init(
        name: String, summary: String, reference: String, parameters: [HyperParameter],
        make: @escaping @Sendable (Configuration) throws -> Product
    ) {
        self.name = name
        self.summary = summary
        self.reference = reference
        self.parameters = parameters
        self.make = make
    }

    /// The same entry under another name with some defaults changed (`momentum` is `sgd` with
    /// momentum 0.9).
    public func alias(_ name: String, summary: String, defaults: [String: HyperValue]) -> RegistryEntry {
        var copy = self
        copy.name = name
        copy.summary = summary
        copy.parameters = parameters.map { p in
            var p = p
            if let d = defaults[p.name] { p.defaultValue = d }
            return p
        }
        return copy
    }
}

/// A registered optimizer.
public typealias OptimizerEntry = RegistryEntry<any Optimizer>
/// A registered learning-rate schedule.
public typealias ScheduleEntry = RegistryEntry<any Schedule>
/// A registered gradient transform.
public typealias TransformEntry = RegistryEntry<any GradientTransform>
