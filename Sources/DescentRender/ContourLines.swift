/// A straight piece of an iso-line, in continuous pixel-grid coordinates of its field
/// (pixel (i, j) has its centre at (i + ½, j + ½); y grows downwards).
public struct ContourSegment: Sendable, Equatable {
    public var start: (x: Double, y: Double)
    public var end: (x: Double, y: Double)

    public init(start: (x: Double, y: Double), end: (x: Double, y: Double)) {
        self.start = start
        self.end = end
    }

    public static func == (a: ContourSegment, b: ContourSegment) -> Bool {
        a.start == b.start && a.end == b.end
    }
}

/// Iso-lines of a ``Field`` by marching squares, computed once per field and drawn into a
/// ``BrailleCanvas`` each frame.
///
/// Each square of four neighbouring pixel centres is classified by which corners have level
/// t ≥ c; an edge whose ends differ is crossed at the linearly interpolated point
/// p = a + (c − tₐ)/(t_b − tₐ)·(b − a). Two crossed edges give one segment. In the two saddle
/// cases (diagonal corners alike, four crossed edges) the centre value, the mean of the
/// corners, decides: the corners on the other side of c from the centre are cut off, one
/// segment each. Squares with a non-finite corner are skipped.
public struct ContourLines: Sendable {
    /// The levels drawn, in the field's normalised (possibly log) scale.
    public let levels: [Double]
    /// All segments of all levels.
    public let segments: [ContourSegment]

    /// `count` levels evenly spaced in the normalised level: t = k/(count + 1), k = 1…count.
    public static func evenLevels(count: Int) -> [Double] {
        guard count > 0 else { return [] }
        return (1...count).map { Double($0) / Double(count + 1) }
    }

    /// The iso-lines of `field` at `count` evenly spaced levels.
    public init(field: Field, count: Int) {
        self.init(field: field, levels: Self.evenLevels(count: count))
    }

    /// The iso-lines of `field` at the given normalised levels.
    public init(field: Field, levels: [Double]) {
        self.levels = levels
        segments = levels.flatMap { Self.segments(of: field, at: $0) }
    }

    /// Marching squares on `field.levels` at level c.
    public static func segments(of field: Field, at c: Double) -> [ContourSegment] {
        guard c.isFinite, field.width > 1, field.height > 1 else { return [] }
        var result: [ContourSegment] = []
        let levels = field.levels, w = field.width
        for j in 0..<(field.height - 1) {
            for i in 0..<(field.width - 1) {
                // Corners clockwise from the top left: tl, tr, br, bl.
                let v = (levels[j * w + i], levels[j * w + i + 1], levels[(j + 1) * w + i + 1], levels[(j + 1) * w + i])
                let inside = (v.0 >= c, v.1 >= c, v.2 >= c, v.3 >= c)
                // All corners on one side (the common case: checked without allocating) or a
                // non-finite corner: no line.
                if inside.0 == inside.1, inside.1 == inside.2, inside.2 == inside.3 { continue }
                if v.0.isNaN || v.1.isNaN || v.2.isNaN || v.3.isNaN { continue }
                let t = [v.0, v.1, v.2, v.3], above = [inside.0, inside.1, inside.2, inside.3]
                let corners: [(x: Double, y: Double)] = [(0.5, 0.5), (1.5, 0.5), (1.5, 1.5), (0.5, 1.5)]
                // Edge k joins corner k and corner k+1: top, right, bottom, left.
                func crossing(_ k: Int) -> (x: Double, y: Double)? {
                    let m = (k + 1) % 4
                    guard above[k] != above[m] else { return nil }
                    let f = (c - t[k]) / (t[m] - t[k])
                    return (Double(i) + corners[k].x + f * (corners[m].x - corners[k].x),
                            Double(j) + corners[k].y + f * (corners[m].y - corners[k].y))
                }
                let crossed = (0..<4).compactMap(crossing)
                if crossed.count == 2 {
                    result.append(ContourSegment(start: crossed[0], end: crossed[1]))
                } else if crossed.count == 4 {
                    let centreAbove = t.reduce(0, +) / 4 >= c
                    // Corner k touches edges k (after it) and k − 1 (before it).
                    for k in 0..<4 where above[k] != centreAbove {
                        if let a = crossing(k), let b = crossing((k + 3) % 4) {
                            result.append(ContourSegment(start: b, end: a))
                        }
                    }
                }
            }
        }
        return result
    }

    /// Draws every segment into `canvas` (which covers the field's rect): pixel coordinates
    /// are doubled to dot coordinates (1x2 pixels and 2x4 dots per cell).
    public func draw(into canvas: inout BrailleCanvas, ink: Ink) {
        for segment in segments {
            canvas.line(from: (2 * segment.start.x, 2 * segment.start.y),
                        to: (2 * segment.end.x, 2 * segment.end.y), ink: ink)
        }
    }
}
