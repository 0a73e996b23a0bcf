/// A labelled position on an axis (in axis coordinates: the value, or log₁₀ of it on a log axis).
public struct Tick: Sendable, Equatable {
    public var position: Double
    public var label: String

    public init(position: Double, label: String) {
        self.position = position
        self.label = label
    }
}

/// How an axis maps values: linearly, or by log₁₀ (non-positive values cannot be shown).
public enum AxisScale: Sendable, Equatable {
    case linear, log10
}

/// Tick placement at "nice" steps 1, 2 or 5 × 10ⁿ, with compact labels.
public enum Ticks {
    /// The smallest step s ∈ {1, 2, 5, 10} × 10ⁿ with s ≥ span / maxCount (nil when the span is
    /// not finite and positive, or so small that 10ⁿ is not a normal Double).
    public static func niceStep(span: Double, maxCount: Int) -> Double? {
        guard span.isFinite, span > 0 else { return nil }
        let raw = span / Double(max(maxCount, 1))
        guard raw >= 1e-300 else { return nil }
        let magnitude = NumberFormat.powerOfTen(NumberFormat.decimalExponent(raw))
        let residual = raw / magnitude
        // 1e-9 of slack: 5e-5 / 1e-5 is 5.000000000000001 in floating point.
        let factor: Double = [1, 2, 5].first { residual <= $0 * (1 + 1e-9) } ?? 10
        return factor * magnitude
    }

    /// Ticks at the multiples k·s of the nice step inside `range`, labelled with the decimals
    /// the step needs (scientific when values reach 10⁵ or the step is below 10⁻³), and more
    /// decimals while two labels would read the same (a range narrow for its magnitude).
    public static func linear(_ range: ClosedRange<Double>, maxCount: Int) -> [Tick] {
        guard let step = niceStep(span: range.upperBound - range.lowerBound, maxCount: maxCount) else {
            let v = range.lowerBound
            return v.isFinite ? [Tick(position: v, label: NumberFormat.compact(v))] : []
        }
        // A little slack so that bounds on a multiple of the step survive rounding (0.00015 / 5e-5).
        let first = (range.lowerBound / step - 1e-9).rounded(.up), last = (range.upperBound / step + 1e-9).rounded(.down)
        guard first <= last, last - first < 1000 else { return [] }
        let stepExponent = NumberFormat.decimalExponent(step)
        let largest = max(Swift.abs(range.lowerBound), Swift.abs(range.upperBound))
        let scientific = largest >= 1e5 || stepExponent < -3
        let values = stride(from: first, through: last, by: 1).map { $0 * step }
        var ticks: [Tick] = []
        for extra in 0...16 {
            ticks = values.map { v in
                if scientific {
                    let decimals = v == 0 ? 0 : max(0, min(NumberFormat.decimalExponent(v) - stepExponent, 3)) + extra
                    return Tick(position: v, label: NumberFormat.scientific(v, decimals: decimals))
                }
                return Tick(position: v, label: NumberFormat.fixed(v, decimals: max(0, -stepExponent) + extra))
            }
            if zip(ticks, ticks.dropFirst()).allSatisfy({ $0.label != $1.label }) { break }
        }
        return ticks
    }

    /// Ticks for a log₁₀ axis whose range is given in exponents (log₁₀ of the values): integer
    /// exponents at a nice step (labelled `0.01`, `1000`, `1e-5`), or, when the range spans
    /// less than two whole powers of ten, linear ticks of the values placed at their logarithms.
    public static func logarithmic(_ exponents: ClosedRange<Double>, maxCount: Int) -> [Tick] {
        let low = exponents.lowerBound.rounded(.up), high = exponents.upperBound.rounded(.down)
        guard low.isFinite, high.isFinite else { return [] }
        if high - low >= 1 {
            let step = max(1, (niceStep(span: high - low, maxCount: maxCount) ?? 1).rounded(.up))
            let first = (low / step).rounded(.up) * step
            return stride(from: first, through: high, by: step).map { k in
                Tick(position: k, label: powerLabel(Int(k)))
            }
        }
        let values = exp10(exponents.lowerBound)...exp10(exponents.upperBound)
        return linear(values, maxCount: maxCount).compactMap { tick in
            tick.position > 0 ? Tick(position: log10(tick.position), label: tick.label) : nil
        }
    }

    /// 10^k as a label: plain for −3 ≤ k ≤ 4, `1eK` outside.
    static func powerLabel(_ k: Int) -> String {
        (-3...4).contains(k) ? NumberFormat.fixed(NumberFormat.powerOfTen(k), decimals: max(0, -k)) : "1e\(k)"
    }
}
