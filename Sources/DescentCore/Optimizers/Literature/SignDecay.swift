import RealModule

/// The decay f(t) of PowerSign's and AddSign's sign term (Bello et al. 2017, "internal
/// decay"), at 0-based step t with T = `steps` and n = `periods`:
/// constant f = 1; linear f = max(0, 1 − t/T); cyclical f = (1 + cos(2πnt/T))/2;
/// restart f = (1 + cos(π·((n·t) mod T)/T))/2.
public struct SignDecay: Sendable, Equatable {
    /// The shape of f.
    public enum Kind: Int, Sendable { case constant = 0, linear, cyclical, restart }

    public var kind: Kind
    public var steps: Int
    public var periods: Double

    public init(kind: Kind, steps: Int, periods: Double) {
        self.kind = kind; self.steps = steps; self.periods = periods
    }

    /// f(t).
    public func factor(at step: Int) -> Double {
        let t = Double(step), total = Double(steps)
        switch kind {
        case .constant: return 1
        case .linear: return Swift.max(0, 1 - t / total)
        case .cyclical: return (1 + Double.cos(2 * Double.pi * periods * t / total)) / 2
        case .restart:
            return (1 + Double.cos(Double.pi * (periods * t).truncatingRemainder(dividingBy: total) / total)) / 2
        }
    }

    /// The schema entries `decay`, `decay_steps`, `periods`.
    static let parameters: [HyperParameter] = [
        .choice("decay", ["constant", "linear", "cyclical", "restart"], default: "constant",
                "internal decay f(t) of the sign term"),
        .integer("decay_steps", 1000, .atLeast(1), "T of the decay"),
        .real("periods", 1, .positive, "n: number of periods of the cyclical and restart decays"),
    ]

    /// The decay a resolved configuration describes.
    static func from(_ c: Configuration) -> SignDecay {
        SignDecay(kind: Kind(rawValue: c.choice("decay")) ?? .constant, steps: c.integer("decay_steps"),
                  periods: c.number("periods"))
    }
}
