/// Quantises the colours of a ``CellBuffer``'s cells to a ``ColorDepth``, dithering colour-field
/// samples so that a smooth colour map stays smooth in the xterm-256 palette.
///
/// Colours without a ``FieldColors`` flag get their nearest entry (``ColorDepth/quantize(_:)``,
/// CIELAB-nearest for xterm-256). At ``ColorDepth/xterm256`` field colours are dithered a block
/// at a time: the block of cell (x, y) is the two cells x̂ = x − (x mod 2) and x̂ + 1 of row y,
/// i.e. 2×2 half-block pixels. Its samples are each field pixel of a half-block cell (`▀`,
/// weight 1: upper = foreground, lower = background) and each whole-cell field colour (weight
/// 2: the heatmap under a trail); ``ColorQuantization/xterm256Block(_:)`` picks their entries
/// together so that the block, seen from a distance, has the exact mean colour — the error
/// ``Tests/Scripts/measure_delta_e.py`` measures. A cell's colours thus depend on its block
/// partner: a backend that redraws only changed cells must redraw the partner too
/// (``blockPartner(ofColumn:)``). 8 and 16 colours are not dithered: terminals re-theme them, so a
/// pattern would average to an unknown colour. Blocks are cached, so a frame whose heatmap did
/// not change costs dictionary look-ups.
public struct ColorQuantizer: Sendable {
    public let depth: ColorDepth
    /// Chosen entries by block samples (0xRRGGBB << 2 | weight, in block order).
    private var blocks: [[UInt32]: [Int]] = [:]
    /// The cache is emptied when it holds this many blocks (a bound on memory).
    static let cacheLimit = 1 << 15

    public init(depth: ColorDepth) { self.depth = depth }

    /// A block's entries placed in a fixed order, so that equal mixtures make a regular texture
    /// rather than noise: when the block is four half-block pixels or two whole cells, its
    /// entries sorted dark to light go to the positions of ranks 0, 1, 2, … of the 2×2 Bayer
    /// matrix [[0, 2], [3, 1]] (pixels: upper left, lower right, upper right, lower left), or of
    /// a checkerboard (cells: the darker left on even rows, right on odd ones). Other blocks
    /// (a half-block cell beside a trail cell) keep each sample's own entry.
    static func ordered(_ entries: [Int], weights: [Int], row: Int) -> [Int] {
        let ranks: [Int]
        switch weights {
        case [1, 1, 1, 1]: ranks = [0, 3, 2, 1]  // samples: left upper, left lower, right upper, right lower
        case [2, 2]: ranks = row & 1 == 0 ? [0, 1] : [1, 0]
        default: return entries
        }
        let sorted = entries.sorted { ColorQuantization.lightness(ofEntry: $0) < ColorQuantization.lightness(ofEntry: $1) }
        return ranks.map { sorted[$0] }
    }

    /// The other cell of the dither block of column `x`.
    public static func blockPartner(ofColumn x: Int) -> Int { x ^ 1 }

    /// The terminal colours of cell (x, y) of `buffer`.
    public mutating func colors(in buffer: CellBuffer, x: Int, y: Int) -> (foreground: TerminalColor, background: TerminalColor) {
        let style = buffer[x, y].style
        guard depth == .xterm256, !style.field.isEmpty else {
            return (depth.quantize(style.foreground), depth.quantize(style.background))
        }
        let first = x & ~1
        var samples: [(red: UInt8, green: UInt8, blue: UInt8, weight: Int)] = []
        var mine: [Int] = []  // positions in `samples` of this cell's (foreground, background)
        var layers: [(column: Int, background: Bool)] = []
        for column in first...(first + 1) where column < buffer.width {
            let cellStyle = buffer[column, y].style
            let weight = cellStyle.field == [.foreground, .background] ? 1 : 2
            for (flag, color, isBackground) in [(FieldColors.foreground, cellStyle.foreground, false),
                                                (.background, cellStyle.background, true)]
            where cellStyle.field.contains(flag) {
                guard case let .rgb(r, g, b) = color else { continue }
                if column == x { mine.append(samples.count) }
                samples.append((r, g, b, weight))
                layers.append((column, isBackground))
            }
        }
        let key = samples.map { (UInt32($0.red) << 16 | UInt32($0.green) << 8 | UInt32($0.blue)) << 2 | UInt32($0.weight) }
        let entries: [Int]
        if let cached = blocks[key] {
            entries = cached
        } else {
            if blocks.count >= Self.cacheLimit { blocks.removeAll(keepingCapacity: true) }
            entries = ColorQuantization.xterm256Block(samples)
            blocks[key] = entries
        }
        let placed = Self.ordered(entries, weights: samples.map(\.weight), row: y)
        var foreground = depth.quantize(style.foreground), background = depth.quantize(style.background)
        for position in mine {
            if layers[position].background { background = .indexed(placed[position]) } else { foreground = .indexed(placed[position]) }
        }
        return (foreground, background)
    }
}
