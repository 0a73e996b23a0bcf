#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A colour in CIELAB (D65 white): L* lightness 0–100, a* green–red, b* blue–yellow. Euclidean
/// distance in it is CIE76 ΔE*ab, where about 2.3 is a just-noticeable difference.
public struct CIELab: Sendable, Equatable {
    public var l: Double
    public var a: Double
    public var b: Double

    public init(l: Double, a: Double, b: Double) { self.l = l; self.a = a; self.b = b }

    /// The colour of linear-light sRGB components (each in [0, 1]): XYZ by the sRGB matrix, then
    /// L* = 116·f(Y) − 16, a* = 500·(f(X/Xn) − f(Y)), b* = 200·(f(Y) − f(Z/Zn)) with
    /// f(t) = ∛t above (6/29)³ and (t·(29/6)²/3 + 4/29) below; (Xn, Zn) = (0.95047, 1.08883).
    public init(linear rgb: LinearRGB) {
        let x = (0.4124564 * rgb.r + 0.3575761 * rgb.g + 0.1804375 * rgb.b) / 0.95047
        let y = 0.2126729 * rgb.r + 0.7151522 * rgb.g + 0.0721750 * rgb.b
        let z = (0.0193339 * rgb.r + 0.1191920 * rgb.g + 0.9503041 * rgb.b) / 1.08883
        func f(_ t: Double) -> Double { t > 216.0 / 24389.0 ? cbrt(t) : (24389.0 / 27.0 * t + 16) / 116 }
        let fx = f(x), fy = f(y), fz = f(z)
        self.init(l: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz))
    }

    /// The colour of sRGB bytes.
    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.init(linear: LinearRGB(red: red, green: green, blue: blue))
    }

    /// The squared CIE76 difference (ΔE*ab)².
    @inline(__always)
    public func distanceSquared(_ other: CIELab) -> Double {
        let dl = l - other.l, da = a - other.a, db = b - other.b
        return dl * dl + da * da + db * db
    }

    /// CIE76 ΔE*ab = √(ΔL*² + Δa*² + Δb*²).
    public func deltaE(_ other: CIELab) -> Double { distanceSquared(other).squareRoot() }

    /// The colour as linear-light sRGB (the inverse of ``init(linear:)``), unclamped.
    public var linear: LinearRGB {
        let fy = (l + 16) / 116, fx = fy + a / 500, fz = fy - b / 200
        func inverse(_ f: Double) -> Double { f > 6.0 / 29.0 ? f * f * f : (116 * f - 16) * 27.0 / 24389.0 }
        let x = 0.95047 * inverse(fx), y = inverse(fy), z = 1.08883 * inverse(fz)
        return LinearRGB(r: 3.2404542 * x - 1.5371385 * y - 0.4985314 * z,
                         g: -0.9692660 * x + 1.8760108 * y + 0.0415560 * z,
                         b: 0.0556434 * x - 0.2040259 * y + 1.0572252 * z)
    }
}

/// sRGB with the transfer curve undone: components proportional to light, in [0, 1], so means
/// of them are what an eye averages over neighbouring pixels.
public struct LinearRGB: Sendable, Equatable {
    public var r: Double
    public var g: Double
    public var b: Double

    public init(r: Double, g: Double, b: Double) { self.r = r; self.g = g; self.b = b }

    /// The linear value of each sRGB byte: c/12.92 for c ≤ 0.04045, else ((c + 0.055)/1.055)^2.4,
    /// with c = byte/255 (IEC 61966-2-1).
    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.init(r: Self.table[Int(red)], g: Self.table[Int(green)], b: Self.table[Int(blue)])
    }

    private static let table: [Double] = (0...255).map { byte in
        let c = Double(byte) / 255
        return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }

    public static func + (u: LinearRGB, v: LinearRGB) -> LinearRGB { LinearRGB(r: u.r + v.r, g: u.g + v.g, b: u.b + v.b) }
    public static func - (u: LinearRGB, v: LinearRGB) -> LinearRGB { LinearRGB(r: u.r - v.r, g: u.g - v.g, b: u.b - v.b) }
    public static func * (s: Double, v: LinearRGB) -> LinearRGB { LinearRGB(r: s * v.r, g: s * v.g, b: s * v.b) }

    /// Each component clamped to [0, 1].
    public var clamped: LinearRGB {
        LinearRGB(r: min(max(r, 0), 1), g: min(max(g, 0), 1), b: min(max(b, 0), 1))
    }

    /// The sRGB colour of these components (clamped to [0, 1] first).
    public var color: Color {
        func byte(_ v: Double) -> Double {
            let c = min(max(v, 0), 1)
            return c <= 0.0031308 ? 12.92 * c : 1.055 * pow(c, 1 / 2.4) - 0.055
        }
        return Color.unit(byte(r), byte(g), byte(b))
    }

    /// The mean of `colors` (black when empty).
    public static func mean(_ colors: [LinearRGB]) -> LinearRGB {
        guard !colors.isEmpty else { return LinearRGB(r: 0, g: 0, b: 0) }
        return (1 / Double(colors.count)) * colors.reduce(LinearRGB(r: 0, g: 0, b: 0), +)
    }
}
