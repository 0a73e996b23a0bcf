import DescentRender

/// How the ncurses backend turns quantised colours into ncurses colour numbers.
///
/// Indexed terminfo entries (`xterm-256color`, `xterm`) take palette indices. Direct-colour
/// entries (`xterm-direct`, `COLORS` = 2²⁴) take 0xRRGGBB as the colour number, except that
/// numbers below 8 still select the 8 ANSI colours — so packed values below 8 (blacks with a
/// hint of blue) are raised to 8, i.e. (0, 0, 8), which is indistinguishable from them.
enum CursesColor {
    /// The number of colours of a direct-colour terminal.
    static let directColorCount = 1 << 24

    /// The depth ncurses can really show: what the environment asks for (`requested`, from
    /// ``ColorDepth/detect(environment:colorsReported:)``), capped by the terminfo colour count.
    /// A direct-colour terminal cannot show palette indices ≥ 8, so it gets truecolor for 256
    /// colours and more, and 8 colours for 16; an indexed one gets at most the xterm-256 palette, even
    /// when `COLORTERM=truecolor`.
    static func depth(requested: ColorDepth, colors: Int, hasColors: Bool) -> ColorDepth {
        guard hasColors else { return .none }
        switch colors {
        case directColorCount...: return requested >= .xterm256 ? .truecolor : min(requested, .eight)
        case 256...: return min(requested, .xterm256)
        case 16...: return min(requested, .sixteen)
        case 8...: return min(requested, .eight)
        default: return .none
        }
    }

    /// The next poorer depth, used when a frame needs more colour pairs than the terminal has.
    static func degraded(_ depth: ColorDepth, colors: Int) -> ColorDepth {
        switch depth {
        case .truecolor: return colors >= directColorCount ? .eight : .xterm256
        case .xterm256, .sixteen: return .eight
        case .eight, .none: return .none
        }
    }

    /// The ncurses colour number for `color`; `defaultNumber` is -1 when the terminal supports
    /// default colours (`use_default_colors`), else white (7) for text or black (0) for
    /// backgrounds.
    static func number(for color: TerminalColor, defaultNumber: Int32) -> Int32 {
        switch color {
        case .default: return defaultNumber
        case let .indexed(index): return Int32(index)
        case let .rgb(r, g, b): return max(Int32(r) << 16 | Int32(g) << 8 | Int32(b), 8)
        }
    }
}
