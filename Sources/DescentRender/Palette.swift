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
}
