#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CIELab {
    /// CIEDE2000 ΔE00 (Sharma, Wu & Dalal 2005, with k_L = k_C = k_H = 1): the colour difference
    /// closest to what the eye sees, correcting CIE76 where it overstates differences of
    /// saturated colours (a* rescaled by 1 + G near the neutral axis; lightness, chroma and hue
    /// differences weighted by S_L, S_C, S_H; the blue-region rotation term R_T):
    /// ΔE00 = √((ΔL′/S_L)² + (ΔC′/S_C)² + (ΔH′/S_H)² + R_T·(ΔC′/S_C)·(ΔH′/S_H)).
    public func deltaE2000(_ other: CIELab) -> Double {
        func radians(_ d: Double) -> Double { d * .pi / 180 }
        let c7 = pow((hypot(a, b) + hypot(other.a, other.b)) / 2, 7)
        let g = 0.5 * (1 - (c7 / (c7 + pow(25, 7))).squareRoot())
        let a1 = (1 + g) * a, a2 = (1 + g) * other.a
        let c1 = hypot(a1, b), c2 = hypot(a2, other.b)
        func hue(_ y: Double, _ x: Double) -> Double {
            guard x != 0 || y != 0 else { return 0 }
            let h = atan2(y, x) * 180 / .pi
            return h < 0 ? h + 360 : h
        }
        let h1 = hue(b, a1), h2 = hue(other.b, a2)
        var dh = 0.0
        if c1 * c2 != 0 {
            dh = h2 - h1
            if dh > 180 { dh -= 360 } else if dh < -180 { dh += 360 }
        }
        let dL = other.l - l, dC = c2 - c1
        let dH = 2 * (c1 * c2).squareRoot() * sin(radians(dh / 2))
        let lBar = (l + other.l) / 2, cBar = (c1 + c2) / 2
        let hBar: Double
        if c1 * c2 == 0 {
            hBar = h1 + h2
        } else if Swift.abs(h1 - h2) <= 180 {
            hBar = (h1 + h2) / 2
        } else {
            hBar = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2
        }
        let t = 1 - 0.17 * cos(radians(hBar - 30)) + 0.24 * cos(radians(2 * hBar)) + 0.32 * cos(radians(3 * hBar + 6))
            - 0.20 * cos(radians(4 * hBar - 63))
        let sL = 1 + 0.015 * (lBar - 50) * (lBar - 50) / (20 + (lBar - 50) * (lBar - 50)).squareRoot()
        let sC = 1 + 0.045 * cBar, sH = 1 + 0.015 * cBar * t
        let cBar7 = pow(cBar, 7)
        let rT = -2 * (cBar7 / (cBar7 + pow(25, 7))).squareRoot() * sin(radians(60 * exp(-pow((hBar - 275) / 25, 2))))
        let l = dL / sL, c = dC / sC, h = dH / sH
        return (l * l + c * c + h * h + rT * c * h).squareRoot()
    }
}
