/// A cloud simulation, the random-init saddle-escape scenario (Lee et al. 2016, "Gradient Descent
/// Only Converges to Minimizers"; Ge et al. 2015 for noisy SGD): a cloud of starts around a
/// saddle, one ``EscapeCloud`` per optimizer from the same starts, advanced in lockstep, with the
/// fraction escaped per step per optimizer. What the app's cloud screen holds, as a ``Race`` is
/// what its surface screen holds.
///
/// Build it from a scene's parameters:
///
///     let surface = try Registry.builtin.surface("saddle")          // or "monkey_saddle"
///     var scenario = try Cloud(
///         surface: surface, optimizers: [("sgd(lr=0.1)", nil), ("noisy_sgd(lr=0.1)", "noisy")],
///         starts: StartCloud(count: 1000, center: [0, 0], radius: 0.1, seed: 7),
///         escapeRadius: 1, seed: 7)
///     scenario.advance(toStep: 300)
///     scenario.clouds[0].fractions                                   // the chart series
///
/// Every optimizer uses the same per-run seeds (common random numbers), so the clouds differ
/// only by the optimizer.
public struct Cloud {
    public let surface: Surface
    public let starts: StartCloud
    /// The centre c of the escape disc (the cloud's centre).
    public var center: [Double] { starts.center }
    /// R.
    public let escapeRadius: Double
    /// The seed of the optimizers' randomness (shown on screen with the starts' seed).
    public let seed: UInt64
    /// One cloud per optimizer, in the order given.
    public private(set) var clouds: [EscapeCloud]

    /// One cloud per (spec, label) in `optimizers`, each run from `starts.points` on
    /// `surface.oracle`, escape measured around `starts.center` with radius `escapeRadius`.
    public init(
        surface: Surface, optimizers: [(spec: String, label: String?)], starts: StartCloud, escapeRadius: Double,
        seed: UInt64, registry: Registry, schedule: any Schedule = ConstantSchedule()
    ) throws(SpecError) {
        self.surface = surface
        self.starts = starts
        self.escapeRadius = escapeRadius
        self.seed = seed
        let points = starts.points
        let oracle = surface.oracle
        clouds = []
        for (spec, label) in optimizers {
            clouds.append(try EscapeCloud(spec: spec, label: label, registry: registry, starts: points, oracle: oracle,
                                          center: starts.center, escapeRadius: escapeRadius, seed: seed, schedule: schedule))
        }
    }

    /// The lockstep clock.
    public var step: Int { clouds.map(\.step).max() ?? 0 }

    /// Advances every cloud by one step.
    public mutating func advance() {
        for i in clouds.indices { clouds[i].advance() }
    }

    /// Advances every cloud to `steps` steps.
    public mutating func advance(toStep steps: Int) {
        for i in clouds.indices { clouds[i].advance(toStep: steps) }
    }

    /// The runs of all clouds.
    public var runCount: Int { clouds.reduce(0) { $0 + $1.count } }

    /// The most steps the cloud may be computed to in a view: as many as a view may record
    /// (``Limits/recordedPoints`` over ``runCount``), and at least `minimum` (a scene's steps).
    public func stepLimit(atLeast minimum: Int) -> Int {
        max(minimum, Limits.recordedPoints / max(runCount, 1))
    }
}
