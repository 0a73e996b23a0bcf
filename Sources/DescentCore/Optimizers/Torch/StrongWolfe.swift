/// The strong-Wolfe line search of `torch.optim.LBFGS` (`line_search_fn="strong_wolfe"`, ported
/// there from Torch7's `lswolfe.lua`, after minFunc): find a step length t along the direction d
/// from x with
///
///     f(x + td) ≤ f(x) + c₁t⟨∇f(x), d⟩          (sufficient decrease, Armijo)
///     |⟨∇f(x + td), d⟩| ≤ −c₂⟨∇f(x), d⟩           (curvature, strong form)
///
/// by bracketing — from the initial guess, extrapolating with cubic interpolation within
/// [t + 0.01(t − tₚᵣₑᵥ), 10t] — and then zooming into the bracket with safeguarded cubic
/// interpolation, c₁ = 10⁻⁴, c₂ = 0.9, at most `maxEvaluations` evaluations after the first.
/// Written in PyTorch's order of operations and with its branch conditions.
///
/// Reference: Nocedal & Wright (2006), "Numerical Optimization", algorithms 3.5 and 3.6.
struct StrongWolfe {
    /// The objective along the line: (f, ∇f) at x + td.
    var evaluate: (_ t: Double) -> (loss: Double, gradient: [Double])
    var c1 = 1e-4
    var c2 = 0.9
    /// The search stops once the bracket is this short (times max |dᵢ|).
    var toleranceChange: Double

    /// The accepted step and where it leads.
    struct Result {
        var loss: Double
        var gradient: [Double]
        var t: Double
        /// Evaluations of the objective used, the first included.
        var evaluations: Int
    }

    /// One point of the search: step length, f, ∇f, and the directional derivative ⟨∇f, d⟩.
    private struct Point {
        var t: Double
        var loss: Double
        var gradient: [Double]
        var slope: Double
    }

    /// Searches along `d` from f = `loss`, ∇f = `gradient` with ⟨∇f, d⟩ = `slope` < 0, starting
    /// at step `t`; `maxEvaluations` bounds the evaluations after the first.
    func search(d: [Double], t initial: Double, loss: Double, gradient: [Double], slope: Double,
                maxEvaluations: Int) -> Result {
        let dNorm = TorchVector.maxMagnitude(d)
        var evaluations = 0
        func point(_ t: Double) -> Point {
            let (f, g) = evaluate(t)
            evaluations += 1
            return Point(t: t, loss: f, gradient: g, slope: TorchVector.dot(g, d))
        }
        let origin = Point(t: 0, loss: loss, gradient: gradient, slope: slope)
        func sufficientDecrease(_ p: Point) -> Bool { !(p.loss > loss + c1 * p.t * slope) }
        func curvature(_ p: Point) -> Bool { Swift.abs(p.slope) <= -c2 * slope }

        // Bracketing.
        var new = point(initial)
        var previous = origin
        var bracket: [Point] = []
        var done = false
        var iterations = 0
        while iterations < maxEvaluations {
            if !sufficientDecrease(new) || (iterations > 1 && new.loss >= previous.loss) {
                bracket = [previous, new]
                break
            }
            if curvature(new) {
                bracket = [new]
                done = true
                break
            }
            if new.slope >= 0 {
                bracket = [previous, new]
                break
            }
            let t = Self.cubicMinimum(previous, new, bounds: (new.t + 0.01 * (new.t - previous.t), new.t * 10))
            previous = new
            new = point(t)
            iterations += 1
        }
        if iterations >= maxEvaluations {
            bracket = [origin, new]
        }

        // Zoom.
        var insufficientProgress = false
        var (low, high) = bracket[0].loss <= bracket[bracket.count - 1].loss ? (0, 1) : (1, 0)
        while !done && iterations < maxEvaluations {
            if Swift.abs(bracket[1].t - bracket[0].t) * dNorm < toleranceChange { break }
            var t = Self.cubicMinimum(bracket[0], bracket[1], bounds: nil)
            let top = Swift.max(bracket[0].t, bracket[1].t), bottom = Swift.min(bracket[0].t, bracket[1].t)
            let margin = 0.1 * (top - bottom)
            if Swift.min(top - t, t - bottom) < margin {
                // Close to an end of the bracket: after a second time, or outside it, move in.
                if insufficientProgress || t >= top || t <= bottom {
                    t = Swift.abs(t - top) < Swift.abs(t - bottom) ? top - margin : bottom + margin
                    insufficientProgress = false
                } else {
                    insufficientProgress = true
                }
            } else {
                insufficientProgress = false
            }
            let trial = point(t)
            iterations += 1
            if !sufficientDecrease(trial) || trial.loss >= bracket[low].loss {
                bracket[high] = trial
                (low, high) = bracket[0].loss <= bracket[1].loss ? (0, 1) : (1, 0)
            } else {
                if curvature(trial) {
                    done = true
                } else if trial.slope * (bracket[high].t - bracket[low].t) >= 0 {
                    bracket[high] = bracket[low]
                }
                bracket[low] = trial
            }
        }
        let accepted = bracket[low]
        return Result(loss: accepted.loss, gradient: accepted.gradient, t: accepted.t, evaluations: evaluations)
    }

    /// The minimiser of the cubic through two points with their values and slopes, clamped to
    /// `bounds` (default: between the two points), or the middle of the bounds when the cubic
    /// has no minimum (PyTorch's `_cubic_interpolate`).
    private static func cubicMinimum(_ p1: Point, _ p2: Point, bounds: (Double, Double)?) -> Double {
        let (x1, f1, g1, x2, f2, g2) = (p1.t, p1.loss, p1.slope, p2.t, p2.loss, p2.slope)
        let (lower, upper) = bounds ?? (x1 <= x2 ? (x1, x2) : (x2, x1))
        let d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2)
        let d2Square = d1 * d1 - g1 * g2
        guard d2Square >= 0 else { return (lower + upper) / 2 }
        let d2 = d2Square.squareRoot()
        let minimum = x1 <= x2
            ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
            : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2))
        return pythonMin(pythonMax(minimum, lower), upper)
    }

    /// Python's `max(a, b)` (a unless b > a) and `min(a, b)` (a unless b < a), NaN included.
    private static func pythonMax(_ a: Double, _ b: Double) -> Double { b > a ? b : a }
    private static func pythonMin(_ a: Double, _ b: Double) -> Double { b < a ? b : a }
}
