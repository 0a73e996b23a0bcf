/// How one optimizer's path is drawn, so that paths stay apart without colour (a projector, a
/// monochrome terminal, colour blindness): a dash pattern along the braille line, a head glyph
/// at the current point, and a mark for cells when braille is off.
public struct TrailStyle: Sendable, Equatable {
    /// Dots drawn and skipped in turn along the line, counted in braille dots and continued
    /// across the segments of a path (empty: solid).
    public var dashes: [Int]
    /// The head glyph at the current point (Unicode glyph sets).
    public var head: Unicode.Scalar
    /// The glyph of every cell the path crosses when braille is off, and (bold, reversed) its
    /// head in ASCII; nil draws ``Glyphs/curveDot`` and ``Glyphs/head``.
    public var mark: Unicode.Scalar?
    /// A faint trail (a distributed optimizer's worker): drawn one dot wide even with bold
    /// trails, in its colour mixed halfway to grey (``faintColor(_:)``), under the bold paths.
    public var isFaint: Bool

    public init(dashes: [Int] = [], head: Unicode.Scalar = "●", mark: Unicode.Scalar? = nil, isFaint: Bool = false) {
        self.dashes = dashes
        self.head = head
        self.mark = mark
        self.isFaint = isFaint
    }

    /// The faint trail of a worker of a distributed optimizer: sparse dots (one drawn, two
    /// skipped), a `·` mark without braille, no head of its own.
    public static let worker = TrailStyle(dashes: [1, 2], head: "·", mark: ".", isFaint: true)

    /// The colour a faint trail is drawn in: `color` mixed 45% toward mid grey, so that it
    /// stays the lane's hue but yields to every bold path.
    public static func faintColor(_ color: Color) -> Color { .mix(color, .rgb(128, 128, 128), weight: 0.45) }

    /// A solid line with the `●` head: paths that need no telling apart (clouds, circles).
    public static let plain = TrailStyle()

    /// The dash patterns of lanes 0, 1, 2, …: solid, dotted, dashed, long dashes, dash-dot,
    /// sparse dots (cycling).
    public static let patterns: [[Int]] = [[], [1, 1], [3, 2], [6, 2], [4, 2, 1, 2], [1, 3]]
    /// The head glyphs of lanes 0, 1, 2, … (cycling): `● ■ ▲ ◆ ▼ ✚`.
    public static let heads: [Unicode.Scalar] = ["●", "■", "▲", "◆", "▼", "✚"]

    /// The style of lane `index` (0-based): pattern and head from the tables above, and the
    /// lane's number (1–9, then 0, then letters a–z, then `*`) as its mark, matching the legend.
    public static func lane(_ index: Int) -> TrailStyle {
        let i = max(0, index)
        let marks = Array("1234567890abcdefghijklmnopqrstuvwxyz".unicodeScalars)
        return TrailStyle(dashes: patterns[i % patterns.count], head: heads[i % heads.count],
                          mark: i < marks.count ? marks[i] : "*")
    }
}

/// A pen walking along braille lines: the dash pattern's phase (continued from segment to
/// segment) and the width — one dot, or two for bold trails (the line plus its neighbour
/// across the line's main direction).
public struct Stroke: Sendable, Equatable {
    public var dashes: [Int]
    public var width: Int
    /// Dots walked so far, modulo the pattern's period.
    private var walked = 0
    private let period: Int

    public init(dashes: [Int] = [], width: Int = 1) {
        self.dashes = dashes.allSatisfy { $0 > 0 } ? dashes : []
        self.width = min(max(width, 1), 2)
        period = max(1, self.dashes.reduce(0, +))
    }

    /// Whether the next dot along the line is drawn (and steps past it).
    mutating func next() -> Bool {
        guard !dashes.isEmpty else { return true }
        defer { walked = (walked + 1) % period }
        var position = walked
        for (run, length) in dashes.enumerated() {
            if position < length { return run % 2 == 0 }
            position -= length
        }
        return true
    }
}
