import DescentCore

/// A classifier's decision regions over a plane rectangle, with labelled samples on top.
///
/// The plot rectangle is sampled at half-block pixels (1×2 per cell, ``Resolution/pixels``):
/// pixel (i, j) is coloured by the class predicted at its centre, mixed with the background by
/// the prediction's confidence p ∈ [½, 1] (a weight of 0.2 + 0.6·(2p − 1)²), so confident regions
/// are saturated and the boundary, where p → ½, fades. Each cell holding samples shows one marker
/// (`●▲■◆`, ASCII `ox+#`) in the colour of the most frequent class among them; a marker on a
/// region of another class is a misclassified sample. Without colours the regions are shading
/// characters (one per class) and the markers tell the classes apart.
public struct ClassMap: Sendable {
    /// One labelled point of the plane.
    public struct Sample: Sendable, Equatable {
        public var x, y: Double
        public var label: Int
        public init(x: Double, y: Double, label: Int) {
            self.x = x
            self.y = y
            self.label = label
        }
    }

    /// The colours of classes 0, 1, 2, …: blue, vermillion, bluish green, reddish purple (from the
    /// Okabe–Ito palette, cycling).
    public static let classColors = Palette(colors: [.rgb(0, 114, 178), .rgb(213, 94, 0), .rgb(0, 158, 115), .rgb(204, 121, 167)])
    /// The background regions fade into.
    public static let background = Color.rgb(24, 24, 28)

    public var viewport: Viewport
    /// Per pixel of ``viewport`` (row-major, top row first, ``pixelCenters(_:)`` order): the predicted class and
    /// its confidence; empty draws no regions.
    public var pixels: [(predictedClass: Int, confidence: Double)]
    public var samples: [Sample]
    public var hasColors: Bool

    public init(viewport: Viewport, pixels: [(predictedClass: Int, confidence: Double)], samples: [Sample], hasColors: Bool) {
        self.viewport = viewport
        self.pixels = pixels
        self.samples = samples
        self.hasColors = hasColors
    }

    /// The plane points to predict at: the centres of the viewport's pixels, row-major from the
    /// top, as x₀, y₀, x₁, y₁, … (two values per pixel).
    public static func pixelCenters(_ viewport: Viewport) -> [Double] {
        let size = viewport.gridSize(.pixels)
        var points: [Double] = []
        points.reserveCapacity(2 * size.width * size.height)
        for j in 0..<size.height {
            for i in 0..<size.width {
                let p = viewport.center(column: i, row: j, .pixels)
                points.append(p.x)
                points.append(p.y)
            }
        }
        return points
    }

    /// A box around the samples: their bounding box widened by 10% on each side (±1 around a
    /// single point).
    public static func box(around samples: [Sample]) -> ViewBox {
        box(aroundPoints: samples.flatMap { [$0.x, $0.y] })
    }

    /// ``box(around:)`` of the points x₀, y₀, x₁, y₁, … (a data set's two features).
    public static func box(aroundPoints xy: [Double]) -> ViewBox {
        guard xy.count >= 2 else { return ViewBox(x: -1...1, y: -1...1) }
        var x = xy[0]...xy[0], y = xy[1]...xy[1]
        for k in stride(from: 0, to: xy.count - 1, by: 2) where xy[k].isFinite && xy[k + 1].isFinite {
            x = min(x.lowerBound, xy[k])...max(x.upperBound, xy[k])
            y = min(y.lowerBound, xy[k + 1])...max(y.upperBound, xy[k + 1])
        }
        func padded(_ r: ClosedRange<Double>) -> ClosedRange<Double> {
            let pad = r.upperBound > r.lowerBound ? 0.1 * (r.upperBound - r.lowerBound) : 1
            return (r.lowerBound - pad)...(r.upperBound + pad)
        }
        return ViewBox(x: padded(x), y: padded(y))
    }

    /// The colour of a region of class c at confidence p.
    static func regionColor(_ c: Int, confidence p: Double) -> Color {
        let sharpness = max(0, min(1, 2 * p - 1))
        return Color.mix(background, classColors[c], weight: 0.2 + 0.6 * sharpness * sharpness)
    }

    /// Draws the regions, then the sample markers, into the viewport's rect.
    public func draw(into buffer: inout CellBuffer, glyphs: Glyphs) {
        let rect = viewport.rect
        let size = viewport.gridSize(.pixels)
        if pixels.count == size.width * size.height {
            for row in 0..<rect.height {
                for column in 0..<rect.width {
                    let upper = pixels[(2 * row) * size.width + column], lower = pixels[(2 * row + 1) * size.width + column]
                    buffer[rect.x + column, rect.y + row] = regionCell(upper, lower, glyphs: glyphs)
                }
            }
        }
        for (cell, label) in markers() {
            let under = buffer[cell.x, cell.y].style
            let style = hasColors ? Style(foreground: Self.classColors[label], background: Self.mixedBackground(under), attributes: .bold)
                                  : Style(attributes: .bold)
            buffer[cell.x, cell.y] = Cell(Self.marker(label, glyphs: glyphs), style: style)
        }
    }

    private func regionCell(_ upper: (predictedClass: Int, confidence: Double), _ lower: (predictedClass: Int, confidence: Double),
                            glyphs: Glyphs) -> Cell {
        guard hasColors else { return Cell(Self.shade(upper.predictedClass, glyphs: glyphs)) }
        let top = Self.regionColor(upper.predictedClass, confidence: upper.confidence)
        let bottom = Self.regionColor(lower.predictedClass, confidence: lower.confidence)
        if glyphs.halfBlocks { return Cell(glyphs.upperHalfBlock, style: Style(foreground: top, background: bottom)) }
        return Cell(Self.shade(upper.predictedClass, glyphs: glyphs), style: Style(foreground: top))
    }

    /// The background a marker sits on: the cell's two region colours averaged.
    private static func mixedBackground(_ style: Style) -> Color {
        Color.mean(style.foreground, style.background)
    }

    /// The character of class c's region without colours: blank, then lighter to darker shades.
    static func shade(_ c: Int, glyphs: Glyphs) -> Unicode.Scalar {
        let count = min(3, glyphs.shades.count)
        return glyphs.shades[((c % count) + count) % count]
    }

    /// Class c's marker.
    static func marker(_ c: Int, glyphs: Glyphs) -> Unicode.Scalar {
        let markers: [Unicode.Scalar] = glyphs.halfBlocks ? ["●", "▲", "■", "◆"] : ["o", "x", "+", "#"]
        return markers[((c % markers.count) + markers.count) % markers.count]
    }

    /// The cells holding samples and the most frequent class in each (the lowest class on a tie),
    /// in row-major cell order.
    func markers() -> [(cell: (x: Int, y: Int), label: Int)] {
        var counts: [Int: [Int: Int]] = [:]
        let rect = viewport.rect
        for s in samples {
            guard let cell = viewport.cell(x: s.x, y: s.y) else { continue }
            counts[(cell.y - rect.y) * rect.width + (cell.x - rect.x), default: [:]][s.label, default: 0] += 1
        }
        return counts.keys.sorted().map { key in
            let classes = counts[key]!
            let label = classes.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!.key
            return ((rect.x + key % rect.width, rect.y + key / rect.width), label)
        }
    }
}
