import DescentCore
import DescentRender

/// How a distributed optimizer's workers are drawn (``DistributedOptimizer``): one faint trail per
/// worker (``TrailStyle/worker``) through the positions its recorded state holds after every
/// step, under the bold server (or EASGD centre) path of its lane, while `w` shows them and the
/// trails are on. The inspector lists the same workers (their state rows, named with each one's
/// staleness or distance to the centre).
extension FrameComposer {
    /// The worker trails of `lane` up to the shown step (none for other optimizers).
    func workerTrails(_ lane: Lane, state: SurfaceState) -> [TrajectoryOverlay] {
        guard state.controls.showsWorkerTrails, state.controls.showsTrails, lane.run.optimizer is DistributedOptimizer else { return [] }
        let run = lane.run
        // Entry e's workers are the state after the step from entry e − 1 (the steps themselves
        // when every step is kept).
        let last = min(lane.shownEntry(state.controls.step) ?? 0, run.states.count)
        // One worker of a synchronous optimizer is the server path itself: no trail under it.
        guard last >= 1, let workers = run.states.first?.count, workers > 1 else { return [] }
        let steps = Self.trailSteps(through: last, whole: true)
        return (0..<workers).map { w in
            let points = steps.map { k -> PlanePoint in
                guard k > 0, run.states[k - 1].indices.contains(w) else { return run.planePoint(0) }
                let p = run.states[k - 1][w].values
                return PlanePoint(x: p[0], y: p.count > 1 ? p[1] : 0)
            }
            return TrajectoryOverlay(points: points, color: lane.color, showsHead: false, style: .worker)
        }
    }
}
