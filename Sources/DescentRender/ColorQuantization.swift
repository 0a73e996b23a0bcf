/// How many colours the output can show, ordered from none to 24-bit.
public enum ColorDepth: Hashable, Sendable, CaseIterable, Comparable {
    /// No colour at all: text and (in the TUI) attributes only.
    case none
    /// The 8 ANSI colours (SGR 30–37 / 40–47).
    case eight
    /// The xterm-256 palette; only its fixed part (6×6×6 cube, 16–231, and grey ramp, 232–255) is
    /// used, because the 16 system colours (0–15) are re-themed by most terminals.
    case xterm256
    /// 24-bit RGB (SGR 38;2;r;g;b).
    case truecolor

    /// The depth the environment asks for, in this order of precedence:
    /// 1. `NO_COLOR` set and non-empty (https://no-color.org) → `.none`;
    /// 2. `COLORTERM` is `truecolor` or `24bit` → `.truecolor`;
    /// 3. `colorsReported` ≥ 2²⁴ (a direct-colour terminfo such as `xterm-direct`) → `.truecolor`;
    /// 4. `TERM` contains `256color`, or `colorsReported` ≥ 256 → `.xterm256`;
    /// 5. `colorsReported` ≥ 8 → `.eight`;
    /// 6. otherwise `.none`.
    ///
    /// `colorsReported` is the terminfo `colors` capability (ncurses' `COLORS`) when known.
    public static func detect(environment: [String: String], colorsReported: Int?) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
        if colorTerm == "truecolor" || colorTerm == "24bit" { return .truecolor }
        let colors = colorsReported ?? 0
        if colors >= 1 << 24 { return .truecolor }
        if (environment["TERM"] ?? "").contains("256color") || colors >= 256 { return .xterm256 }
        if colors >= 8 { return .eight }
        return .none
    }

    /// `color` as this depth can show it: `.default` stays the terminal default; RGB becomes the
    /// nearest palette entry (see ``ColorQuantization``), exact RGB for truecolor, and the
    /// terminal default for `.none`.
    public func quantize(_ color: Color) -> TerminalColor {
        guard case let .rgb(r, g, b) = color else { return .default }
        switch self {
        case .none: return .default
        case .eight: return .indexed(ColorQuantization.ansi8Index(red: r, green: g, blue: b))
        case .xterm256: return .indexed(ColorQuantization.xterm256Index(red: r, green: g, blue: b))
        case .truecolor: return .rgb(r, g, b)
        }
    }
}

/// A colour as a terminal receives it: its default, a palette index, or 24-bit RGB.
public enum TerminalColor: Hashable, Sendable {
    case `default`
    case indexed(Int)
    case rgb(UInt8, UInt8, UInt8)
}

/// Nearest-colour quantisation of sRGB values to the xterm-256 palette and the 8 ANSI colours.
///
/// Distances use the "redmean" weighted Euclidean approximation of perceived difference
/// (Riemersma, compuphase.com/cmetric.htm): with r̄ = (R₁ + R₂)/2,
/// ΔC² = (2 + r̄/256)·ΔR² + 4·ΔG² + (2 + (255 − r̄)/256)·ΔB²,
/// which fixes plain RGB distance's worst errors (green too cheap, blue/red asymmetry) at the
/// cost of a few multiplications.
public enum ColorQuantization {
    /// The six channel levels of the xterm 6×6×6 colour cube (indices 16–231).
    public static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The RGB values assumed for ANSI colours 0–7 (xterm's defaults: black, red, green, yellow,
    /// blue, magenta, cyan, white). Real terminals re-theme them, so this is only an estimate.
    public static let ansi8Palette: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    ]

    /// The redmean distance ΔC² above, scaled by 512 so it stays in integers:
    /// (1024 + ΣR)·ΔR² + 2048·ΔG² + (1534 − ΣR)·ΔB², with ΣR = R₁ + R₂.
    public static func distanceSquared(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let redSum = a.0 + b.0
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return (1024 + redSum) * dr * dr + 2048 * dg * dg + (1534 - redSum) * db * db
    }

    /// The xterm-256 index (16–255) nearest to (red, green, blue).
    ///
    /// Two candidates are compared by ``distanceSquared(_:_:)``: the cube colour whose every
    /// channel is the nearest cube level (16 + 36·r + 6·g + b), and the grey-ramp entry
    /// 232 + k (level 8 + 10k, k = 0…23) nearest to the channel mean. Ties go to the cube.
    public static func xterm256Index(red: UInt8, green: UInt8, blue: UInt8) -> Int {
        let rgb = (Int(red), Int(green), Int(blue))
        let (ri, gi, bi) = (nearestCubeLevel(rgb.0), nearestCubeLevel(rgb.1), nearestCubeLevel(rgb.2))
        let cube = (cubeLevels[ri], cubeLevels[gi], cubeLevels[bi])
        let mean = (rgb.0 + rgb.1 + rgb.2) / 3
        let k = min(max((mean - 8 + 5) / 10, 0), 23)
        let greyLevel = 8 + 10 * k
        let grey = (greyLevel, greyLevel, greyLevel)
        if distanceSquared(rgb, grey) < distanceSquared(rgb, cube) { return 232 + k }
        return 16 + 36 * ri + 6 * gi + bi
    }

    /// The ANSI colour index (0–7) nearest to (red, green, blue) among ``ansi8Palette``.
    public static func ansi8Index(red: UInt8, green: UInt8, blue: UInt8) -> Int {
        let rgb = (Int(red), Int(green), Int(blue))
        var best = 0
        for index in 1..<ansi8Palette.count
        where distanceSquared(rgb, ansi8Palette[index]) < distanceSquared(rgb, ansi8Palette[best]) {
            best = index
        }
        return best
    }

    /// The position (0–5) of the cube level nearest to `value`; the boundaries are the
    /// midpoints between consecutive levels.
    static func nearestCubeLevel(_ value: Int) -> Int {
        var best = 0
        for index in 1..<cubeLevels.count where abs(cubeLevels[index] - value) < abs(cubeLevels[best] - value) {
            best = index
        }
        return best
    }
}
