/// An optimizer written as equations, as a rule file declares it: hyperparameters with
/// defaults, per-coordinate state with initial values, and update steps run in order for every
/// coordinate (`m = beta1*m + (1 - beta1)*g`, then `x = x - lr*m`). No code runs: the steps are
/// expressions compiled by the expression language, so a rule is safe to ship in a scene.
///
/// The names a step may use: `x` (the coordinate), `g` (its gradient), `t` (the step, from 1),
/// `lr` (the scheduled learning rate of this step; the `lr` hyperparameter is its base), every
/// hyperparameter and state variable, `pi`, `e`, the functions `sin cos tan exp log sqrt abs
/// tanh sinh cosh atan sign`, `min(a, b)`, `max(a, b)`, and the whole-vector values `norm(v)`
/// and `dot(a, b)` of `x`, `g` or a state vector, taken once per step before any coordinate is
/// updated. A step assigns to a state variable or to `x`; later steps see the new value.
public struct RuleDefinition: Sendable, Equatable {
    /// A declared name with its number: a hyperparameter's default or a state's initial value.
    public struct Value: Sendable, Equatable {
        public var name: String
        public var value: Double
        public init(_ name: String, _ value: Double) { self.name = name; self.value = value }
    }

    public var name: String
    public var summary: String
    /// Where the rule came from (a file name), for `descent list`.
    public var source: String
    public var hyperparameters: [Value]
    public var state: [Value]
    /// `target = expression`, in order.
    public var steps: [String]

    public init(name: String, summary: String, source: String, hyperparameters: [Value], state: [Value], steps: [String]) {
        self.name = name
        self.summary = summary
        self.source = source
        self.hyperparameters = hyperparameters
        self.state = state
        self.steps = steps
    }
}

/// What is wrong with a rule, and where: the caller maps the place to a file position.
public struct RuleError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Place: Sendable, Equatable {
        /// The rule's name.
        case name
        /// Hyperparameter number k (from 0).
        case hyperparameter(Int)
        /// State variable number k.
        case state(Int)
        /// Update step number k, at a 1-based column of its text when known.
        case step(Int, column: Int?)
        /// The rule as a whole (a missing declaration).
        case rule
    }

    public var place: Place
    public var message: String

    public init(_ place: Place, _ message: String) {
        self.place = place
        self.message = message
    }

    public var description: String { message }
}
