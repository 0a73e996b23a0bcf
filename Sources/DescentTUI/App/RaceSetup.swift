import DescentCore

/// Everything a session starts from: the surface, the start point, the optimizers, the schedule,
/// the step horizon and the arrival tolerance. Built by `descent play` and `descent render`.
public struct RaceSetup {
    /// One optimizer as given on the command line: its spec text and the built optimizer.
    public struct Entry {
        public var spec: String
        public var optimizer: any Optimizer

        public init(spec: String, optimizer: any Optimizer) {
            self.spec = spec
            self.optimizer = optimizer
        }
    }

    public var surface: Surface
    public var start: [Double]
    public var entries: [Entry]
    public var schedule: any Schedule
    /// The horizon: playback pauses here and End jumps here (see ``AppState/horizon``).
    public var steps: Int
    /// Distance to a known minimum that counts as arrived (the leaderboard).
    public var tolerance: Double
    /// Overlay (all runs on one plot) or grid (one small plot per run).
    public var layout: PlotLayoutMode
    /// The plane rectangle shown at first (and after `0` or `r`).
    public var view: ViewBox

    /// A setup showing `view` (default: the surface's own view box).
    public init(surface: Surface, start: [Double], entries: [Entry], schedule: any Schedule = ConstantSchedule(),
                steps: Int, tolerance: Double, layout: PlotLayoutMode = .overlay, view: ViewBox? = nil) {
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
