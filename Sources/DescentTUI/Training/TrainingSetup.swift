import DescentCore
import DescentRender

/// Everything the training view starts from: the trainers (fresh, one optimizer each), their
/// colours, how often to evaluate, where playback pauses, and a scene's title, description and
/// captions. Built by `descent play` / `train-view` / `render` from flags or a scene.
public struct TrainingSetup {
    public var trainers: [Trainer]
    /// Per trainer, its colour (nil: the palette's colour for its index).
    public var colors: [Color?]
    /// Steps between full evaluations (≥ 1).
    public var evaluateEvery: Int
    /// Playback pauses when this many epochs are complete (and every as many epochs after,
    /// once space plays on); nil: never.
    public var epochs: Int?
    public var title: String?
    public var description: String?
    /// Captions by epoch, sorted: the latest at or before the completed epochs is shown, and
    /// playback pauses on reaching those with `pause`.
    public var notes: [TrainingNote] = []
    /// The seed of the data, θ₀ and the minibatch order, shown in the status line (and the
    /// seed the live editor builds optimizers with).
    public var seed: UInt64?
    /// Per trainer, the spec it was built from (the live editor starts from it; default: the
    /// trainers' labels, which are the specs unless a scene named them).
    public var specs: [String]
    /// What the live editor (`e`, `E`, `a`) builds specs with: the registry the trainers' specs
    /// came from (with a scene's rules).
    public var registry: Registry

    /// A setup of `trainers` evaluated every `evaluateEvery` steps (default:
    /// ``defaultEvaluateEvery(_:)``).
    public init(trainers: [Trainer], colors: [Color?] = [], evaluateEvery: Int? = nil, epochs: Int? = nil, registry: Registry) {
        self.trainers = trainers
        specs = trainers.map(\.label)
        self.registry = registry
        self.colors = colors
        self.evaluateEvery = max(1, evaluateEvery ?? Self.defaultEvaluateEvery(trainers))
        self.epochs = epochs
    }

    /// A quarter epoch at the smallest batch size among the trainers (the most steps per
    /// epoch), at least one step.
    public static func defaultEvaluateEvery(_ trainers: [Trainer]) -> Int {
        max(1, (trainers.map(\.sampler.stepsPerEpoch).max() ?? 0) / 4)
    }

    /// The walk measurements the live view takes by default: a segment profile of 8 pieces and
    /// 10 power iterations for the sharpness every 50 steps (about 30 full passes over the
    /// training set per trainer every 50 steps).
    public static let defaultWalk = WalkSettings(every: 50, segmentPieces: 8, powerIterations: 10)

    /// Whether the data have two features, so the decision boundary can be drawn in the plane.
    public var isPlanar: Bool { trainers.first?.problem.data.train.featureCount == 2 }
}

/// A training caption shown from epoch `epoch` on, optionally pausing playback there.
public struct TrainingNote: Sendable, Equatable {
    public var epoch: Int
    public var text: String
    public var pause: Bool

    public init(epoch: Int, text: String, pause: Bool = false) {
        self.epoch = epoch
        self.text = text
        self.pause = pause
    }
}
