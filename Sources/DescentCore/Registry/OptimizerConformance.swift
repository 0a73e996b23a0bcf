/// The contract every registered optimizer keeps, built-in or not (a Swift type, a rule file,
/// a plugin process), checked the same way for all (as swift-collections' conformance checkers
/// do for collections):
///
/// - deterministic: two fresh instances with the same seed take the same steps;
/// - `reset()` gives the same run as a fresh instance;
/// - every state vector is as long as the parameters;
/// - finite on a bowl f(x) = ½ Σ aᵢxᵢ² (a = 1, 2, 3) from its defaults;
/// - every schema default, written into a spec string (`name(key=default)`), resolves to the
///   same configuration as the bare name;
/// - `configure` with the configuration in force changes nothing (hyperparameters live in the
///   state), and the run goes on from where it was.
public enum OptimizerConformance {
    /// The bowl's curvatures aᵢ and the start.
    static let curvatures = [1.0, 2.0, 3.0]
    static let start = [1.0, -1.0, 0.5]

    /// The bowl as the finite sum of its coordinates' terms, f = (1/n) Σᵢ fᵢ with
    /// fᵢ(x) = (n/2) aᵢxᵢ² touching coordinate i alone (for optimizers that draw samples: Hogwild!).
    struct BowlSamples: SampledObjective {
        var count: Int { curvatures.count }
        func sampleGradient(_ i: Int, at x: [Double]) -> [Double] {
            var g = [Double](repeating: 0, count: x.count)
            g[i] = Double(count) * curvatures[i] * x[i]
            return g
        }
        func support(_ i: Int) -> [Int] { [i] }
    }

    /// f(x) = ½ Σ aᵢxᵢ², with its gradient, (diagonal) Hessian and samples (``BowlSamples``).
    public static var bowl: GradientOracle {
        GradientOracle(
        evaluate: { x, g in
            var f = 0.0
            for i in x.indices {
                g[i] = curvatures[i] * x[i]
                f += 0.5 * curvatures[i] * x[i] * x[i]
            }
            return f
        },
        hessian: { x in
            var h = [Double](repeating: 0, count: x.count * x.count)
            for i in x.indices { h[i * x.count + i] = curvatures[i] }
            return h
        },
        samples: BowlSamples())
    }

    /// Every broken promise of the optimizer `name` in `registry`, one line each (empty when
    /// it conforms), over `steps` steps.
    public static func violations(of name: String, in registry: Registry, steps: Int = 30) -> [String] {
        guard let entry = registry.optimizers.first(where: { $0.name == name }) else { return ["\(name): not registered"] }
        var problems: [String] = []
        do {
            let seed: UInt64 = 7
            var first = try registry.optimizer(name, seed: seed).optimizer
            var second = try registry.optimizer(name, seed: seed).optimizer
            let a = try trajectory(&first, steps: steps)
            let b = try trajectory(&second, steps: steps)
            if a.points != b.points { problems.append("\(name): two fresh instances with the same seed differ") }
            if !a.points.allSatisfy({ $0.allSatisfy(\.isFinite) }) { problems.append("\(name): not finite on the bowl") }
            for vector in a.state where vector.values.count != start.count {
                problems.append("\(name): state '\(vector.name)' has \(vector.values.count) values for \(start.count) parameters")
            }
            try first.reset()
            let again = try trajectory(&first, steps: steps)
            if again.points != a.points || again.state != a.state { problems.append("\(name): reset() does not give a fresh run") }
            problems += try configureKeepsTheRun(name, registry: registry, seed: seed, steps: steps, expected: a.points)
            problems += try defaultsRoundTrip(entry, registry: registry)
        } catch {
            problems.append("\(name): \(error)")
        }
        return problems
    }

    /// Configuring with the configuration in force halfway through must not change the run.
    private static func configureKeepsTheRun(_ name: String, registry: Registry, seed: UInt64, steps: Int,
                                             expected: [[Double]]) throws -> [String] {
        let configured = try registry.optimizer(name, seed: seed)
        var optimizer = configured.optimizer
        let half = try trajectory(&optimizer, steps: steps / 2)
        try optimizer.configure(configured.configuration)
        let rest = try trajectory(&optimizer, from: half.points.last!, steps: steps - steps / 2)
        return half.points + rest.points.dropFirst() == expected
            ? [] : ["\(name): configure() with the same hyperparameters changed the run"]
    }

    /// `name(key=default)` must resolve like `name` for every key with a default.
    private static func defaultsRoundTrip(_ entry: OptimizerEntry, registry: Registry) throws -> [String] {
        let bare = try entry.configuration([])
        var problems: [String] = []
        for parameter in entry.parameters where parameter.defaultValue != nil {
            let spec = "\(entry.name)(\(parameter.name)=\(parameter.defaultDescription))"
            let written = try registry.optimizer(spec).configuration
            if written.values != bare.values { problems.append("\(entry.name): '\(spec)' does not read back as the default") }
        }
        return problems
    }

    /// `steps` steps from `from` on the bowl: the points (the start first) and the last state.
    private static func trajectory(_ optimizer: inout any Optimizer, from: [Double] = start, steps: Int)
        throws -> (points: [[Double]], state: [StateVector]) {
        var x = from
        var g = [Double](repeating: 0, count: x.count)
        var points = [x]
        for _ in 0..<steps {
            _ = bowl.evaluate(x, &g)
            try optimizer.step(params: &x, gradient: g, lr: optimizer.learningRate, oracle: bowl)
            points.append(x)
        }
        return (points, optimizer.state)
    }
}
