/// The one table of limits: every count, size and nesting depth that input can ask for, used
/// by the command line and scene files alike, so that no input can ask for unbounded work,
/// memory or recursion. An input beyond a limit is refused with an error that names the limit.
/// The README's "Limits" table lists the same numbers.
public enum Limits {
    // MARK: Runs on a surface

    /// Optimizer steps of a run (`--steps`, a scene's `run.steps`, `eval_every`, `walk_every`).
    public static let steps = 0...10_000_000
    /// Optimizers raced at once (`race`, `play`, `train`, a scene's `[[optimizer]]`s).
    public static let optimizers = 1...16
    /// Steps × runs a view that keeps every step holds in memory (80 MB of history at most): a
    /// saddle-escape cloud's runs, a training race's trainers. A surface race keeps a bounded
    /// history instead (``liveHistoryWindow``); `trace` and `race` stream and keep no history.
    public static let recordedPoints = 5_000_000
    /// Steps of the latest stretch a live surface view keeps every one of; older steps are
    /// thinned (``RunHistory/window(_:)``), so a run keeps at most 2·window + 1 steps however
    /// long it plays. Stepping back beyond the window shows the nearest kept step.
    public static let liveHistoryWindow = 10_000
    /// Runs of one saddle-escape cloud.
    public static let cloudCount = 1...10_000
    /// The largest absolute coordinate of starts, centres and view boxes.
    public static let coordinate = 1e6
    /// The smallest width of a view box side, relative to max(1, its largest |coordinate|): a
    /// narrower view could not be labelled, its ticks differing below what a label can show.
    public static let relativeViewWidth = 1e-9

    /// Whether `range` is wide enough to be a side of a view (see ``relativeViewWidth``).
    public static func isWideEnoughForAView(_ range: ClosedRange<Double>) -> Bool {
        let scale = max(1, Swift.abs(range.lowerBound), Swift.abs(range.upperBound))
        return range.upperBound - range.lowerBound >= relativeViewWidth * scale
    }
    /// Workers of a distributed simulation (a scene's `[distributed] workers`).
    public static let workers = 1...64
    /// Staleness τ of asynchronous gradients, in server updates (`[distributed] staleness`).
    public static let staleness = 0...1000
    /// Downpour's push/fetch periods and EASGD's communication period, in steps.
    public static let communicationPeriod = 1...100_000
    /// Points of `descent tune`'s first learning-rate grid (`--lr-grid`).
    public static let tuneGrid = 2...100
    /// Rounds of refinement around the best rate (`--refine`).
    public static let tuneRefinements = 0...30
    /// Starts each tuning trial runs from (`--starts`).
    public static let tuneStarts = 1...100
    /// Values tried for the second tuned hyperparameter (`--also-values`).
    public static let tuneAlsoValues = 1...16
    /// Steps one `descent tune` (or `race --tuned`) may take in all: optimizers × trials ×
    /// starts × budget.
    public static let tuneSteps = 200_000_000
    /// Steps a scene's `tune = { … }` (or `play --tuned`) may take in all when the scene loads:
    /// optimizers × trials × starts × budget. Smaller than ``tuneSteps``: the lesson waits for it.
    public static let sceneTuneSteps = 20_000_000
    /// Optimizer steps a training race's `training.tune = { … }` (or the training view of
    /// `play --tuned`, `train-view --tuned`) may take in all when it loads: the sum over the tuned
    /// optimizers of trials × starts × budget epochs × steps per epoch. A step of a net costs
    /// far more than a step on a surface.
    public static let sceneTrainingTuneSteps = 1_000_000
    /// Playback speed in steps per second.
    public static let speed = 1.0...5000.0
    /// Captions of a scene.
    public static let notes = 0...500
    /// A scene's `order`: its place in the lesson list.
    public static let sceneOrder = 0...1_000_000

    // MARK: Text written by the user

    /// Characters of a surface expression.
    public static let expressionLength = 10_000
    /// Nesting depth of an expression: parentheses, function calls, signs and powers (`x^x^x`).
    public static let expressionDepth = 100
    /// Characters of an optimizer, schedule or transform spec (with its chain).
    public static let specLength = 10_000
    /// Specs chained with `|` (transforms in front of an optimizer).
    public static let specChain = 16
    /// Arguments of one spec, and numbers of one tuple (`milestones=(...)`).
    public static let specArguments = 64
    /// The largest whole-number hyperparameter (step counts, periods, milestones), so that
    /// every Double→Int conversion is exact and step arithmetic cannot overflow.
    public static let integerParameter = 1_000_000_000
    /// Characters of a scene title or label.
    public static let titleLength = 80
    /// Characters of a scene description or caption.
    public static let textLength = 1000

    // MARK: Files

    /// Bytes of a scene file.
    public static let sceneFileBytes = 1 << 20
    /// Nesting depth of TOML arrays and inline tables in a scene file.
    public static let tomlDepth = 32
    /// Parts of one dotted TOML key or table header (`a.b.c` has 3).
    public static let tomlKeyParts = 16
    /// Keys (and table headers) of a scene file.
    public static let tomlKeys = 10_000
    /// Bytes of an IDX file (MNIST's training images are 47 MB).
    public static let idxFileBytes = 512 << 20

    // MARK: Training

    /// Samples of a synthetic data set, or of an IDX file used.
    public static let samples = 2...1_000_000
    /// Minibatch size.
    public static let batch = 1...1_000_000
    /// Epochs of a training race.
    public static let epochs = 0...100_000
    /// The widest layer of a net (784 takes MNIST's images).
    public static let netWidth = 1024
    /// Layers of a net, inputs and outputs included.
    public static let netLayers = 2...16
    /// Weights and biases of a net, Σ_l n_l(n_{l−1} + 1).
    public static let netParameters = 1_000_000

    // MARK: Plugins

    /// Bytes of one line a plugin sends (a step's answer for the largest net fits).
    public static let pluginLineBytes = 64 << 20
    /// Seconds a plugin may take to answer one message (`--plugin-timeout`).
    public static let pluginTimeout = 0.01...3600.0
    /// Hyperparameters a plugin may declare, and named state vectors it may send per step.
    public static let pluginEntries = 64
    /// `eval` requests a plugin may make within one step.
    public static let pluginEvaluations = 10_000
    /// Plugin processes running at once (a cloud of plugin runs is one process per start).
    public static let pluginProcesses = 256

    // MARK: Pictures

    /// Cells of each side of a rendered frame (`render --size`).
    public static let frameSide = 1...1000

    /// `value` as an Int when it is a whole number within `range`; nil otherwise (a non-finite,
    /// fractional or out-of-range value), so no conversion can trap.
    public static func wholeNumber(_ value: Double, in range: ClosedRange<Int>) -> Int? {
        guard value.isFinite, value == value.rounded(),
              value >= Double(range.lowerBound), value <= Double(range.upperBound) else { return nil }
        return Int(value)
    }
}
