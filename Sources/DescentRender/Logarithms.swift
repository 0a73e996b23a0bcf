import DescentCore

/// log₁₀ v = ln v / ln 10 (NaN for v < 0, −∞ at 0), exact at powers of ten (ln 1000 / ln 10
/// alone gives 2.9999999999999996).
func log10(_ v: Double) -> Double {
    let r = log(v) / log(10.0)
    let n = r.rounded()
    if r.isFinite, Swift.abs(r - n) < 1e-9, Swift.abs(n) < 300, NumberFormat.powerOfTen(Int(n)) == v { return n }
    return r
}

/// 10^e = exp(e · ln 10), exact for integer e.
func exp10(_ e: Double) -> Double {
    if e == e.rounded(), Swift.abs(e) < 300 { return NumberFormat.powerOfTen(Int(e)) }
    return exp(e * log(10.0))
}
