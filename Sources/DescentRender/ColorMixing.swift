extension Color {
    /// The component-wise mean of two RGB colours, ((r₁ + r₂)/2, …), rounded to the nearest
    /// byte; if either is `.default` the other is returned.
    public static func mean(_ a: Color, _ b: Color) -> Color {
        switch (a, b) {
        case let (.rgb(r1, g1, b1), .rgb(r2, g2, b2)):
            func avg(_ u: UInt8, _ v: UInt8) -> UInt8 { UInt8((UInt16(u) + UInt16(v) + 1) / 2) }
            return .rgb(avg(r1, r2), avg(g1, g2), avg(b1, b2))
        case (.default, _): return b
        case (_, .default): return a
        }
    }

    /// a + w·(b − a) per component (w clamped to [0, 1]), rounded to the nearest byte; if either
    /// is `.default` the other is returned.
    public static func mix(_ a: Color, _ b: Color, weight: Double) -> Color {
        switch (a, b) {
        case let (.rgb(r1, g1, b1), .rgb(r2, g2, b2)):
            let w = weight.isNaN ? 0 : Swift.max(0, Swift.min(1, weight))
            func lerp(_ u: UInt8, _ v: UInt8) -> UInt8 { UInt8((Double(u) + w * (Double(v) - Double(u))).rounded()) }
            return .rgb(lerp(r1, r2), lerp(g1, g2), lerp(b1, b2))
        case (.default, _): return b
        case (_, .default): return a
        }
    }
}

extension Color {
    /// The colour `amount` CIELAB lightness units (L*) lighter — or darker, where L* is above
    /// 60, so the result stays inside the gamut — with a* and b* kept: a tone of the same
    /// colour that differs from it by about `amount` ΔE. `.default` stays `.default`.
    public func shifted(lightness amount: Double) -> Color {
        guard case let .rgb(r, g, b) = self else { return self }
        var lab = CIELab(red: r, green: g, blue: b)
        lab.l += lab.l > 60 ? -amount : amount
        return lab.linear.color
    }
}
