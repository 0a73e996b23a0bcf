/// A colour as the renderer means it: the terminal's default, or an exact sRGB value.
///
/// Renderers always work in RGB; the backend (and `descent render`) quantise to what the
/// terminal can show — truecolor, the xterm-256 palette, 8 colours or none.
public enum Color: Hashable, Sendable {
    case `default`
    case rgb(UInt8, UInt8, UInt8)

    /// An RGB colour from components in [0, 1] (clamped).
    public static func unit(_ r: Double, _ g: Double, _ b: Double) -> Color {
        func byte(_ v: Double) -> UInt8 { UInt8((min(max(v, 0), 1) * 255).rounded()) }
        return .rgb(byte(r), byte(g), byte(b))
    }
}

/// Text attributes of a cell.
public struct CellAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = CellAttributes(rawValue: 1 << 0)
    public static let dim = CellAttributes(rawValue: 1 << 1)
    public static let reverse = CellAttributes(rawValue: 1 << 2)
    public static let underline = CellAttributes(rawValue: 1 << 3)
}

/// Which colours of a cell are samples of a continuous colour field (the heatmap) rather than
/// colours with a meaning (text, trails, swatches). A quantiser may dither field colours by
/// position so that neighbouring pixels average to the exact colour (see ``ColorQuantizer``);
/// other colours always get their single nearest palette entry.
///
/// Both flags on a cell mean a half-block cell of two field pixels (`▀`: foreground the upper
/// pixel, background the lower one); one flag means that colour is the field's colour under the
/// whole cell (a trail or marker drawn over the heatmap).
public struct FieldColors: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let foreground = FieldColors(rawValue: 1 << 0)
    public static let background = FieldColors(rawValue: 1 << 1)
}

/// How text is drawn: foreground, background and attributes.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var attributes: CellAttributes
    /// Which of the two colours sample a continuous colour field (may be dithered).
    public var field: FieldColors

    public init(foreground: Color = .default, background: Color = .default, attributes: CellAttributes = [],
                field: FieldColors = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
        self.field = field
    }

    /// The terminal's default colours, no attributes.
    public static let plain = Style()
}
