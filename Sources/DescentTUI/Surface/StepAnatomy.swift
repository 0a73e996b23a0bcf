import DescentCore
import DescentRender

/// The parts of one step k → k+1 of a run, for the arrows on the plot and the inspector:
/// the point x_k, the descent direction −∇f(x_k), the optimizer's state after the step (its
/// first moment or momentum, if it has one), the update Δx = x_{k+1} − x_k and the rate η_k.
struct StepAnatomy {
    /// Arrow colours: −∇f red, the first moment cyan, the update white.
    static let gradientColor = Color.rgb(255, 90, 90)
    static let momentumColor = Color.rgb(90, 230, 255)
    static let updateColor = Color.rgb(255, 255, 255)

    let step: Int
    let point: [Double]
    let negativeGradient: [Double]
    /// The optimizer's state vectors after the step (empty for a stateless optimizer).
    let state: [StateVector]
    /// The index in `state` of the first moment / momentum buffer, if the optimizer has one.
    let momentumIndex: Int?
    /// Δx, nil when the step diverged.
    let update: [Double]?
    let learningRate: Double?

    /// The anatomy of step `k` of `run`, nil when the run has no point k (not reached, or
    /// thinned from its history). The update is left out when step k + 1 was thinned.
    init?(run: Run, step k: Int) {
        guard run.dimension == 2, let e = run.entry(atOrBefore: k), run.step(ofEntry: e) == k else { return nil }
        step = k
        point = run.point(e)
        negativeGradient = run.gradient(e).map { -$0 }
        let next = e + 1 < run.count && run.step(ofEntry: e + 1) == k + 1
        state = e < run.states.count ? run.states[e] : []
        momentumIndex = state.firstIndex { Self.isFirstMoment($0.name) }
        update = next ? zip(run.point(e + 1), point).map { $0 - $1 } : nil
        learningRate = e < run.learningRates.count ? run.learningRates[e] : nil
    }

    /// Whether a state vector is a velocity, momentum buffer or first moment (what the update
    /// moves against).
    static func isFirstMoment(_ name: String) -> Bool {
        name == "m" || name.contains("momentum") || name.contains("velocity") || name.hasPrefix("average m")
            || name == "grad avg"
    }

    /// Arrows from x_k, each `length` plane units long in its vector's direction (the vectors
    /// have different units, so directions are drawn and magnitudes listed in the inspector):
    /// −∇f, −m (the way momentum pushes) and Δx. Zero or non-finite vectors get no arrow.
    func arrows(length: Double) -> [ArrowOverlay] {
        let from = PlanePoint(x: point[0], y: point[1])
        var vectors: [([Double], Color)] = [(negativeGradient, Self.gradientColor)]
        if let m = momentumIndex { vectors.append((state[m].values.map { -$0 }, Self.momentumColor)) }
        if let update { vectors.append((update, Self.updateColor)) }
        return vectors.compactMap { v, color in
            let norm = euclideanNorm(v)
            guard norm > 0, norm.isFinite, v.count == 2 else { return nil }
            return ArrowOverlay(from: from, to: PlanePoint(x: from.x + length * v[0] / norm, y: from.y + length * v[1] / norm),
                                color: color)
        }
    }
}
