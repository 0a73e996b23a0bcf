/// What a curve is drawn with: its colour, and the glyph its cells get when braille is off.
public struct Ink: Sendable, Equatable {
    public var color: Color
    public var fallback: Unicode.Scalar

    public init(color: Color, fallback: Unicode.Scalar) {
        self.color = color
        self.fallback = fallback
    }
}

/// A layer of 2x4 dots per cell over a screen rectangle, for curves at sub-cell resolution.
///
/// Dot (c, r) of a cell sets bit `BrailleCanvas.bit(column: c, row: r)` of its pattern (the Unicode braille
/// layout: 0x01 0x02 0x04 0x40 down the left column, 0x08 0x10 0x20 0x80 down the right), shown
/// as U+2800 + bits. A cell has one colour: the last ink that set a dot in it wins. Dot
/// coordinates are continuous like ``Viewport``'s grid: dot i covers [i, i + 1).
public struct BrailleCanvas: Sendable {
    /// The screen rectangle the canvas covers.
    public let area: Rect
    private var bits: [UInt8]
    private var colors: [Color]
    private var fallbacks: [Unicode.Scalar]

    /// The bit of dot (column c ∈ 0…1, row r ∈ 0…3) within its cell: 1 << (r + 3c) for the
    /// top three rows, 0x40 << c for the bottom one.
    @inline(__always)
    static func bit(column c: Int, row r: Int) -> UInt8 {
        r < 3 ? UInt8(1) << UInt8(r + 3 * c) : UInt8(0x40) << UInt8(c)
    }

    /// An empty canvas over `area`.
    public init(area: Rect) {
        self.area = area
        let count = area.width * area.height
        bits = Array(repeating: 0, count: count)
        colors = Array(repeating: .default, count: count)
        fallbacks = Array(repeating: " ", count: count)
    }

    /// Dots across (2 per cell) and down (4 per cell).
    public var dotWidth: Int { area.width * 2 }
    public var dotHeight: Int { area.height * 4 }

    /// Sets dot (x, y); dots outside the canvas are ignored.
    public mutating func set(dotX x: Int, dotY y: Int, ink: Ink) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let cell = (y >> 2) * area.width + (x >> 1)
        bits[cell] |= Self.bit(column: x & 1, row: y & 3)
        colors[cell] = ink.color
        fallbacks[cell] = ink.fallback
    }

    /// The dot pattern of cell (column, row) of the canvas (0 when empty or outside).
    public func pattern(column: Int, row: Int) -> UInt8 {
        guard column >= 0, row >= 0, column < area.width, row < area.height else { return 0 }
        return bits[row * area.width + column]
    }

    /// Sets the dot containing the continuous dot point (x, y); non-finite or outside points
    /// are ignored.
    public mutating func point(_ x: Double, _ y: Double, ink: Ink) {
        guard x >= 0, y >= 0, x < Double(dotWidth), y < Double(dotHeight) else { return }
        set(dotX: Int(x), dotY: Int(y), ink: ink)
    }

    /// Draws the segment between two continuous dot points: clipped to the canvas first
    /// (Liang–Barsky), so a segment that leaves the view ends at its edge and never wraps,
    /// then rasterised with Bresenham between the dots containing the clipped ends. Segments
    /// with a non-finite end are skipped.
    public mutating func line(from a: (x: Double, y: Double), to b: (x: Double, y: Double), ink: Ink) {
        let limit = (x: Double(dotWidth), y: Double(dotHeight))
        guard let (p, q) = SegmentClipper.clip(a, b, width: limit.x, height: limit.y),
              [p.x, p.y, q.x, q.y].allSatisfy(\.isFinite) else { return }
        // Clamped before the conversion: ends far outside (a diverging run) overflow Int.
        func dot(_ v: Double, _ size: Int) -> Int { Int(min(max(v, 0), Double(size - 1))) }
        line(fromDot: (dot(p.x, dotWidth), dot(p.y, dotHeight)), toDot: (dot(q.x, dotWidth), dot(q.y, dotHeight)), ink: ink)
    }

    /// Like ``line(from:to:ink:)`` with a ``Stroke``: dots where the stroke's dash pattern is
    /// off are skipped, a bold stroke also sets each dot's neighbour across the line (below a
    /// mostly horizontal line, right of a mostly vertical one), and the pattern continues from
    /// the previous segment. `includingStart` false leaves out the first dot (the end of the
    /// previous segment of a path), so a shared point does not count twice in the pattern.
    public mutating func line(from a: (x: Double, y: Double), to b: (x: Double, y: Double), ink: Ink,
                              stroke: inout Stroke, includingStart: Bool) {
        let limit = (x: Double(dotWidth), y: Double(dotHeight))
        guard let (p, q) = SegmentClipper.clip(a, b, width: limit.x, height: limit.y),
              [p.x, p.y, q.x, q.y].allSatisfy(\.isFinite) else { return }
        func dot(_ v: Double, _ size: Int) -> Int { Int(min(max(v, 0), Double(size - 1))) }
        let from = (x: dot(p.x, dotWidth), y: dot(p.y, dotHeight)), to = (x: dot(q.x, dotWidth), y: dot(q.y, dotHeight))
        let across = Swift.abs(to.x - from.x) >= Swift.abs(to.y - from.y) ? (x: 0, y: 1) : (x: 1, y: 0)
        var first = true
        Self.walk(from: from, to: to) { x, y in
            defer { first = false }
            if first && !includingStart { return }
            guard stroke.next() else { return }
            set(dotX: x, dotY: y, ink: ink)
            if stroke.width > 1 { set(dotX: x + across.x, dotY: y + across.y, ink: ink) }
        }
    }

    /// Bresenham's line between integer dots (both ends included); dots outside are ignored.
    public mutating func line(fromDot a: (x: Int, y: Int), toDot b: (x: Int, y: Int), ink: Ink) {
        Self.walk(from: a, to: b) { x, y in set(dotX: x, dotY: y, ink: ink) }
    }

    /// Calls `visit` with every dot of Bresenham's line from `a` to `b`, both ends included.
    private static func walk(from a: (x: Int, y: Int), to b: (x: Int, y: Int), _ visit: (Int, Int) -> Void) {
        let dx = Swift.abs(b.x - a.x), dy = -Swift.abs(b.y - a.y)
        let sx = a.x < b.x ? 1 : -1, sy = a.y < b.y ? 1 : -1
        var x = a.x, y = a.y, error = dx + dy
        while true {
            visit(x, y)
            if x == b.x && y == b.y { return }
            let e2 = 2 * error
            if e2 >= dy { error += dy; x += sx }
            if e2 <= dx { error += dx; y += sy }
        }
    }

    /// Writes every cell with a dot into `buffer` at ``area``: the braille pattern (or the
    /// ink's fallback glyph when `braille` is false) in the cell's colour, on the background
    /// `background(x, y)` gives for that buffer cell (e.g. the heatmap colour under it), or the
    /// cell's existing background when `background` is nil; a background from `background` is
    /// marked as a colour-field sample (``FieldColors/background``). Cells without dots are
    /// untouched.
    /// `foreground(x, y)`, when given, replaces the inks' colours (iso-lines toned to the map).
    public func compose(onto buffer: inout CellBuffer, braille: Bool, background: ((Int, Int) -> Color)? = nil,
                        foreground: ((Int, Int) -> Color)? = nil) {
        for row in 0..<area.height {
            for column in 0..<area.width {
                let index = row * area.width + column
                let pattern = bits[index]
                guard pattern != 0 else { continue }
                let x = area.x + column, y = area.y + row
                let scalar = braille ? Unicode.Scalar(0x2800 + UInt32(pattern))! : fallbacks[index]
                let under = buffer[x, y].style
                let bg = background?(x, y) ?? under.background
                let field: FieldColors = background != nil ? .background : under.field.intersection(.background)
                let fg = foreground?(x, y) ?? colors[index]
                buffer[x, y] = Cell(scalar, style: Style(foreground: fg, background: bg, field: field))
            }
        }
    }
}
