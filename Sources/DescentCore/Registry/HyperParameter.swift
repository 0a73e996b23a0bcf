/// One entry of a hyperparameter schema: the single description shared by the CLI, scene
/// files, `descent list` and plugins.
public struct HyperParameter: Sendable {
    /// What kind of value the parameter takes.
    public enum Kind: Sendable, Equatable {
        /// A real number.
        case real
        /// A whole number (step counts, periods).
        case integer
        /// `true` or `false`.
        case flag
        /// A tuple of exactly this many numbers (`betas`).
        case tuple(Int)
        /// A tuple of any length (`milestones`).
        case list
        /// One of a fixed set of named modes, written as a bare word (`mode=triangular2`); the
        /// value is stored as the mode's index.
        case choice([String])
    }

    /// Bounds every number of the value must satisfy.
    public struct Bounds: Sendable, Equatable {
        public var lower: Double?
        public var lowerInclusive: Bool
        public var upper: Double?
        public var upperInclusive: Bool

        public init(lower: Double? = nil, lowerInclusive: Bool = true, upper: Double? = nil, upperInclusive: Bool = true) {
            self.lower = lower; self.lowerInclusive = lowerInclusive
            self.upper = upper; self.upperInclusive = upperInclusive
        }
        /// Any finite number.
        public static let any = Bounds()
        /// x ≥ 0.
        public static let nonNegative = Bounds(lower: 0)
        /// x > 0.
        public static let positive = Bounds(lower: 0, lowerInclusive: false)
        /// 0 ≤ x < 1 (momentum coefficients, betas).
        public static let unitHalfOpen = Bounds(lower: 0, upper: 1, upperInclusive: false)
        /// 0 ≤ x ≤ 1.
        public static let unit = Bounds(lower: 0, upper: 1)
        /// x ≥ `value`.
        public static func atLeast(_ value: Double) -> Bounds { Bounds(lower: value) }

        /// Whether `x` is finite and within the bounds.
        public func contains(_ x: Double) -> Bool {
            guard x.isFinite else { return false }
            if let l = lower, lowerInclusive ? x < l : x <= l { return false }
            if let u = upper, upperInclusive ? x > u : x >= u { return false }
            return true
        }

        /// `[0, 1)`, `(0, inf)`, `>= 1`: the bounds as a reader expects them.
        public var description: String {
            switch (lower, upper) {
            case (nil, nil): return "any finite number"
            case let (l?, nil): return (lowerInclusive ? ">= " : "> ") + formatNumber(l)
            case let (nil, u?): return (upperInclusive ? "<= " : "< ") + formatNumber(u)
            case let (l?, u?):
                return (lowerInclusive ? "[" : "(") + formatNumber(l) + ", " + formatNumber(u) + (upperInclusive ? "]" : ")")
            }
        }
    }

    public var name: String
    public var kind: Kind
    /// The default; nil when the parameter is required (e.g. `step_size` of StepLR).
    public var defaultValue: HyperValue?
    public var bounds: Bounds
    /// One line: what it does, in the optimizer's own terms (β₁, ε, ...).
    public var doc: String

    public init(_ name: String, _ kind: Kind = .real, default defaultValue: HyperValue?, bounds: Bounds = .any, doc: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.bounds = bounds
        self.doc = doc
    }

    /// A real parameter with a default.
    public static func real(_ name: String, _ value: Double, _ bounds: Bounds = .any, _ doc: String) -> HyperParameter {
        HyperParameter(name, .real, default: .number(value), bounds: bounds, doc: doc)
    }
    /// An integer parameter with a default (nil: required).
    public static func integer(_ name: String, _ value: Int?, _ bounds: Bounds = .any, _ doc: String) -> HyperParameter {
        HyperParameter(name, .integer, default: value.map { .number(Double($0)) }, bounds: bounds, doc: doc)
    }
    /// A flag with a default.
    public static func flag(_ name: String, _ value: Bool, _ doc: String) -> HyperParameter {
        HyperParameter(name, .flag, default: .flag(value), bounds: .any, doc: doc)
    }
    /// A fixed-length tuple with a default.
    public static func tuple(_ name: String, _ value: [Double], _ bounds: Bounds = .any, _ doc: String) -> HyperParameter {
        HyperParameter(name, .tuple(value.count), default: .tuple(value), bounds: bounds, doc: doc)
    }
    /// A named mode with a default (one of `choices`).
    public static func choice(_ name: String, _ choices: [String], default value: String, _ doc: String) -> HyperParameter {
        HyperParameter(name, .choice(choices), default: .number(Double(choices.firstIndex(of: value) ?? 0)), doc: doc)
    }

    /// The default as written in a spec string (`0.001`, `(0.9, 0.999)`, `triangular`), or
    /// `required`.
    public var defaultDescription: String {
        guard let value = defaultValue else { return "required" }
        if case .choice(let names) = kind, case .number(let i) = value { return names[Int(i)] }
        return value.description
    }
}
