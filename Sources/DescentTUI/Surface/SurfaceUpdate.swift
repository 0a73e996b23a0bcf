import DescentCore
import DescentRender

/// What the race does for the shared plot-screen update (``PlotScreen``): Enter and clicks
/// restart every run there, `u`/`d` change the selected run's learning rate and restart it,
/// `r` restarts every run from the setup's starts and rates.
extension SurfaceState {
    /// The learning-rate factor of one `u`/`d` press.
    static let learningRateFactor = 1.5

    /// Restarts every run from `point` (nothing without a cursor).
    public mutating func start(at point: PlanePoint?) {
        guard let point else { return }
        restartAll(from: [point.x, point.y])
    }

    public mutating func scaleLearningRate(up: Bool) {
        let selected = controls.selected
        guard styles.indices.contains(selected) else { return }
        let old = styles[selected].learningRate
        let lr = up ? old * Self.learningRateFactor : old / Self.learningRateFactor
        guard lr.isFinite, lr > 0 else { return }
        styles[selected].learningRate = lr
        restart(selected)
        controls.notice = "\(styles[selected].label): lr \(NumberFormat.compact(old)) → \(NumberFormat.compact(lr)), restarted"
    }

    public mutating func resetSimulation() {
        start = setup.start
        for k in styles.indices {
            styles[k].start = setup.entries[k].start ?? setup.start
            styles[k].learningRate = styles[k].originalLearningRate
            restart(k)
        }
        computeAhead()
    }

    /// Rows of the state inspector: a title, a header, x and ∇f, the largest optimizer state,
    /// the update and the learning rate.
    public var inspectorRows: Int {
        let vectors = race.runs.map { $0.states.first?.count ?? 0 }.max() ?? 0
        return 6 + vectors
    }

    /// The loss and the gradient-norm charts.
    public var chartCount: Int { 2 }
}
