import DescentCore

/// A prepared lesson, as written in a scene file (see `scenes/README.md` for the format): a surface
/// race (a surface, starts, optimizers, schedule, noise, playback settings and captions), a
/// training race (``SceneTraining``: optimizers training copies of one small net), or both.
///
/// A scene is data. Every value has been checked: specs resolve in the registry, numbers are in
/// range, notes fall within the run. Nothing in a scene runs a command unless the user allowed its
/// `[[plugin]]` programs on the command line (``ScenePluginPolicy``).
public struct Scene: Sendable {
    /// The file the scene came from (as given to ``load(path:registry:)``), for messages.
    public var file: String
    public var title: String
    /// One or two sentences: what the scene shows.
    public var description: String
    /// Its place in the lesson list: lessons are listed by `order` (then by file name), those
    /// without one after those with one.
    public var order: Int?
    /// The surface the runs descend; nil only for a training-only scene (no surface race).
    public var surface: SceneSurface?
    /// The plane rectangle shown at first: the scene's `view`, else the surface's own
    /// (−1…1 × −1…1 without a surface).
    public var view: ViewBox
    /// Where every optimizer starts unless its own `start` says otherwise ([0, 0] without a surface).
    public var start: [Double]
    /// The optimizers of the surface race (empty without a surface).
    public var optimizers: [SceneOptimizer]
    /// A learning-rate schedule spec applied to every optimizer (`cosine(t_max=200)`), or nil.
    public var schedule: String?
    /// Gradient noise added to every optimizer's gradient, or nil.
    public var noise: SceneNoise?
    /// The horizon: how many steps the scene plays.
    public var steps: Int
    /// Distance to a known minimum that counts as arrived.
    public var tolerance: Double
    /// Playback speed in steps per second.
    public var speed: Double
    public var layout: SceneLayout
    /// The seed of everything random in the scene (shown on screen).
    public var seed: UInt64
    /// Captions, sorted by step.
    public var notes: [SceneNote]
    /// A cloud of random starts around a point (random-init saddle escape), or nil.
    public var cloud: SceneCloud?
    /// A minibatch data problem whose full-batch loss is the surface, or nil.
    public var data: SceneData?
    /// The training race of the `[training]` table, or nil.
    public var training: SceneTraining?
    /// The optimizers the scene writes as equations (`[[rule]]`, inline or `file = "…"`).
    public var rules: [OptimizerEntry] = []
    /// The optimizers of the scene's plugin programs (`[[plugin]]`, started only when allowed).
    public var plugins: [OptimizerEntry] = []
    /// The learning-rate search run when the scene loads (`tune = { … }`), or nil.
    public var tune: SceneTune?

    /// `registry` with the scene's rules and plugins added (those not already in it): what every spec of the
    /// scene resolves in.
    public func extending(_ registry: Registry) -> Registry {
        var registry = registry
        for entry in rules + plugins where !registry.optimizers.contains(where: { $0.name == entry.name }) {
            try? registry.register(entry)
        }
        return registry
    }
}

/// The surface of a scene: a registry spec (`elongated_bowl(condition=40, angle=30)`) or an
/// expression in x and y, already built.
public struct SceneSurface: Sendable {
    /// The spec as the CLI's `--surface` would take it.
    public var spec: String
    public var surface: Surface

    /// The surface `surface`, built from `spec`.
    public init(spec: String, surface: Surface) {
        self.spec = spec
        self.surface = surface
    }
}

/// One optimizer of a scene.
public struct SceneOptimizer: Sendable, Equatable {
    /// The optimizer spec, possibly a chain (`clip_norm(max_norm=1) | adam(lr=0.1)`).
    public var spec: String
    /// The legend label (default: the spec).
    public var label: String
    /// Whether the scene gave the label (false: the label is the spec).
    public var hasOwnLabel = true
    /// The colour (default: the plot's palette colour for its index).
    public var color: SceneColor?
    /// Where this optimizer starts (default: the scene's start).
    public var start: [Double]?
    /// A learning-rate schedule spec for this optimizer alone (default: the scene's).
    public var schedule: String?
    /// For a scene with a data problem: whether this optimizer sees minibatch gradients
    /// (the default), the full-batch gradient, or the full-batch gradient plus matched noise.
    public var gradient: SceneGradient
    /// Whether a scene's `tune` tunes this optimizer (`tune = false` keeps its rate as written).
    public var tune = true
    /// The winning trial when the scene's `tune` tuned it (its spec and label then carry the
    /// tuned values), else nil.
    public var tuned: TuneTrial?
}

/// Which gradient an optimizer sees in a scene with a data problem.
public enum SceneGradient: String, Sendable, CaseIterable {
    /// The gradient of a random minibatch of `batch_size` samples.
    case minibatch
    /// The exact gradient of the average loss over all samples.
    case full
    /// The full-batch gradient plus isotropic Gaussian noise with the same total variance as the
    /// minibatch gradient at the minimizer (``FiniteSumObjective/matchedIsotropicNoise(batchSize:at:seed:)``):
    /// noise of the same size as minibatch noise, but without its shape.
    case matchedNoise = "matched_noise"
}

/// Additive isotropic Gaussian gradient noise for every optimizer of a scene: a
/// ``GradientNoise`` transform in front of each optimizer, seeded with `seed`.
public struct SceneNoise: Sendable, Equatable {
    public var scale: GradientNoise.Scale
    public var seed: UInt64

    /// The transform spec put in front of each optimizer's chain.
    public var transformSpec: String {
        switch scale {
        case .constant(let sigma): return "noise(sigma=\(sigma))"
        case .annealed(let eta, let gamma): return "annealed_noise(eta=\(eta), gamma=\(gamma))"
        }
    }
}

/// How the plot shows the runs.
public enum SceneLayout: String, Sendable, CaseIterable {
    /// All runs on one plot.
    case overlay
    /// One small plot per run.
    case grid
}

/// A caption shown from step `step` on (until the next note), optionally pausing playback there.
public struct SceneNote: Sendable, Equatable {
    public var step: Int
    public var text: String
    public var pause: Bool
}

/// A cloud of random starts around a point, each run drawn as a dot, with the fraction that has
/// escaped a disc around the centre (Lee et al. 2016, "Gradient Descent Converges to Minimizers":
/// from a random start, gradient descent escapes strict saddles almost surely).
public struct SceneCloud: Sendable, Equatable {
    /// `count` starts uniform in the disc of `radius` around `center`, drawn with `seed`.
    public var starts: StartCloud
    /// A run counts as escaped once it has been farther than this from the centre.
    public var escapeRadius: Double
}

/// A generated two-parameter regression problem whose average loss is the surface, and the
/// minibatch size of the optimizers that see minibatch gradients.
public struct SceneData: Sendable {
    /// The objective's spec (`least_squares(n=200, noise=0.5)`).
    public var spec: String
    public var objective: FiniteSumObjective
    /// B: the number of samples per minibatch gradient.
    public var batchSize: Int
}
