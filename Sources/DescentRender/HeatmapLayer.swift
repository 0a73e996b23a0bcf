/// A ``Field`` coloured by a ``ColorMap``, drawn with half blocks: each cell is `▀` with
/// foreground = the upper pixel's colour and background = the lower pixel's (1x2 pixels per
/// cell). Colours are computed once here, so drawing a frame only copies them.
public struct HeatmapLayer: Sendable {
    public let field: Field
    public let colorMap: ColorMap
    /// colorMap(t) per pixel (neutral where t is NaN).
    private let pixelColors: [Color]
    /// The mean of each cell's two pixel colours: the background under overlays.
    private let cellColors: [Color]
    /// The mean finite level of each cell's two pixels (NaN when neither is finite).
    private let cellLevels: [Double]
    /// The iso-line colour of each cell: its colour ``PlotModel/contourContrast`` ΔE lighter
    /// (darker at the light end).
    private let contourTones: [Color]

    public init(field: Field, colorMap: ColorMap) {
        self.field = field
        self.colorMap = colorMap
        let pixels = field.levels.map(colorMap.color(at:))
        pixelColors = pixels
        let columns = field.width, rows = field.height / 2
        var colors = [Color](repeating: ColorMap.neutral, count: columns * rows)
        var levels = [Double](repeating: .nan, count: columns * rows)
        for row in 0..<rows {
            for column in 0..<columns {
                let upper = (2 * row) * columns + column, lower = upper + columns
                colors[row * columns + column] = Color.mean(pixels[upper], pixels[lower])
                let a = field.levels[upper], b = field.levels[lower]
                levels[row * columns + column] = a.isNaN ? b : (b.isNaN ? a : (a + b) / 2)
            }
        }
        cellColors = colors
        cellLevels = levels
        contourTones = colors.map { $0.shifted(lightness: PlotModel.contourContrast) }
    }

    /// The screen rectangle the heatmap covers (its field's viewport rect).
    public var area: Rect { field.viewport.rect }

    /// The colour of buffer cell (x, y) as one colour (mean of its two pixels), nil outside.
    public func cellColor(x: Int, y: Int) -> Color? {
        guard area.contains(x: x, y: y) else { return nil }
        return cellColors[(y - area.y) * area.width + (x - area.x)]
    }

    /// The iso-line colour over buffer cell (x, y), nil outside.
    public func contourTone(x: Int, y: Int) -> Color? {
        guard area.contains(x: x, y: y) else { return nil }
        return contourTones[(y - area.y) * area.width + (x - area.x)]
    }

    /// Draws the heatmap into its area: `▀` with fg = upper pixel, bg = lower pixel; without
    /// half blocks (ASCII), a shading character for the cell's mean level in the cell colour.
    public func draw(into buffer: inout CellBuffer, glyphs: Glyphs) {
        let columns = area.width
        for row in 0..<area.height {
            for column in 0..<columns {
                let index = row * columns + column
                let cell: Cell
                if glyphs.halfBlocks {
                    let upper = (2 * row) * columns + column
                    cell = Cell(glyphs.upperHalfBlock,
                                style: Style(foreground: pixelColors[upper], background: pixelColors[upper + columns],
                                             field: [.foreground, .background]))
                } else {
                    cell = Cell(glyphs.shade(cellLevels[index]), style: Style(foreground: cellColors[index], field: .foreground))
                }
                buffer[area.x + column, area.y + row] = cell
            }
        }
    }
}
