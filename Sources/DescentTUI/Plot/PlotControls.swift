import DescentCore
import DescentRender

/// What every plot screen (a surface race, ``SurfaceState``, or a saddle-escape cloud,
/// ``CloudState``) holds besides its simulation: the step shown and playback, the view, the
/// cursor, the selection, the toggles, the help, the terminal size and a notice. Read through
/// the screen (`state.step`, ``PlotScreen/subscript(dynamicMember:)``); changed by the screen's
/// update only.
public struct PlotControls {
    /// The step shown (the same for every run; a diverged run shows its last point).
    public internal(set) var step = 0
    /// Where playback pauses and End jumps: `--steps` at first, extended by `--steps` each time
    /// play is pressed at the horizon.
    public internal(set) var horizon: Int
    public internal(set) var isPlaying = false
    public internal(set) var speedIndex: Int
    /// Steps owed to playback that have not made a whole step yet.
    var stepCredit = 0.0
    /// The optimizer whose details are shown (a race's step anatomy and inspector) and whose
    /// learning rate `u`/`d` change.
    public internal(set) var selected = 0
    /// The view box asked for; the plot widens one axis so that x and y have the same scale.
    public internal(set) var view: ViewBox
    /// The readout point (keyboard cursor or mouse pointer), nil when hidden.
    public internal(set) var cursor: PlanePoint?
    public internal(set) var showsHeatmap = true
    public internal(set) var showsContours = true
    public internal(set) var showsTrails = true
    /// Trails two braille dots wide.
    public internal(set) var boldTrails = false
    /// The faint trails of the workers of distributed optimizers (``DistributedOptimizer``).
    public internal(set) var showsWorkerTrails = true
    public internal(set) var layoutMode: PlotLayoutMode
    public internal(set) var showsHelp = false
    /// The help page on show (clamped to the pages when drawn).
    public internal(set) var helpPage = 0
    public internal(set) var width: Int
    public internal(set) var height: Int
    /// A one-off notice for the status line (cleared by the next key).
    public internal(set) var notice: String?
    /// Whether `q` goes back to a lesson list (the status line hints so).
    public internal(set) var returnsToList = false

    /// The controls at step 0 of `setup` on a `width` × `height` screen, paused.
    init(setup: RaceSetup, width: Int, height: Int) {
        horizon = setup.steps
        view = setup.view
        layoutMode = setup.layout
        speedIndex = min(max(setup.speedIndex, 0), PlaybackSpeed.ladder.count - 1)
        notice = setup.notice
        self.width = width
        self.height = height
    }

    /// Playback speed in steps per second.
    public var stepsPerSecond: Double { PlaybackSpeed.ladder[speedIndex] }
}
