import DescentCore
import Testing
@testable import DescentRender

/// The colour of each half-block pixel (two per cell: upper, lower) of `buffer` as `colors`
/// gives them, nil where a pixel has the default colour; the same pixel model as
/// Tests/Scripts/measure_delta_e.py (`▀`: foreground over background; otherwise the background).
private func pixels(_ buffer: CellBuffer, _ colors: (Int, Int) -> (TerminalColor, TerminalColor)) -> [[LinearRGB?]] {
    func linear(_ color: TerminalColor) -> LinearRGB? {
        switch color {
        case .default: return nil
        case let .rgb(r, g, b): return LinearRGB(red: r, green: g, blue: b)
        case let .indexed(n):
            let c = ColorQuantization.xterm256RGB(n)
            return LinearRGB(red: c.red, green: c.green, blue: c.blue)
        }
    }
    var rows: [[LinearRGB?]] = []
    for y in 0..<buffer.height {
        var upper: [LinearRGB?] = [], lower: [LinearRGB?] = []
        for x in 0..<buffer.width {
            let (fg, bg) = colors(x, y)
            let halfBlock = buffer[x, y].scalar == "▀"
            upper.append(halfBlock ? linear(fg) : linear(bg))
            lower.append(linear(bg))
        }
        rows += [upper, lower]
    }
    return rows
}

/// The mean CIE76 ΔE of aligned 2×2 pixel blocks (means in linear light) between two pixel
/// images, over blocks coloured in both.
private func meanBlockDeltaE(_ a: [[LinearRGB?]], _ b: [[LinearRGB?]]) -> Double {
    var total = 0.0, count = 0
    for y in stride(from: 0, to: a.count - 1, by: 2) {
        for x in stride(from: 0, to: a[y].count - 1, by: 2) {
            let pa = [a[y][x], a[y][x + 1], a[y + 1][x], a[y + 1][x + 1]].compactMap { $0 }
            let pb = [b[y][x], b[y][x + 1], b[y + 1][x], b[y + 1][x + 1]].compactMap { $0 }
            guard pa.count == 4, pb.count == 4 else { continue }
            total += CIELab(linear: LinearRGB.mean(pa)).deltaE(CIELab(linear: LinearRGB.mean(pb)))
            count += 1
        }
    }
    return count > 0 ? total / Double(count) : .nan
}

/// Beale's surface as the default race shows it: heatmap and iso-lines (whose cells carry the
/// heatmap as a one-colour background) in the plot area of a 120×40 frame.
private func bealePlot() throws -> CellBuffer {
    let surface = try Registry.builtin.surface("beale")
    let box = ViewBox(x: -1.5...4.5, y: -2.5...3.5)
    var buffer = CellBuffer(width: 84, height: 36)
    let viewport = PlotWidget.viewport(for: PlotModel(viewBox: box), in: buffer.bounds)
    let model = PlotModel(viewBox: box, layers: SurfaceLayers(surface: surface, viewport: viewport))
    PlotWidget.draw(model, into: &buffer, rect: buffer.bounds, glyphs: .unicode)
    return buffer
}

@Test func theDitheredHeatmapAveragesToTheTruecolourFrame() throws {
    let buffer = try bealePlot()
    var truecolor = ColorQuantizer(depth: .truecolor)
    var xterm = ColorQuantizer(depth: .xterm256)
    let exact = pixels(buffer) { truecolor.colors(in: buffer, x: $0, y: $1) }
    let dithered = pixels(buffer) { xterm.colors(in: buffer, x: $0, y: $1) }
    let nearest = pixels(buffer) { x, y in
        let style = buffer[x, y].style
        return (ColorDepth.xterm256.quantize(style.foreground), ColorDepth.xterm256.quantize(style.background))
    }
    let error = meanBlockDeltaE(exact, dithered)
    // The bound, and well below the nearest colour alone.
    #expect(error <= 5)
    #expect(error < 0.6 * meanBlockDeltaE(exact, nearest))
}

@Test func colourWithoutMeaningIsNeverDithered() throws {
    // A trail colour stays one palette entry along its whole length; only its background
    // (the heatmap under it) is dithered.
    var buffer = CellBuffer(width: 4, height: 1)
    for x in 0..<4 {
        buffer[x, 0] = Cell("⠉", style: Style(foreground: .rgb(230, 159, 0), background: .rgb(33, 145, 140 + UInt8(x)),
                                             field: .background))
    }
    var quantizer = ColorQuantizer(depth: .xterm256)
    let foregrounds = Set((0..<4).map { quantizer.colors(in: buffer, x: $0, y: 0).foreground })
    #expect(foregrounds == [ColorDepth.xterm256.quantize(.rgb(230, 159, 0))])
}

@Test func eightColoursAndTruecolourAreNotDithered() {
    var buffer = CellBuffer(width: 2, height: 1)
    let style = Style(foreground: .rgb(72, 25, 107), background: .rgb(72, 24, 106), field: [.foreground, .background])
    buffer[0, 0] = Cell("▀", style: style)
    buffer[1, 0] = Cell("▀", style: style)
    for depth in [ColorDepth.eight, .truecolor, .none] {
        var quantizer = ColorQuantizer(depth: depth)
        for x in 0..<2 {
            let colors = quantizer.colors(in: buffer, x: x, y: 0)
            #expect(colors.foreground == depth.quantize(style.foreground))
            #expect(colors.background == depth.quantize(style.background))
        }
    }
}

@Test func aBlockMixtureIsCloserThanItsNearestEntries() {
    // A dark viridis purple between cube levels: four pixels of it.
    let sample = (red: UInt8(72), green: UInt8(25), blue: UInt8(107), weight: 1)
    let entries = ColorQuantization.xterm256Block([sample, sample, sample, sample])
    let goal = CIELab(red: 72, green: 25, blue: 107)
    func lab(_ index: Int) -> LinearRGB {
        let c = ColorQuantization.xterm256RGB(index)
        return LinearRGB(red: c.red, green: c.green, blue: c.blue)
    }
    let mixed = CIELab(linear: LinearRGB.mean(entries.map(lab))).deltaE(goal)
    let nearest = CIELab(linear: lab(ColorQuantization.xterm256Index(red: 72, green: 25, blue: 107))).deltaE(goal)
    // The best four entries for it (found exhaustively over the 40 nearest) give ΔE 7.29.
    #expect(mixed < 0.6 * nearest)
    #expect(mixed < 7.3)
}

@Test func labOfKnownColours() {
    // Reference values (D65): white L* = 100, black 0, sRGB red (53.24, 80.09, 67.20).
    #expect(abs(CIELab(red: 255, green: 255, blue: 255).l - 100) < 0.01)
    #expect(abs(CIELab(red: 0, green: 0, blue: 0).l) < 1e-9)
    let red = CIELab(red: 255, green: 0, blue: 0)
    #expect(abs(red.l - 53.24) < 0.01 && abs(red.a - 80.09) < 0.01 && abs(red.b - 67.20) < 0.01)
}
