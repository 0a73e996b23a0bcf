/// A continuous colour map t ↦ colour for t ∈ [0, 1], piecewise linear in sRGB between anchors.
///
/// The built-in maps are matplotlib's perceptually uniform `viridis` and `magma` (van der Walt &
/// Smith, 2015), kept as every 8th entry of their published 256-entry tables plus the last one;
/// linear interpolation between those 33 anchors stays within 1.7/255 of the full table.
public struct ColorMap: Sendable {
    /// One anchor: its position in [0, 1] and its colour, components in [0, 1].
    public struct Anchor: Sendable, Equatable {
        public var position: Double
        public var red: Double
        public var green: Double
        public var blue: Double

        public init(position: Double, red: Double, green: Double, blue: Double) {
            self.position = position; self.red = red; self.green = green; self.blue = blue
        }
    }

    /// The colour drawn for samples with no finite value (NaN, ±∞): a neutral mid grey.
    public static let neutral = Color.rgb(128, 128, 128)

    /// The map's name as used on the command line (`viridis`, `magma`).
    public let name: String
    /// The anchors, sorted by position, the first at 0 and the last at 1.
    public let anchors: [Anchor]

    /// A map through `anchors` (at least one; they are sorted by position here).
    public init(name: String, anchors: [Anchor]) {
        self.name = name
        self.anchors = anchors.sorted { $0.position < $1.position }
    }

    /// The colour at `t`: t is clamped to [0, 1]; between anchors a and b the colour is
    /// a + (t − tₐ)/(t_b − tₐ)·(b − a) per component. NaN gives ``neutral``.
    public func color(at t: Double) -> Color {
        guard !t.isNaN, let first = anchors.first, let last = anchors.last else { return Self.neutral }
        if t <= first.position { return Color.unit(first.red, first.green, first.blue) }
        if t >= last.position { return Color.unit(last.red, last.green, last.blue) }
        var low = 0
        var high = anchors.count - 1
        while high - low > 1 {
            let mid = (low + high) / 2
            if anchors[mid].position <= t { low = mid } else { high = mid }
        }
        let a = anchors[low], b = anchors[high]
        let w = (t - a.position) / (b.position - a.position)
        return Color.unit(a.red + w * (b.red - a.red), a.green + w * (b.green - a.green), a.blue + w * (b.blue - a.blue))
    }

    /// The built-in maps, for listings and `--colormap NAME`.
    public static let all: [ColorMap] = [.viridis, .magma]

    /// The built-in map called `name`, if any.
    public static func named(_ name: String) -> ColorMap? {
        all.first { $0.name == name.lowercased() }
    }
}
