/// Every character the renderer draws, in a Unicode and a plain-ASCII variant, so a non-UTF-8
/// locale or `--ascii` gets ASCII output everywhere. All glyphs are single-width.
public struct Glyphs: Sendable, Equatable {
    /// Whether curves use braille dots (2x4 per cell); otherwise each touched cell gets a glyph.
    public var braille: Bool
    /// Whether the heatmap uses the upper half block (1x2 pixels per cell); otherwise each cell
    /// shows one shading character from ``shades`` on its colour.
    public var halfBlocks: Bool
    /// The upper half block `▀`: foreground paints the upper pixel, background the lower one.
    public var upperHalfBlock: Unicode.Scalar
    /// Shading characters from low to high level, for the heatmap without half blocks.
    public var shades: [Unicode.Scalar]
    /// A trajectory or chart dot when braille is off.
    public var curveDot: Unicode.Scalar
    /// An iso-line dot when braille is off.
    public var contourDot: Unicode.Scalar
    /// Box drawing: corners, horizontal and vertical lines.
    public var topLeft: Unicode.Scalar, topRight: Unicode.Scalar
    public var bottomLeft: Unicode.Scalar, bottomRight: Unicode.Scalar
    public var horizontal: Unicode.Scalar, vertical: Unicode.Scalar
    /// Axis tick marks: on the x axis (pointing up into the plot) and on the y axis (pointing left).
    public var xTick: Unicode.Scalar, yTick: Unicode.Scalar
    /// Critical-point markers.
    public var minimum: Unicode.Scalar, saddle: Unicode.Scalar, maximum: Unicode.Scalar
    /// The current point of a trajectory.
    public var head: Unicode.Scalar
    /// The marker of a diverged run.
    public var diverged: Unicode.Scalar
    /// The cursor.
    public var cursor: Unicode.Scalar
    /// Arrow heads for directions east, north-east, north, …, south-east (counter-clockwise).
    public var arrows: [Unicode.Scalar]
    /// The mark that ends truncated text.
    public var ellipsis: Unicode.Scalar
    /// A colour swatch in legends.
    public var swatch: Unicode.Scalar

    /// Full Unicode: braille, half blocks, box drawing, `★ ✕ ▲ ● ✖`, arrows `→↗↑↖←↙↓↘`.
    public static let unicode = Glyphs(
        braille: true, halfBlocks: true, upperHalfBlock: "▀", shades: [" ", "░", "▒", "▓", "█"],
        curveDot: "•", contourDot: "·",
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│",
        xTick: "┬", yTick: "┤",
        minimum: "★", saddle: "✕", maximum: "▲", head: "●", diverged: "✖", cursor: "+",
        arrows: ["→", "↗", "↑", "↖", "←", "↙", "↓", "↘"], ellipsis: "…", swatch: "█")

    /// Unicode everywhere except braille (for fonts that draw the empty braille dots):
    /// curves as `•`, iso-lines as `·`.
    public static let unicodeWithoutBraille: Glyphs = {
        var glyphs = Glyphs.unicode
        glyphs.braille = false
        return glyphs
    }()

    /// Plain ASCII: `*` and `.` for curves and iso-lines, shading ` .:-=+*#%@`, `+-|` boxes.
    public static let ascii = Glyphs(
        braille: false, halfBlocks: false, upperHalfBlock: "#",
        shades: [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"],
        curveDot: "*", contourDot: ".",
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|",
        xTick: "+", yTick: "+",
        minimum: "*", saddle: "x", maximum: "^", head: "@", diverged: "X", cursor: "+",
        arrows: [">", "/", "^", "\\", "<", "/", "v", "\\"], ellipsis: "~", swatch: "#")

    /// The set for a terminal: ASCII when `ascii` is set (a non-UTF-8 locale or `--ascii`),
    /// otherwise Unicode, with or without braille.
    public static func select(ascii: Bool, braille: Bool = true) -> Glyphs {
        ascii ? .ascii : (braille ? .unicode : .unicodeWithoutBraille)
    }

    /// The shading character for level t ∈ [0, 1] (clamped; NaN gives the lowest).
    public func shade(_ t: Double) -> Unicode.Scalar {
        guard t > 0 else { return shades[0] }
        let index = Int((min(t, 1) * Double(shades.count - 1)).rounded())
        return shades[index]
    }

    /// The arrow head closest to the direction (dx, dy) (y up): east/west when
    /// |dy| ≤ tan 22.5°·|dx|, north/south when |dy| ≥ tan 67.5°·|dx|, a diagonal otherwise.
    /// A zero or non-finite direction gives the east arrow.
    public func arrow(dx: Double, dy: Double) -> Unicode.Scalar {
        guard dx.isFinite, dy.isFinite, dx != 0 || dy != 0 else { return arrows[0] }
        let tan22 = 0.41421356237309503  // √2 − 1
        let ax = Swift.abs(dx), ay = Swift.abs(dy)
        if ay <= tan22 * ax { return dx > 0 ? arrows[0] : arrows[4] }
        if ax <= tan22 * ay { return dy > 0 ? arrows[2] : arrows[6] }
        switch (dx > 0, dy > 0) {
        case (true, true): return arrows[1]
        case (false, true): return arrows[3]
        case (false, false): return arrows[5]
        case (true, false): return arrows[7]
        }
    }
}
