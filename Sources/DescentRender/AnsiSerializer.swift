/// Turns a ``CellBuffer`` into text with ANSI SGR escapes — what `descent render --color` prints.
///
/// Each line starts in the terminal's default style. An SGR sequence is written only where the
/// style (after quantisation to `depth`) differs from the previous cell's, and carries only the
/// differences: attributes switched on (1 bold, 2 dim, 4 underline, 7 reverse) or off (22 bold
/// and dim, 24, 27), foreground (39 default; 30–37, 38;5;n or 38;2;r;g;b) and background (49;
/// 40–47, 48;5;n or 48;2;r;g;b). A line that ends in a non-default style ends with `ESC[0m`.
/// Lines are joined by `\n`, with no trailing newline. With `.none` the result is the plain
/// text of ``CellBuffer/text()``: no escapes at all, attributes dropped too.
public struct AnsiSerializer: Sendable {
    public let depth: ColorDepth

    public init(depth: ColorDepth) {
        self.depth = depth
    }

    /// The whole buffer, one line per row.
    public func serialize(_ buffer: CellBuffer) -> String {
        var quantizer = ColorQuantizer(depth: depth)
        return (0..<buffer.height).map { serializeLine(buffer, y: $0, quantizer: &quantizer) }.joined(separator: "\n")
    }

    /// Row `y` of `buffer`, ending in the default style.
    public func serializeLine(_ buffer: CellBuffer, y: Int) -> String {
        var quantizer = ColorQuantizer(depth: depth)
        return serializeLine(buffer, y: y, quantizer: &quantizer)
    }

    /// Row `y` of `buffer` with colours from `quantizer` (field colours dithered by position).
    public func serializeLine(_ buffer: CellBuffer, y: Int, quantizer: inout ColorQuantizer) -> String {
        guard depth != .none else { return buffer.line(y) }
        var out = ""
        var current = TerminalStyle.plain
        for x in 0..<buffer.width {
            let cell = buffer[x, y]
            let colors = quantizer.colors(in: buffer, x: x, y: y)
            let next = TerminalStyle(foreground: colors.foreground, background: colors.background,
                                     attributes: cell.style.attributes)
            if next != current {
                out += Self.sgr(Self.transition(from: current, to: next))
                current = next
            }
            out.unicodeScalars.append(cell.scalar)
        }
        if current != .plain { out += Self.sgr(["0"]) }
        return out
    }

    /// The SGR parameters that turn style `old` into `new`.
    static func transition(from old: TerminalStyle, to new: TerminalStyle) -> [String] {
        var codes: [String] = []
        let removed = old.attributes.subtracting(new.attributes)
        var added = new.attributes.subtracting(old.attributes)
        if !removed.intersection([.bold, .dim]).isEmpty {
            codes.append("22")  // turns off both bold and dim; re-add the one that stays
            added.formUnion(new.attributes.intersection([.bold, .dim]))
        }
        if removed.contains(.underline) { codes.append("24") }
        if removed.contains(.reverse) { codes.append("27") }
        let onCodes: [(CellAttributes, String)] = [(.bold, "1"), (.dim, "2"), (.underline, "4"), (.reverse, "7")]
        codes += onCodes.filter { added.contains($0.0) }.map(\.1)
        if new.foreground != old.foreground { codes += colorCodes(new.foreground, layer: .foreground) }
        if new.background != old.background { codes += colorCodes(new.background, layer: .background) }
        return codes
    }

    private enum Layer { case foreground, background }

    /// SGR parameters selecting `color` for text (`layer` foreground) or background: ANSI
    /// colours 0–7 and 8–15 by their own codes (so 8- and 16-colour terminals show them),
    /// other indices as xterm-256 (38;5;n), RGB as 38;2;r;g;b.
    private static func colorCodes(_ color: TerminalColor, layer: Layer) -> [String] {
        let base = layer == .foreground ? 30 : 40
        switch color {
        case .default: return [String(base + 9)]
        case let .indexed(n) where n < 8: return [String(base + n)]
        case let .indexed(n) where n < 16: return [String(base + 60 + n - 8)]  // bright: 90–97, 100–107
        case let .indexed(n): return [String(base + 8), "5", String(n)]
        case let .rgb(r, g, b): return [String(base + 8), "2", String(r), String(g), String(b)]
        }
    }

    static func sgr(_ codes: [String]) -> String {
        "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}

/// A cell style after quantisation: what actually reaches the terminal.
struct TerminalStyle: Hashable, Sendable {
    var foreground: TerminalColor
    var background: TerminalColor
    var attributes: CellAttributes

    static let plain = TerminalStyle(foreground: .default, background: .default, attributes: [])

    init(foreground: TerminalColor, background: TerminalColor, attributes: CellAttributes) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}
