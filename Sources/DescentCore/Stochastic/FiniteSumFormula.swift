/// f(θ) = (1/n) Σ_i ℓ(a_iᵀθ; y_i) + (λ/2)‖θ‖² written generically, so that the finite-sum
/// objective is a ``SurfaceFormula`` (plotted with x = θ₁, y = θ₂) with exact AD gradient and
/// Hessian.
struct FiniteSumFormula: SurfaceFormula {
    let loss: LinearModelLoss
    /// a_i, row-major n × 2.
    let rows: [Double]
    let labels: [Double]
    let ridge: Double

    func callAsFunction<T: SurfaceScalar>(_ x: T, _ y: T) -> T {
        var total = T(0)
        for i in labels.indices {
            total = total + loss.value(T(rows[2 * i]) * x + T(rows[2 * i + 1]) * y, label: labels[i])
        }
        return total / T(Double(labels.count)) + T(0.5 * ridge) * (x * x + y * y)
    }

    /// Whether every row is (x_i, 1): a one-feature model w·x_i + b.
    private var isOneFeature: Bool { stride(from: 1, to: rows.count, by: 2).allSatisfy { rows[$0] == 1 } }

    /// The formula in the plot's coordinates: for a one-feature model with the data (u_i, v_i),
    /// else with the rows a_i and labels b_i.
    var text: String {
        let n = labels.count
        let penalty = ridge > 0 ? " + \(formatNumber(ridge / 2))(x^2 + y^2)" : ""
        guard isOneFeature else {
            switch loss {
            case .squared: return "(1/\(n)) Σ ½(a_i·(x, y) − b_i)²" + penalty
            case .logistic: return "(1/\(n)) Σ log(1 + exp(−b_i a_i·(x, y)))" + penalty
            }
        }
        switch loss {
        case .squared: return "(1/\(n)) Σ ½(x·u_i + y − v_i)²" + penalty
        case .logistic: return "(1/\(n)) Σ log(1 + exp(−v_i(x·u_i + y)))" + penalty
        }
    }

    /// argmin f by Newton's method with a backtracking (Armijo) line search from (0, 0): exact
    /// in one step for least squares, globally convergent for the convex logistic loss. Nil
    /// when the Hessian is singular or the iteration does not settle (no finite minimizer).
    func minimizer() -> [Double]? {
        newtonLimit().flatMap { isStrictMinimum($0) ? $0 : nil }
    }

    /// Whether ∇²f at θ is clearly positive definite: tr H > 10⁻¹⁰ and det H ≥ 10⁻¹² (tr H)².
    /// On separable data without a ridge, Newton runs off to where the loss and all its
    /// derivatives underflow towards 0, which this rejects.
    private func isStrictMinimum(_ theta: [Double]) -> Bool {
        let j = self(Jet2.x(theta[0]), Jet2.y(theta[1]))
        let trace = j.dxx + j.dyy
        return j.dxx * j.dyy - j.dxy * j.dxy >= 1e-12 * trace * trace && trace > 1e-10
    }

    private func newtonLimit() -> [Double]? {
        var w = 0.0, b = 0.0
        for _ in 0..<200 {
            let j = self(Jet2.x(w), Jet2.y(b))
            let det = j.dxx * j.dyy - j.dxy * j.dxy
            guard det > 0, det.isFinite, j.dxx > 0 else { return nil }
            // Δ = −H⁻¹∇f.
            let dw = -(j.dyy * j.dx - j.dxy * j.dy) / det
            let db = -(j.dxx * j.dy - j.dxy * j.dx) / det
            let slope = j.dx * dw + j.dy * db
            if -slope <= 1e-30 * (1 + Swift.abs(j.value)) { return [w, b] }
            var t = 1.0
            while self(w + t * dw, b + t * db) > j.value + 1e-4 * t * slope, t > 1e-12 { t /= 2 }
            w += t * dw
            b += t * db
            guard w.isFinite, b.isFinite else { return nil }
            if t * (Swift.abs(dw) + Swift.abs(db)) <= 1e-15 * (1 + Swift.abs(w) + Swift.abs(b)) { return [w, b] }
        }
        return nil
    }
}
