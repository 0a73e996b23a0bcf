import DescentCore
import DescentRender

/// The saddle-escape cloud screen as a value: the ``Cloud`` simulation (many random starts per
/// optimizer, each run drawn as a dot), per optimizer its label, colour and visibility, and the
/// ``PlotControls``. Stepping back indexes the runs' histories; the cloud is computed up to its
/// memory bound (``stepLimit``), past which its dots stay where they were. A cloud runs from
/// its random starts at its scene's learning rates: Enter, clicks and `u`/`d` say so and do
/// nothing.
public struct CloudState: PlotScreen {
    /// The most steps shown (the dots stop at ``stepLimit`` before it).
    public static let historyLimit = SurfaceState.historyLimit
    /// Why Enter and clicks do not move a cloud.
    static let startNotice = "a cloud starts from its random starts: Enter and clicks do not move it"

    public let setup: RaceSetup
    /// The clouds, one per optimizer, advanced with the shown step (up to ``stepLimit``).
    public internal(set) var cloud: Cloud
    /// Per optimizer (cloud k belongs to style k), its label, colour and visibility.
    public var styles: [LaneStyle]
    public var controls: PlotControls

    /// The state at step 0 of `cloud`, shown as `setup` says, on a `width` × `height` screen, paused.
    public init(setup: RaceSetup, cloud: Cloud, width: Int = 80, height: Int = 24) {
        self.setup = setup
        self.cloud = cloud
        controls = PlotControls(setup: setup, width: width, height: height)
        styles = LaneStyle.styles(of: setup)
        computeAhead()
    }

    public var context: KeyContext { .cloud }

    /// The cloud's centre.
    public var start: [Double] { cloud.center }

    /// The most steps the cloud is computed to (its memory bound, at least the scene's steps).
    var stepLimit: Int { cloud.stepLimit(atLeast: setup.steps) }

    /// Advances the clouds to the shown step (up to ``stepLimit``; past it the status line says
    /// the dots stay).
    public mutating func computeAhead() {
        cloud.advance(toStep: min(controls.step, stepLimit))
        if controls.step > stepLimit {
            controls.notice = "the cloud stops at step \(stepLimit) (memory bound): its dots stay there"
        }
    }

    public mutating func start(at point: PlanePoint?) { controls.notice = Self.startNotice }

    public mutating func scaleLearningRate(up: Bool) {
        controls.notice = "a cloud keeps its scene's learning rates: u/d do nothing here"
    }

    public mutating func resetSimulation() { computeAhead() }

    /// Rows of the cloud panel: a title, a header and a row per cloud.
    public var inspectorRows: Int { 2 + styles.count }

    /// The escaped-fraction chart.
    public var chartCount: Int { 1 }
}
