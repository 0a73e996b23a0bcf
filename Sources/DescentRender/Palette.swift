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
    /// among the colour-blind-safe Okabe–Ito and Paul Tol palettes and white: the six whose
    /// least contrast against the viridis heatmap and least separation from each other — both
    /// CIE76 ΔE, under normal vision and simulated protanopia, deuteranopia and tritanopia — is
    /// largest (contrast ≥ 10, separation ≥ 15.8; Tests/DescentRenderTests/TrailPaletteTests).
    /// Blues and greens, which vanish on viridis, are left out. The order puts different hues
    /// side by side.
    public static let trails = Palette(colors: [
        .rgb(230, 159, 0),    // Okabe–Ito orange   #E69F00
        .rgb(102, 204, 238),  // Tol bright cyan    #66CCEE
        .rgb(255, 255, 255),  // white
        .rgb(204, 51, 17),    // Tol vibrant red    #CC3311
        .rgb(187, 187, 187),  // Tol bright grey    #BBBBBB
        .rgb(238, 119, 51),   // Tol vibrant orange #EE7733
    ])
}
