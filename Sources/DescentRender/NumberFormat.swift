import DescentCore

/// Short number labels for axes, legends and status lines, without Foundation.
public enum NumberFormat {
    /// `v` with exactly `decimals` digits after the point, rounded half away from zero
    /// ("-0" never appears); `nan`, `inf`, `-inf` for non-finite values. Magnitudes too large
    /// for the digits fall back to ``scientific(_:decimals:)``.
    public static func fixed(_ v: Double, decimals: Int) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
        let d = max(0, min(decimals, 15))
        let scale = powerOfTen(d)
        let scaled = (Swift.abs(v) * scale).rounded()
        guard scaled < 9e15 else { return scientific(v, decimals: 3) }
        let n = UInt64(scaled)
        let unit = UInt64(scale)
        let sign = v < 0 && n != 0 ? "-" : ""
        guard d > 0 else { return sign + String(n) }
        let fraction = String(n % unit)
        return sign + String(n / unit) + "." + String(repeating: "0", count: d - fraction.count) + fraction
    }

    /// `v` as mantissa·10^exponent, written `2.5e-4`, with at most `decimals` mantissa decimals
    /// and trailing zeros dropped.
    public static func scientific(_ v: Double, decimals: Int) -> String {
        guard v.isFinite, v != 0 else { return v == 0 ? "0" : fixed(v, decimals: 0) }
        var exponent = decimalExponent(v)
        var mantissa = scaled(v, byPowerOfTen: -exponent)
        let scale = powerOfTen(max(0, min(decimals, 15)))
        if (Swift.abs(mantissa) * scale).rounded() / scale >= 10 { exponent += 1; mantissa /= 10 }
        return stripZeros(fixed(mantissa, decimals: decimals)) + "e" + String(exponent)
    }

    /// `v` with about `significant` significant digits: plain decimals for 10⁻³ ≤ |v| < 10⁵
    /// (`0.00123`, `12.3`, `12346`), scientific outside (`1.23e-5`, `4.5e7`), trailing zeros
    /// dropped.
    public static func compact(_ v: Double, significant: Int = 3) -> String {
        guard v.isFinite, v != 0 else { return v == 0 ? "0" : fixed(v, decimals: 0) }
        let s = max(1, significant)
        let exponent = decimalExponent(v)
        guard exponent >= -3, exponent < 5 else { return scientific(v, decimals: s - 1) }
        return stripZeros(fixed(v, decimals: max(0, s - 1 - exponent)))
    }

    /// ⌊log₁₀|v|⌋ for finite non-zero v (0 for zero and non-finite v), corrected for rounding
    /// in the logarithm. Subnormal v (down to 4.9·10⁻³²⁴, where 10^e itself underflows) are
    /// scaled by 10³⁰⁰ first.
    static func decimalExponent(_ v: Double) -> Int {
        let a = Swift.abs(v)
        guard a.isFinite, a > 0 else { return 0 }
        if a < 1e-290 { return decimalExponent(a * 1e300) - 300 }
        var e = Int((log(a) / log(10.0)).rounded(.down))
        if powerOfTen(e) > a { e -= 1 }
        if powerOfTen(e + 1) <= a { e += 1 }
        return e
    }

    /// v·10^k, multiplying or dividing by an exact power (one rounding for |k| ≤ 22), in two
    /// steps when 10^|k| itself would overflow (|k| > 290, e.g. for subnormal v).
    static func scaled(_ v: Double, byPowerOfTen k: Int) -> Double {
        guard Swift.abs(k) <= 290 else {
            let half = k / 2
            return scaled(scaled(v, byPowerOfTen: half), byPowerOfTen: k - half)
        }
        return k >= 0 ? v * powerOfTen(k) : v / powerOfTen(-k)
    }

    /// 10^k, exact for |k| ≤ 22 (a product of exact powers, or one correctly rounded division).
    static func powerOfTen(_ k: Int) -> Double {
        var result = 1.0
        for _ in 0..<min(Swift.abs(k), 400) { result *= 10 }
        return k >= 0 ? result : 1 / result
    }

    /// Drops trailing zeros after a decimal point, and the point itself if nothing follows.
    static func stripZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = Substring(text)
        while result.last == "0" { result = result.dropLast() }
        if result.last == "." { result = result.dropLast() }
        return String(result)
    }
}
