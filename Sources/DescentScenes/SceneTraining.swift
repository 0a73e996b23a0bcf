import DescentCore

/// The training race of a scene's `[training]` table: several optimizers, each training its own
/// copy of one small net from the same θ₀ on the same minibatch order.
///
/// Every trainer minimises the mean loss over the training set,
///
///     L(θ) = (1/n) Σᵢ ℓ(f_θ(xᵢ), yᵢ),
///
/// one minibatch B_t at a time: θ_{t+1} = optimizer(θ_t, ∇L_B(θ_t), η_t), with
/// ⌈n / |B|⌉ steps per epoch. `problem` was built once while validating, so the net is known to
/// fit the data.
public struct SceneTraining: Sendable {
    /// The data set's name as written (for titles).
    public var dataset: String
    /// The data source (a generated set), split, net, loss, initialisation, batch size and seed.
    public var recipe: TrainingRecipe
    /// `recipe.makeProblem()`.
    public var problem: TrainingProblem
    /// Where playback pauses: after this many epochs (nil: it plays on, as a training race
    /// from the command line does).
    public var epochs: Int?
    /// Steps between full evaluations of the training and validation sets, or nil for the
    /// viewer's default.
    public var evaluateEvery: Int?
    /// The "Walk with SGD" measurements: a segment profile and the sharpness every
    /// `walk.every` steps (0 turns them off).
    public var walk: WalkSettings
    public var optimizers: [SceneTrainingOptimizer]
    /// Captions, sorted by epoch.
    public var notes: [SceneTrainingNote]
    /// The learning-rate search run when the scene loads (`tune = { … }` in `[training]`,
    /// budget in epochs), or nil.
    public var tune: SceneTune? = nil
}

/// One optimizer of a training race.
public struct SceneTrainingOptimizer: Sendable, Equatable {
    /// The optimizer spec, possibly a chain (`noise(sigma=0.01) | sgd(lr=0.1)`).
    public var spec: String
    /// The legend label (default: the spec).
    public var label: String
    /// The colour (default: the palette colour for its index).
    public var color: SceneColor?
    /// A learning-rate schedule spec, stepped once per optimizer step, or nil (constant).
    public var schedule: String?
    /// Its own minibatch size (`"full"` resolved to the training set's size), or nil: the recipe's.
    public var batchSize: Int?
    /// Whether the training race's `tune` tunes this optimizer (`tune = false` keeps its rate as written).
    public var tune = true
    /// The winning trial when the training race's `tune` tuned it (its spec and label then carry
    /// the tuned values), else nil.
    public var tuned: TuneTrial? = nil

    /// Whether the scene gave the label (false: the label is the spec).
    public var hasOwnLabel = true
}

/// A caption of the training view, shown from epoch `epoch` on (until the next note),
/// optionally pausing playback there.
public struct SceneTrainingNote: Sendable, Equatable {
    public var epoch: Int
    public var text: String
    public var pause: Bool
}
