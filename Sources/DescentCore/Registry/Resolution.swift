extension RegistryEntry {
    /// Checks `arguments` against the schema and fills in defaults: unknown keys (listing the
    /// valid ones), missing required keys, wrong kinds and out-of-bounds values are errors
    /// naming the key.
    public func configuration(_ arguments: [SpecArgument], seed: UInt64 = 0) throws(SpecError) -> Configuration {
        var values: [String: HyperValue] = [:]
        var explicit: [String] = []
        for argument in arguments {
            guard let parameter = parameters.first(where: { $0.name == argument.key }) else {
                let valid = parameters.map(\.name)
                throw SpecError(
                    "\(name) has no parameter '\(argument.key)'; "
                        + (valid.isEmpty ? "it takes none" : "valid: " + valid.joined(separator: ", ")),
                    column: argument.column)
            }
            guard values[argument.key] == nil else {
                throw SpecError("\(name): '\(argument.key)' is given twice", column: argument.column)
            }
            do {
                values[argument.key] = try parameter.check(argument.value)
            } catch {
                throw SpecError("\(name): \(error.message)", column: argument.column)
            }
            explicit.append(argument.key)
        }
        for parameter in parameters where values[parameter.name] == nil {
            guard let value = parameter.defaultValue else {
                throw SpecError("\(name) needs '\(parameter.name)' (\(parameter.doc))")
            }
            values[parameter.name] = value
        }
        return Configuration(name: name, values: values, explicitKeys: explicit, seed: seed)
    }

    /// Resolves `arguments` and builds the product.
    public func make(_ arguments: [SpecArgument], seed: UInt64 = 0) throws -> Product {
        try make(configuration(arguments, seed: seed))
    }
}

extension HyperParameter {
    /// The value converted to this parameter's kind and checked against its bounds.
    func check(_ value: SpecValue) throws(SpecError) -> HyperValue {
        let checked: HyperValue
        switch (kind, value) {
        case (.real, .number(let v)):
            checked = .number(v)
        case (.integer, .number(let v)):
            guard v == v.rounded() else { throw SpecError("'\(name)' must be a whole number, got \(formatNumber(v))") }
            guard Limits.wholeNumber(v, in: -Limits.integerParameter...Limits.integerParameter) != nil else {
                throw SpecError("'\(name)' must be within ±\(Limits.integerParameter) (the limit), got \(formatNumber(v))")
            }
            checked = .number(v)
        case (.flag, .flag(let b)):
            checked = .flag(b)
        case (.tuple(let n), .tuple(let vs)):
            guard vs.count == n else {
                throw SpecError("'\(name)' takes \(n) numbers, got \(vs.count)")
            }
            checked = .tuple(vs)
        case (.tuple(1), .number(let v)), (.list, .number(let v)):
            checked = .tuple([v])
        case (.list, .tuple(let vs)):
            checked = .tuple(vs)
        case (.choice(let names), .word(let w)):
            guard let index = names.firstIndex(of: w) else {
                throw SpecError("'\(name)' must be one of \(names.joined(separator: ", ")), got '\(w)'")
            }
            return .number(Double(index))
        default:
            throw SpecError("'\(name)' must be \(kind.expectation), got \(value.kindDescription)")
        }
        let numbers: [Double]
        switch checked {
        case .number(let v): numbers = [v]
        case .tuple(let vs): numbers = vs
        case .flag: numbers = []
        }
        for v in numbers where !bounds.contains(v) {
            throw SpecError("'\(name)' must be \(bounds.description), got \(formatNumber(v))")
        }
        return checked
    }
}

extension HyperParameter.Kind {
    /// `a number`, `true or false`, `a tuple of 2 numbers`: for error messages.
    var expectation: String {
        switch self {
        case .real: return "a number"
        case .integer: return "a whole number"
        case .flag: return "true or false"
        case .tuple(let n): return "a tuple of \(n) numbers, like (\(Array(repeating: "0.9", count: n).joined(separator: ", ")))"
        case .list: return "a number or a tuple of numbers"
        case .choice(let names): return "one of " + names.joined(separator: ", ")
        }
    }
}
