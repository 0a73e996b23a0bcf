/// Turns a sequence of frames into the escape text a terminal needs to show them: the whole
/// screen for the first frame (or after a size change), then only the cells that changed — what
/// a recording (``AsciicastWriter``) stores and a player replays.
///
/// Output: the first frame hides the cursor (`ESC[?25l`), resets the style and clears the
/// screen (`ESC[0m ESC[2J`); every run of changed cells in a row starts with a cursor move
/// (`ESC[row;colH`, 1-based) and `ESC[0m`, then the cells with SGR changes as
/// ``AnsiSerializer`` writes them; each update ends in `ESC[0m`. A dithered cell's colours
/// depend on its block partner (``ColorQuantizer``), so a cell counts as changed when its
/// partner did.
public struct AnsiScreenWriter: Sendable {
    public let depth: ColorDepth
    private var quantizer: ColorQuantizer
    private var screen: CellBuffer?

    public init(depth: ColorDepth) {
        self.depth = depth
        quantizer = ColorQuantizer(depth: depth)
    }

    /// The text that shows `buffer` on a terminal showing the previous frame ("" if nothing
    /// changed).
    public mutating func update(to buffer: CellBuffer) -> String {
        var out = ""
        let old = screen.flatMap { $0.width == buffer.width && $0.height == buffer.height ? $0 : nil }
        if old == nil { out += "\u{1B}[?25l\u{1B}[0m\u{1B}[2J" }
        for y in 0..<buffer.height {
            var x = 0
            while x < buffer.width {
                guard changed(buffer, old, x, y) else { x += 1; continue }
                var end = x + 1
                while end < buffer.width, changed(buffer, old, end, y) { end += 1 }
                out += "\u{1B}[\(y + 1);\(x + 1)H" + AnsiSerializer.sgr(["0"])
                var current = TerminalStyle.plain
                for column in x..<end {
                    let cell = buffer[column, y]
                    let colors = quantizer.colors(in: buffer, x: column, y: y)
                    let next = TerminalStyle(foreground: depth == .none ? .default : colors.foreground,
                                             background: depth == .none ? .default : colors.background,
                                             attributes: depth == .none ? [] : cell.style.attributes)
                    if next != current {
                        out += AnsiSerializer.sgr(AnsiSerializer.transition(from: current, to: next))
                        current = next
                    }
                    out.unicodeScalars.append(Self.printable(cell.scalar))
                }
                x = end
            }
        }
        screen = buffer
        if !out.isEmpty { out += AnsiSerializer.sgr(["0"]) }
        return out
    }

    private func changed(_ buffer: CellBuffer, _ old: CellBuffer?, _ x: Int, _ y: Int) -> Bool {
        guard let old else { return true }
        let partner = ColorQuantizer.blockPartner(ofColumn: x)
        return old[x, y] != buffer[x, y] || (partner < buffer.width && old[partner, y] != buffer[partner, y])
    }

    /// Control characters would move the cursor: they are written as spaces.
    private static func printable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) ? " " : scalar
    }
}
