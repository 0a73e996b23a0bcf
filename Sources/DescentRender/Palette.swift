/// A qualitative palette: distinct colours for categories (one per optimizer), cycling when
/// there are more categories than colours.
public struct Palette: Sendable {
    /// The colours in order.
    public let colors: [Color]

    public init(colors: [Color]) { self.colors = colors }

    /// The colour of category `index`: colors[index mod count] (negative indices wrap too).
    public subscript(index: Int) -> Color {
        guard !colors.isEmpty else { return .default }
        let n = colors.count
        return colors[((index % n) + n) % n]
    }

    /// The first of the palette's colours (in order, cycling up to `limit` of them) that `used`
    /// does not hold, else colour `used.count`: the colour of an optimizer added to a race.
    public func firstUnused(_ used: some Collection<Color>, limit: Int) -> Color {
        let taken = Set(used)
        return (0..<limit).lazy.map { self[$0] }.first { !taken.contains($0) } ?? self[used.count]
    }

    /// The Okabe–Ito colour-blind-safe palette (Okabe & Ito, "Color Universal Design", 2002):
    /// orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple. Its eighth colour,
    /// black, is left out: it vanishes on dark terminals and on the dark end of the heatmap.
    public static let okabeIto = Palette(colors: [
        .rgb(230, 159, 0),    // orange        #E69F00
        .rgb(86, 180, 233),   // sky blue      #56B4E9
        .rgb(0, 158, 115),    // bluish green  #009E73
        .rgb(240, 228, 66),   // yellow        #F0E442
        .rgb(0, 114, 178),    // blue          #0072B2
        .rgb(213, 94, 0),     // vermillion    #D55E00
        .rgb(204, 121, 167),  // reddish purple #CC79A7
    ])

    /// The optimizers' trail colours, chosen by measurement (Tests/Scripts/trail_palette.py)
    /// among the colour-blind-safe Okabe–Ito and Paul Tol palettes and white, in CIEDE2000
    /// ΔE00 under normal vision and simulated protanopia, deuteranopia and tritanopia (Machado
    /// et al. 2009): the six whose least contrast against the viridis heatmap and least
    /// separation from each other is largest (contrast ≥ 8.4, separation ≥ 12.2), keeping
    /// CIE76 contrast ≥ 10 and separation ≥ 15 (Tests/DescentRenderTests/TrailPaletteTests).
    /// The palette before it, chosen in CIE76 alone, had two oranges 6.1 ΔE00 apart under
    /// protanopia (SGD's and Adam's trails). The same colours draw the legend's swatches and the
    /// charts on the terminal's dark background, so each is also at least 25 ΔE00 from
    /// near-black under every vision: Tol's muted wine #882255 (13.7) is lifted to the nearest
    /// tone that is, #985D5D, keeping its heatmap contrast and the palette's separation. The
    /// order puts different hues side by side: the default race draws sgd light cyan, momentum
    /// red, nesterov white, adagrad rose (the lifted wine), rmsprop light blue and adam pink.
    public static let trails = Palette(colors: [
        .rgb(153, 221, 255),  // Tol light cyan     #99DDFF
        .rgb(204, 51, 17),    // Tol vibrant red    #CC3311
        .rgb(255, 255, 255),  // white
        .rgb(152, 93, 93),    // Tol muted wine #882255, lifted from a dark background: #985D5D
        .rgb(119, 170, 221),  // Tol light blue     #77AADD
        .rgb(255, 170, 187),  // Tol light pink     #FFAABB
    ])
}
