/// Writes a ``CellBuffer`` as a standalone SVG picture with the same layout as the terminal:
/// every cell a `cellWidth` × `cellHeight` box, backgrounds as rectangles, text in a monospace
/// font with each character pinned to its cell, and the glyphs fonts often lack or draw
/// unevenly drawn as shapes — braille dots as circles, block elements (`▀ ▄ █ ▌ ▐ ░ ▒ ▓`) as
/// rectangles, box-drawing lines as lines — so the picture looks right without the reader
/// having any particular font.
///
/// Colours are those `depth` shows (exact RGB for truecolor; a 256-colour picture shows the
/// dithered palette entries); the terminal's default colours are ``Theme``'s. Attributes: bold
/// is a bold font, dim text is drawn at 60 % opacity, reverse swaps the colours, underline is a
/// text decoration.
public struct SVGWriter: Sendable {
    /// The default foreground and background, as `#rrggbb`.
    public struct Theme: Sendable {
        public var foreground: String
        public var background: String
        public init(foreground: String, background: String) { self.foreground = foreground; self.background = background }
        /// Light grey on near-black, like most dark terminal themes.
        public static let dark = Theme(foreground: "#d0d0d0", background: "#1c1c1c")
    }

    public let depth: ColorDepth
    public let theme: Theme
    public static let cellWidth = 10
    public static let cellHeight = 20

    public init(depth: ColorDepth = .truecolor, theme: Theme = .dark) {
        self.depth = depth
        self.theme = theme
    }

    /// The SVG document (UTF-8 text) for `buffer`.
    public func svg(_ buffer: CellBuffer, title: String? = nil) -> String {
        let w = Self.cellWidth, h = Self.cellHeight
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(buffer.width * w)" height="\(buffer.height * h)" \
            viewBox="0 0 \(buffer.width * w) \(buffer.height * h)">

            """
        if let title { out += "<title>\(Self.escape(title))</title>\n" }
        out += "<rect width=\"100%\" height=\"100%\" fill=\"\(theme.background)\"/>\n"
        var quantizer = ColorQuantizer(depth: depth)
        for y in 0..<buffer.height {
            let row = (0..<buffer.width).map { x in resolved(buffer, x: x, y: y, quantizer: &quantizer) }
            out += backgrounds(row, y: y)
            out += shapes(buffer, row, y: y)
            out += text(buffer, row, y: y)
        }
        out += "</svg>\n"
        return out
    }

    /// A standalone HTML page showing the same picture (the SVG inline).
    public func html(_ buffer: CellBuffer, title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(Self.escape(title))</title>
        <style>body { margin: 0; padding: 16px; background: \(theme.background); } svg { max-width: 100%; height: auto; }</style>
        </head>
        <body>
        \(svg(buffer, title: title))</body>
        </html>

        """
    }

    // MARK: - Cells

    /// A cell's colours as drawn (`#rrggbb`) and its attributes.
    private struct Resolved {
        var foreground: String
        var background: String?  // nil: the theme's, drawn by the page rectangle
        var attributes: CellAttributes
    }

    private func resolved(_ buffer: CellBuffer, x: Int, y: Int, quantizer: inout ColorQuantizer) -> Resolved {
        let colors = quantizer.colors(in: buffer, x: x, y: y)
        var foreground = hex(colors.foreground) ?? theme.foreground
        var background = hex(colors.background)
        let attributes = buffer[x, y].style.attributes
        if attributes.contains(.reverse) {
            let swapped = background ?? theme.background
            background = foreground
            foreground = swapped
        }
        return Resolved(foreground: foreground, background: background, attributes: attributes)
    }

    private func hex(_ color: TerminalColor) -> String? {
        let rgb: (UInt8, UInt8, UInt8)
        switch color {
        case .default: return nil
        case let .rgb(r, g, b): rgb = (r, g, b)
        case let .indexed(n) where n < 16:
            let c = ColorQuantization.ansi16Palette[max(n, 0)]
            rgb = (UInt8(c.0), UInt8(c.1), UInt8(c.2))
        case let .indexed(n):
            let c = ColorQuantization.xterm256RGB(min(max(n, 16), 255))
            rgb = (c.red, c.green, c.blue)
        }
        func byte(_ v: UInt8) -> String {
            let digits = Array("0123456789abcdef")
            return String([digits[Int(v >> 4)], digits[Int(v & 15)]])
        }
        return "#" + byte(rgb.0) + byte(rgb.1) + byte(rgb.2)
    }

    /// Runs of equal background colour as rectangles.
    private func backgrounds(_ row: [Resolved], y: Int) -> String {
        var out = ""
        var x = 0
        while x < row.count {
            guard let color = row[x].background else { x += 1; continue }
            var end = x + 1
            while end < row.count, row[end].background == color { end += 1 }
            out += rect(x: Double(x * Self.cellWidth), y: Double(y * Self.cellHeight),
                        width: Double((end - x) * Self.cellWidth), height: Double(Self.cellHeight), fill: color)
            x = end
        }
        return out
    }

    /// Braille, block and box-drawing glyphs as shapes in the foreground colour.
    private func shapes(_ buffer: CellBuffer, _ row: [Resolved], y: Int) -> String {
        var out = ""
        let w = Double(Self.cellWidth), h = Double(Self.cellHeight)
        for x in 0..<row.count {
            let value = buffer[x, y].scalar.value
            let left = Double(x) * w, top = Double(y) * h
            let fill = row[x].foreground
            let opacity = row[x].attributes.contains(.dim) ? " fill-opacity=\"0.6\"" : ""
            switch value {
            case 0x2801...0x28FF:
                let bits = value - 0x2800
                for (bit, column, line) in Self.brailleDots where bits & bit != 0 {
                    out += "<circle cx=\"\(Self.number(left + (column == 0 ? 0.3 : 0.7) * w))\" "
                        + "cy=\"\(Self.number(top + (Double(line) + 0.5) * h / 4))\" r=\"\(Self.number(0.16 * w))\" "
                        + "fill=\"\(fill)\"\(opacity)/>\n"
                }
            case 0x2580, 0x2584, 0x2588, 0x258C, 0x2590:
                let (dx, dy, dw, dh): (Double, Double, Double, Double) = switch value {
                case 0x2580: (0, 0, 1, 0.5)
                case 0x2584: (0, 0.5, 1, 0.5)
                case 0x258C: (0, 0, 0.5, 1)
                case 0x2590: (0.5, 0, 0.5, 1)
                default: (0, 0, 1, 1)
                }
                out += rect(x: left + dx * w, y: top + dy * h, width: dw * w, height: dh * h, fill: fill)
            case 0x2591, 0x2592, 0x2593:
                let alpha = Double(value - 0x2590) / 4
                out += "<rect x=\"\(Self.number(left))\" y=\"\(Self.number(top))\" width=\"\(Self.number(w))\" "
                    + "height=\"\(Self.number(h))\" fill=\"\(fill)\" fill-opacity=\"\(Self.number(alpha))\"/>\n"
            default:
                guard let arms = Self.boxArms[value] else { continue }
                let cx = left + w / 2, cy = top + h / 2
                for (arm, ex, ey) in [(0, left, cy), (1, left + w, cy), (2, cx, top), (3, cx, top + h)] where arms[arm] {
                    out += "<line x1=\"\(Self.number(cx))\" y1=\"\(Self.number(cy))\" x2=\"\(Self.number(ex))\" "
                        + "y2=\"\(Self.number(ey))\" stroke=\"\(fill)\" stroke-width=\"1.2\"\(opacity.replacingFill)/>\n"
                }
            }
        }
        return out
    }

    /// Whether `scalar` is drawn as a shape rather than text.
    static func isShape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0x2801...0x28FF).contains(v) || [0x2580, 0x2584, 0x2588, 0x258C, 0x2590, 0x2591, 0x2592, 0x2593].contains(v)
            || boxArms[v] != nil
    }

    /// Runs of text cells of one style, each character at its cell's x.
    private func text(_ buffer: CellBuffer, _ row: [Resolved], y: Int) -> String {
        var out = ""
        var x = 0
        let baseline = Self.number(Double(y * Self.cellHeight) + 0.75 * Double(Self.cellHeight))
        func drawn(_ x: Int) -> Bool {
            let scalar = buffer[x, y].scalar
            return scalar != " " && scalar != "\u{2800}" && !Self.isShape(scalar)
        }
        while x < row.count {
            guard drawn(x) else { x += 1; continue }
            var end = x + 1
            while end < row.count, drawn(end), row[end].foreground == row[x].foreground,
                  row[end].attributes == row[x].attributes { end += 1 }
            let xs = (x..<end).map { Self.number(Double($0 * Self.cellWidth)) }.joined(separator: " ")
            let characters = (x..<end).map { Self.escape(String(buffer[$0, y].scalar)) }.joined()
            let attributes = row[x].attributes
            var style = ""
            if attributes.contains(.bold) { style += " font-weight=\"bold\"" }
            if attributes.contains(.dim) { style += " fill-opacity=\"0.6\"" }
            if attributes.contains(.underline) { style += " text-decoration=\"underline\"" }
            out += "<text x=\"\(xs)\" y=\"\(baseline)\" fill=\"\(row[x].foreground)\"\(style) "
                + "font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" font-size=\"16\" "
                + "xml:space=\"preserve\">\(characters)</text>\n"
            x = end
        }
        return out
    }

    // MARK: - Helpers

    /// Braille dots: (bit, column, row) in the Unicode layout.
    private static let brailleDots: [(UInt32, Int, Int)] = [
        (0x01, 0, 0), (0x02, 0, 1), (0x04, 0, 2), (0x40, 0, 3),
        (0x08, 1, 0), (0x10, 1, 1), (0x20, 1, 2), (0x80, 1, 3),
    ]

    /// Light box-drawing characters as arms from the cell centre: (left, right, up, down).
    private static let boxArms: [UInt32: [Bool]] = [
        0x2500: [true, true, false, false], 0x2502: [false, false, true, true],
        0x250C: [false, true, false, true], 0x2510: [true, false, false, true],
        0x2514: [false, true, true, false], 0x2518: [true, false, true, false],
        0x251C: [false, true, true, true], 0x2524: [true, false, true, true],
        0x252C: [true, true, false, true], 0x2534: [true, true, true, false],
        0x253C: [true, true, true, true],
    ]

    private func rect(x: Double, y: Double, width: Double, height: Double, fill: String) -> String {
        "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(width))\" "
            + "height=\"\(Self.number(height))\" fill=\"\(fill)\"/>\n"
    }

    /// A coordinate with at most two decimals and no trailing zeros.
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100, fraction = abs(hundredths % 100)
        if fraction == 0 { return String(whole) }
        let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
        return (hundredths < 0 && whole == 0 ? "-" : "") + String(whole) + "." + digits
    }

    /// `text` with XML's special characters escaped and control characters dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

private extension String {
    /// A `fill-opacity` attribute as the matching `stroke-opacity`.
    var replacingFill: String { isEmpty ? self : " stroke-opacity=\"0.6\"" }
}
