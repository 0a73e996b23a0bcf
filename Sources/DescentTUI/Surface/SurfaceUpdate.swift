import DescentCore
import DescentRender

/// What the race does for the shared plot-screen update (``PlotScreen``): Enter and clicks
/// restart every run there, `u`/`d` change the selected run's learning rate and restart it,
/// `r` brings back the setup's optimizers from their starts; the spec editor's keys
/// (``SurfaceState/applyOwn(_:)``, in SurfaceEditing.swift).
extension SurfaceState {
    /// The learning-rate factor of one `u`/`d` press.
    static let learningRateFactor = 1.5

    /// Restarts every run from `point` (nothing without a cursor).
    public mutating func start(at point: PlanePoint?) {
        guard let point else { return }
        restartAll(from: [point.x, point.y])
    }

    /// `u`/`d`: the selected optimizer's spec with `lr` × or ÷ 1.5, restarted (the legend shows
    /// the spec in force).
    public mutating func scaleLearningRate(up: Bool) {
        let selected = controls.selected
        guard styles.indices.contains(selected) else { return }
        let old = race.runs[selected].optimizer.learningRate
        let lr = up ? old * Self.learningRateFactor : old / Self.learningRateFactor
        guard lr.isFinite, lr > 0, let spec = try? specSetting(race.runs[selected].spec, "lr", to: lr) else { return }
        if let problem = replaceSelected(with: spec, restart: true) {
            controls.notice = problem
            return
        }
        controls.notice = "\(styles[selected].label): lr \(NumberFormat.compact(old)) → \(NumberFormat.compact(lr)), restarted"
    }

    /// `r`: the setup's optimizers (as they were: the added ones go, the removed ones come back)
    /// from their starts.
    public mutating func resetSimulation() {
        start = setup.start
        (styles, race) = Self.lanes(of: setup)
        controls.selected = min(controls.selected, styles.count - 1)
        computeAhead()
    }

    /// Rows of the state inspector: a title, a header, x and ∇f, the largest optimizer state
    /// (at most ``inspectorStateRows`` rows), the update and the learning rate.
    public var inspectorRows: Int {
        let vectors = race.runs.map { $0.states.first?.count ?? 0 }.max() ?? 0
        return 6 + min(vectors, Self.inspectorStateRows)
    }

    /// The most state vectors the inspector lists (many workers: the first ones, then a row
    /// saying how many more), so that it keeps its place beside the charts.
    public static let inspectorStateRows = 9

    /// The loss and the gradient-norm charts.
    public var chartCount: Int { 2 }
}
