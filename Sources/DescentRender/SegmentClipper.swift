/// Liang–Barsky clipping of a segment to the box [0, width] × [0, height].
enum SegmentClipper {
    /// The part of segment a→b inside the box, or nil when none is (or an end is not finite).
    ///
    /// With p(t) = a + t(b − a), each box side gives an inequality pₖ·t ≤ qₖ; entering sides
    /// (pₖ < 0) raise t₀ to qₖ/pₖ, leaving sides (pₖ > 0) lower t₁; the segment survives when
    /// t₀ ≤ t₁.
    static func clip(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double), width: Double, height: Double)
        -> ((x: Double, y: Double), (x: Double, y: Double))?
    {
        guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { return nil }
        let dx = b.x - a.x, dy = b.y - a.y
        guard dx.isFinite, dy.isFinite else { return nil }
        var t0 = 0.0, t1 = 1.0
        func side(_ p: Double, _ q: Double) -> Bool {
            if p == 0 { return q >= 0 }
            let t = q / p
            if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
            return t0 <= t1
        }
        guard side(-dx, a.x), side(dx, width - a.x), side(-dy, a.y), side(dy, height - a.y) else { return nil }
        return ((a.x + t0 * dx, a.y + t0 * dy), (a.x + t1 * dx, a.y + t1 * dy))
    }
}
