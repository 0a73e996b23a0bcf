/// A colour a scene gives an optimizer: `#RRGGBB`, or one of the names of the Okabe–Ito
/// colour-blind-safe palette (Okabe & Ito, "Color Universal Design", 2002), white or grey.
/// Without one, an optimizer takes its position's colour: `Palette.trails` in the surface view
/// (measured against the heatmap), `Palette.okabeIto` in the training view (curves on the
/// terminal's background).
public struct SceneColor: Sendable, Equatable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// The named colours, in the palette's order.
    public static let named: [(name: String, color: SceneColor)] = [
        ("orange", SceneColor(red: 230, green: 159, blue: 0)),
        ("sky_blue", SceneColor(red: 86, green: 180, blue: 233)),
        ("bluish_green", SceneColor(red: 0, green: 158, blue: 115)),
        ("yellow", SceneColor(red: 240, green: 228, blue: 66)),
        ("blue", SceneColor(red: 0, green: 114, blue: 178)),
        ("vermillion", SceneColor(red: 213, green: 94, blue: 0)),
        ("reddish_purple", SceneColor(red: 204, green: 121, blue: 167)),
        ("white", SceneColor(red: 255, green: 255, blue: 255)),
        ("grey", SceneColor(red: 153, green: 153, blue: 153)),
    ]

    /// Parses a name or `#RRGGBB`; nil for anything else.
    public init?(_ text: String) {
        if let match = SceneColor.named.first(where: { $0.name == text }) {
            self = match.color
            return
        }
        let digits = Array(text.unicodeScalars)
        guard digits.count == 7, digits[0] == "#", digits.dropFirst().allSatisfy(\.properties.isASCIIHexDigit) else { return nil }
        var channels: [UInt8] = []
        for k in stride(from: 1, to: 7, by: 2) {
            guard let c = UInt8(String(String.UnicodeScalarView(digits[k...(k + 1)])), radix: 16) else { return nil }
            channels.append(c)
        }
        self.init(red: channels[0], green: channels[1], blue: channels[2])
    }
}
