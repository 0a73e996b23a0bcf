import DescentCore
import DescentRender
import DescentScenes

/// Everything a plot screen starts from: the surface, the start point, the optimizers, the
/// schedule, the step horizon and the arrival tolerance. Built from a ``Scene`` only
/// (``init(scene:registry:)``), whether it came from a file or from the command line's flags:
/// one path in.
public struct RaceSetup {
    /// One optimizer: its spec text and the built optimizer, and what a scene may set for it
    /// alone (nil: the race's own).
    public struct Entry {
        public var spec: String
        public var optimizer: any Optimizer
        /// The legend label (nil: the spec).
        public var label: String?
        /// The colour (nil: the palette's colour for its index).
        public var color: Color?
        /// Where it starts (nil: the race's start).
        public var start: [Double]?
        /// Its learning-rate schedule (nil: the race's).
        public var schedule: (any Schedule)?
        /// Makes the gradients it sees, afresh for every run (a minibatch oracle then restarts
        /// its sampling, so a restarted run replays the same batches); nil: the surface's exact
        /// gradient.
        public var oracle: (() -> GradientOracle)?

        init(spec: String, optimizer: any Optimizer, label: String? = nil, color: Color? = nil,
                    start: [Double]? = nil, schedule: (any Schedule)? = nil, oracle: (() -> GradientOracle)? = nil) {
            self.spec = spec
            self.optimizer = optimizer
            self.label = label
            self.color = color
            self.start = start
            self.schedule = schedule
            self.oracle = oracle
        }
    }

    public var surface: Surface
    public var start: [Double]
    public var entries: [Entry]
    public var schedule: any Schedule
    /// The horizon: playback pauses here and End jumps here (see ``SurfaceState/horizon``).
    public var steps: Int
    /// Distance to a known minimum that counts as arrived (the leaderboard).
    public var tolerance: Double
    /// Overlay (all runs on one plot) or grid (one small plot per run).
    public var layout: PlotLayoutMode
    /// The plane rectangle shown at first (and after `0` or `r`).
    public var view: ViewBox
    /// The title shown on screen (a scene's), or nil.
    public var title: String?
    /// What the race shows, captioned until the first note (a scene's description), or nil.
    public var description: String?
    /// Captions by step, sorted by step: the latest one at or before the shown step is on
    /// screen, and playback pauses at those with `pause`.
    public var notes: [SceneNote] = []
    /// The seed of the race's randomness, shown on screen when the race has any (nil: none).
    public var seed: UInt64?
    /// Playback speed at first, an index into ``PlaybackSpeed/ladder``.
    public var speedIndex = PlaybackSpeed.defaultIndex
    /// A notice shown in the status line at first (e.g. what of a scene is not shown), or nil.
    public var notice: String?
    /// What the live editor (`e`, `E`, `a`) builds specs with: the registry the race's specs
    /// came from (with a scene's rules), and the seed of optimizer randomness.
    public var registry: Registry
    public var optimizerSeed: UInt64 = 0
    /// What an optimizer added with `a` sees, as the race's own do: the gradients (a data
    /// scene's minibatch oracle; nil: the surface's exact gradient) and the text the editor
    /// starts with (a scene's `[noise]` transform, `noise(sigma=0.5) | `).
    public var addedOracle: (() -> GradientOracle)?
    public var addedSpecPrefix = ""
    /// What every run records as its loss when that is not the value of the gradients it steps
    /// on: a data scene's full-data loss f(x), so that the legend and the loss chart show f(x)
    /// for minibatch runs too (nil: the oracle's own value).
    public var recordedLoss: GradientOracle?
    /// A cloud scene's random-init saddle escape, not yet advanced: one cloud of runs per entry
    /// (in the entries' order), shown by the cloud screen (``CloudState``); nil for a race.
    public var cloud: Cloud?

    /// A setup showing `view` (default: the surface's own view box).
    init(surface: Surface, start: [Double], entries: [Entry], schedule: any Schedule = ConstantSchedule(),
         steps: Int, tolerance: Double, layout: PlotLayoutMode = .overlay, view: ViewBox? = nil, registry: Registry) {
        self.registry = registry
        self.view = view ?? surface.viewBox
        self.surface = surface
        self.start = start
        self.entries = entries
        self.schedule = schedule
        self.steps = steps
        self.tolerance = tolerance
        self.layout = layout
    }

    /// The default race of `descent` with no arguments: six classic optimizers on Beale's
    /// function from (1, 1.5), with learning rates at which each one is stable and their paths
    /// differ visibly within a few hundred steps.
    public static let defaultSpecs = [
        "sgd(lr=0.001)", "momentum(lr=0.0005)", "nesterov(lr=0.0005)",
        "adagrad(lr=0.5)", "rmsprop(lr=0.01)", "adam(lr=0.05)",
    ]

    /// The start point of the default race on Beale.
    public static let defaultStart = [1.0, 1.5]

    /// The surface of the default race.
    public static let defaultSurface = "beale"

    /// The view of the default race: the start, the saddle at (0, 1) and the minimum at (3, ½)
    /// with the valley between them.
    public static let defaultView = ViewBox(x: -1...4.5, y: -1.5...2.5)
}

/// How the plot area shows the runs.
public enum PlotLayoutMode: String, Sendable, CaseIterable {
    /// All runs on one plot.
    case overlay
    /// One small plot per visible run, all at the same step.
    case grid
}
