/// How many colours the output can show, ordered from none to 24-bit.
public enum ColorDepth: Hashable, Sendable, CaseIterable, Comparable {
    /// No colour at all: text and (in the TUI) attributes only.
    case none
    /// The 8 ANSI colours (SGR 30–37 / 40–47).
    case eight
    /// The 16 ANSI colours: the 8 and their bright variants (SGR 90–97 / 100–107).
    case sixteen
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
    /// 5. `colorsReported` ≥ 16 → `.sixteen`;
    /// 6. `colorsReported` ≥ 8 → `.eight`;
    /// 7. otherwise `.none`.
    ///
    /// `colorsReported` is the terminfo `colors` capability (ncurses' `COLORS`) when known.
    public static func detect(environment: [String: String], colorsReported: Int?) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
        if colorTerm == "truecolor" || colorTerm == "24bit" { return .truecolor }
        let colors = colorsReported ?? 0
        if colors >= 1 << 24 { return .truecolor }
        if (environment["TERM"] ?? "").contains("256color") || colors >= 256 { return .xterm256 }
        if colors >= 16 { return .sixteen }
        if colors >= 8 { return .eight }
        return .none
    }

    /// `color` as this depth can show it: `.default` stays the terminal default; RGB becomes the
    /// nearest palette entry (see ``ColorQuantization``), exact RGB for truecolor, and the
    /// terminal default for `.none`. Position-dependent dithering of field colours is
    /// ``ColorQuantizer``'s job.
    public func quantize(_ color: Color) -> TerminalColor {
        guard case let .rgb(r, g, b) = color else { return .default }
        switch self {
        case .none: return .default
        case .eight: return .indexed(ColorQuantization.ansi8Index(red: r, green: g, blue: b))
        case .sixteen: return .indexed(ColorQuantization.ansi16Index(red: r, green: g, blue: b))
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

/// Nearest-colour quantisation of sRGB values to the xterm-256 palette and the 8 or 16 ANSI colours.
///
/// The xterm-256 palette is matched perceptually: the entry (16–255) with the least CIE76 ΔE*ab
/// in CIELAB (``CIELab``), the colour space the chafa library also offers for this. Samples of
/// smooth colour fields are chosen a block at a time instead (``xterm256Block(_:)``, used by
/// ``ColorQuantizer``). The 8 and 16 ANSI colours, which terminals re-theme, use the cheap "redmean"
/// weighted RGB distance (Riemersma, compuphase.com/cmetric.htm): with r̄ = (R₁ + R₂)/2,
/// ΔC² = (2 + r̄/256)·ΔR² + 4·ΔG² + (2 + (255 − r̄)/256)·ΔB².
public enum ColorQuantization {
    /// The six channel levels of the xterm 6×6×6 colour cube (indices 16–231).
    public static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The RGB values assumed for ANSI colours 0–7 (xterm's defaults: black, red, green, yellow,
    /// blue, magenta, cyan, white). Real terminals re-theme them, so this is only an estimate.
    public static let ansi8Palette: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    ]

    /// The RGB values assumed for ANSI colours 0–15: ``ansi8Palette`` and xterm's defaults for
    /// the bright variants 8–15 (grey, red, green, yellow, blue, magenta, cyan, white).
    public static let ansi16Palette: [(Int, Int, Int)] = ansi8Palette + [
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The sRGB value of xterm-256 entry `index` ∈ 16…255: the cube entry 16 + 36r + 6g + b has
    /// channels (cubeLevels[r], cubeLevels[g], cubeLevels[b]); grey 232 + k has level 8 + 10k.
    public static func xterm256RGB(_ index: Int) -> (red: UInt8, green: UInt8, blue: UInt8) {
        if index >= 232 {
            let level = UInt8(8 + 10 * (index - 232))
            return (level, level, level)
        }
        let i = index - 16
        return (UInt8(cubeLevels[i / 36]), UInt8(cubeLevels[(i / 6) % 6]), UInt8(cubeLevels[i % 6]))
    }

    /// The fixed part of the palette (16–255) in linear light and in CIELAB, in index order.
    private static let paletteLinear: [LinearRGB] = (16...255).map {
        let c = xterm256RGB($0)
        return LinearRGB(red: c.red, green: c.green, blue: c.blue)
    }
    private static let paletteLab: [CIELab] = paletteLinear.map(CIELab.init(linear:))

    /// The redmean distance ΔC² above, scaled by 512 so it stays in integers:
    /// (1024 + ΣR)·ΔR² + 2048·ΔG² + (1534 − ΣR)·ΔB², with ΣR = R₁ + R₂.
    public static func distanceSquared(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let redSum = a.0 + b.0
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return (1024 + redSum) * dr * dr + 2048 * dg * dg + (1534 - redSum) * db * db
    }

    /// The xterm-256 index (16–255) nearest to (red, green, blue) in CIELAB (least ΔE*ab; ties
    /// go to the lower index, so exact palette colours map to themselves, cube before grey).
    public static func xterm256Index(red: UInt8, green: UInt8, blue: UInt8) -> Int {
        nearestXterm256(CIELab(red: red, green: green, blue: blue))
    }

    /// The palette index nearest to `lab`.
    static func nearestXterm256(_ lab: CIELab) -> Int {
        var best = 0
        var bestDistance = Double.infinity
        for (offset, entry) in paletteLab.enumerated() {
            let d = lab.distanceSquared(entry)
            if d < bestDistance { bestDistance = d; best = offset }
        }
        return 16 + best
    }

    /// Palette entries for samples of a colour field, chosen together so that their mean in
    /// linear light (each weighted by its pixel count) is as close as it can be in CIELAB to the
    /// same mean of the exact colours: what a viewer sees of a small block of pixels.
    ///
    /// Each sample starts at its nearest entry; then, for up to four passes, each sample and
    /// each pair of samples tries the ``mixtureCandidates`` (for pairs ``pairCandidates``) entries
    /// nearest to its own colour,
    /// keeping any change that brings the block mean closer (a deterministic local search; for
    /// one or two samples it is exhaustive). Keeping every
    /// sample among its own nearest entries keeps the detail inside the block.
    public static func xterm256Block(_ samples: [(red: UInt8, green: UInt8, blue: UInt8, weight: Int)]) -> [Int] {
        guard !samples.isEmpty else { return [] }
        let weights = samples.map { Double($0.weight) }
        let total = weights.reduce(0, +)
        let exact = samples.map { LinearRGB(red: $0.red, green: $0.green, blue: $0.blue) }
        var goalSum = LinearRGB(r: 0, g: 0, b: 0)
        for unit in samples.indices { goalSum = goalSum + weights[unit] * exact[unit] }
        let goal = CIELab(linear: (1 / total) * goalSum)
        let candidates = exact.map { nearestEntries(to: CIELab(linear: $0), count: mixtureCandidates) }
        let own = exact.map(CIELab.init(linear:))
        // The cost of `chosen` (read in place: no arrays are built per trial).
        var chosen = candidates.map { $0[0] }
        func cost() -> Double {
            var sum = LinearRGB(r: 0, g: 0, b: 0)
            var fidelity = 0.0
            for unit in chosen.indices {
                let entry = chosen[unit]
                sum = sum + weights[unit] * paletteLinear[entry]
                fidelity += weights[unit] * paletteLab[entry].distanceSquared(own[unit])
            }
            return CIELab(linear: (1 / total) * sum).distanceSquared(goal) + pixelWeight * fidelity / total
        }
        var best = cost()
        // Moves change one sample, or two at once (which escapes the optima of single changes).
        for _ in 0..<4 {
            var improved = false
            for unit in samples.indices {
                let kept = chosen[unit]
                var keep = kept
                for entry in candidates[unit] where entry != kept {
                    chosen[unit] = entry
                    let d = cost()
                    if d < best - 1e-12 { best = d; keep = entry; improved = true }
                }
                chosen[unit] = keep
            }
            for a in samples.indices {
                for b in samples.indices where b > a {
                    var keep = (chosen[a], chosen[b])
                    for first in candidates[a].prefix(pairCandidates) {
                        for second in candidates[b].prefix(pairCandidates) {
                            chosen[a] = first
                            chosen[b] = second
                            let d = cost()
                            if d < best - 1e-12 { best = d; keep = (first, second); improved = true }
                        }
                    }
                    (chosen[a], chosen[b]) = keep
                }
            }
            if !improved { break }
        }
        return chosen.map { $0 + 16 }
    }

    /// The CIELAB lightness L* of xterm-256 entry `index` (16–255).
    public static func lightness(ofEntry index: Int) -> Double { paletteLab[index - 16].l }

    /// How many nearest palette entries each sample of ``xterm256Block(_:)`` may choose from,
    /// and how many of them it tries in moves of two samples.
    public static let mixtureCandidates = 10
    public static let pairCandidates = 6
    /// The weight λ of the pixels' own errors against the block's (see ``xterm256Block(_:)``).
    public static let pixelWeight = 0.15

    /// The offsets (index − 16) of the `count` palette entries nearest to `lab`, nearest first.
    private static func nearestEntries(to lab: CIELab, count: Int) -> [Int] {
        var ranked: [(distance: Double, offset: Int)] = []
        for (offset, entry) in paletteLab.enumerated() {
            let d = lab.distanceSquared(entry)
            if ranked.count < count || d < ranked[ranked.count - 1].distance {
                let at = ranked.firstIndex { $0.distance > d } ?? ranked.count
                ranked.insert((d, offset), at: at)
                if ranked.count > count { ranked.removeLast() }
            }
        }
        return ranked.map(\.offset)
    }

    /// The ANSI colour index (0–7) nearest to (red, green, blue) among ``ansi8Palette``.
    public static func ansi8Index(red: UInt8, green: UInt8, blue: UInt8) -> Int {
        nearest(red: red, green: green, blue: blue, in: ansi8Palette)
    }

    /// The ANSI colour index (0–15) nearest to (red, green, blue) among ``ansi16Palette``.
    public static func ansi16Index(red: UInt8, green: UInt8, blue: UInt8) -> Int {
        nearest(red: red, green: green, blue: blue, in: ansi16Palette)
    }

    /// The index of the entry of `palette` nearest to (red, green, blue) ("redmean" distance).
    private static func nearest(red: UInt8, green: UInt8, blue: UInt8, in palette: [(Int, Int, Int)]) -> Int {
        let rgb = (Int(red), Int(green), Int(blue))
        var best = 0
        for index in 1..<palette.count where distanceSquared(rgb, palette[index]) < distanceSquared(rgb, palette[best]) {
            best = index
        }
        return best
    }
}
