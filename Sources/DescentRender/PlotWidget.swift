import DescentCore

/// The surface plot: heatmap, iso-lines, trajectories, arrows, markers, cursor and axes,
/// composed in that order (later layers on top) into a rectangle of the buffer.
///
/// Braille overlays keep the heatmap colour of their cell as background, so paths stay on the
/// map; markers are single cells on the same background. Everything outside the view is
/// clipped; segments crossing the edge end at it.
public enum PlotWidget {
    /// The area the surface itself occupies inside `rect` (inside the axes when shown): sample
    /// the ``Field`` for `Viewport(box: viewBox, rect: plotArea(...))`.
    public static func plotArea(in rect: Rect, viewBox: ViewBox, showsAxes: Bool = true) -> Rect {
        guard showsAxes else { return rect }
        return frame(in: rect, viewBox: viewBox)?.plot ?? rect
    }

    /// The viewport the plot uses in `rect` for `model`.
    public static func viewport(for model: PlotModel, in rect: Rect) -> Viewport {
        Viewport(box: model.viewBox, rect: plotArea(in: rect, viewBox: model.viewBox, showsAxes: model.showsAxes))
    }

    /// Draws `model` into `rect` of `buffer` (clearing it first).
    public static func draw(_ model: PlotModel, into buffer: inout CellBuffer, rect: Rect, glyphs: Glyphs) {
        let rect = rect.intersection(buffer.bounds)
        buffer.fill(rect)
        guard !rect.isEmpty else { return }
        let axes = model.showsAxes ? frame(in: rect, viewBox: model.viewBox) : nil
        let viewport = Viewport(box: model.viewBox, rect: axes?.plot ?? rect)
        axes?.draw(into: &buffer, glyphs: glyphs, style: Style(attributes: .dim))

        let layers = model.layers.flatMap { $0.field.viewport == viewport ? $0 : nil }
        let heatmap = model.showsHeatmap ? layers?.heatmap : nil
        heatmap?.draw(into: &buffer, glyphs: glyphs)
        var painter = Painter(buffer: buffer, viewport: viewport, glyphs: glyphs, heatmap: heatmap)

        // Iso-lines first, in a layer of their own (tones of the heatmap), then the paths over
        // them: a cell with a path shows only the path's dots.
        if model.showsContours, let contours = layers?.contours {
            contours.draw(into: &painter.canvas, ink: Ink(color: model.contourColor, fallback: glyphs.contourDot))
            painter.composeCanvas(tone: heatmap.map { h in
                { x, y in h.contourTone(x: x, y: y) ?? model.contourColor }
            })
        }
        for trajectory in model.trajectories {
            let faint = trajectory.style.isFaint
            painter.polyline(trajectory.points, color: faint ? TrailStyle.faintColor(trajectory.color) : trajectory.color,
                             style: trajectory.style, bold: model.boldTrails && !faint)
        }
        for arrow in model.arrows { painter.polyline([arrow.from, arrow.to], color: arrow.color, style: .plain, bold: false) }
        painter.composeCanvas(tone: nil)

        for point in model.criticalPoints {
            painter.marker(marker(for: point.kind, glyphs), at: PlanePoint(x: point.x, y: point.y),
                           color: .rgb(255, 255, 255), attributes: .bold)
        }
        for arrow in model.arrows {
            let a = viewport.grid(x: arrow.from.x, y: arrow.from.y, .dots)
            let b = viewport.grid(x: arrow.to.x, y: arrow.to.y, .dots)
            painter.marker(glyphs.arrow(dx: b.x - a.x, dy: a.y - b.y), at: arrow.to, color: arrow.color, attributes: .bold)
        }
        for trajectory in model.trajectories {
            guard let last = trajectory.points.last(where: \.isFinite) else { continue }
            if let step = trajectory.divergedAtStep {
                painter.label(String(glyphs.diverged) + String(step), near: last, color: trajectory.color)
            } else if trajectory.showsHead {
                // ASCII has no head shapes: the path's mark, bold and reversed.
                let ascii = glyphs.head.isASCII
                painter.marker(ascii ? trajectory.style.mark ?? glyphs.head : trajectory.style.head, at: last,
                               color: trajectory.color, attributes: ascii && trajectory.style.mark != nil ? [.bold, .reverse] : .bold)
            }
        }
        if let cursor = model.cursor {
            painter.marker(glyphs.cursor, at: cursor, color: .default, attributes: [.bold, .reverse])
        }
        buffer = painter.buffer
    }

    static func marker(for kind: CriticalPoint.Kind, _ glyphs: Glyphs) -> Unicode.Scalar {
        switch kind {
        case .globalMinimum, .localMinimum: glyphs.minimum
        case .saddle: glyphs.saddle
        case .localMaximum: glyphs.maximum
        }
    }

    private static func frame(in rect: Rect, viewBox: ViewBox) -> AxesFrame? {
        let box = Viewport(box: viewBox, rect: rect).box
        return AxesFrame(rect: rect, x: box.x, xScale: .linear, y: box.y, yScale: .linear)
    }
}

/// The overlay drawing of one plot frame: a braille canvas over the plot area and single-cell
/// markers, all on the heatmap colour of their cell when the heatmap is shown.
private struct Painter {
    var buffer: CellBuffer
    var canvas: BrailleCanvas
    let viewport: Viewport
    let glyphs: Glyphs
    let heatmap: HeatmapLayer?

    init(buffer: CellBuffer, viewport: Viewport, glyphs: Glyphs, heatmap: HeatmapLayer?) {
        self.buffer = buffer
        self.viewport = viewport
        self.glyphs = glyphs
        self.heatmap = heatmap
        canvas = BrailleCanvas(area: viewport.rect)
    }

    /// Lines through the finite points in order (non-finite points are skipped) in `style`'s
    /// dash pattern, continued from segment to segment, two dots wide when `bold`; a lone point
    /// is one dot.
    mutating func polyline(_ points: [PlanePoint], color: Color, style: TrailStyle, bold: Bool) {
        let ink = Ink(color: color, fallback: style.mark ?? glyphs.curveDot)
        var stroke = Stroke(dashes: style.dashes, width: bold ? 2 : 1)
        var previous: (x: Double, y: Double)?
        for point in points where point.isFinite {
            let dot = viewport.grid(x: point.x, y: point.y, .dots)
            if let from = previous {
                canvas.line(from: from, to: dot, ink: ink, stroke: &stroke, includingStart: false)
            } else {
                canvas.point(dot.x, dot.y, ink: ink)
                _ = stroke.next()
            }
            previous = dot
        }
    }

    /// Writes the canvas into the buffer over the heatmap and starts a new, empty layer;
    /// `tone(x, y)`, when given, colours every cell's dots instead of their ink.
    mutating func composeCanvas(tone: ((Int, Int) -> Color)?) {
        canvas.compose(onto: &buffer, braille: glyphs.braille, background: heatmap.map { h in { h.cellColor(x: $0, y: $1) ?? .default } },
                       foreground: tone)
        canvas = BrailleCanvas(area: viewport.rect)
    }

    /// The style of a glyph in `color` over cell (x, y): on the heatmap colour of the cell
    /// (a field sample) or the cell's existing background.
    private func style(_ color: Color, _ x: Int, _ y: Int, attributes: CellAttributes) -> Style {
        if let under = heatmap?.cellColor(x: x, y: y) {
            return Style(foreground: color, background: under, attributes: attributes, field: .background)
        }
        let existing = buffer[x, y].style
        return Style(foreground: color, background: existing.background, attributes: attributes,
                     field: existing.field.intersection(.background))
    }

    /// One glyph at the cell of `point`, if the point is in view.
    mutating func marker(_ scalar: Unicode.Scalar, at point: PlanePoint, color: Color, attributes: CellAttributes) {
        guard let cell = viewport.cell(x: point.x, y: point.y) else { return }
        buffer[cell.x, cell.y] = Cell(scalar, style: style(color, cell.x, cell.y, attributes: attributes))
    }

    /// A short text starting at the cell of `point`, pulled inside the plot area (so a point
    /// that left the view is marked at the edge it left by), shifted left to fit.
    mutating func label(_ text: String, near point: PlanePoint, color: Color) {
        let area = viewport.rect
        guard !area.isEmpty else { return }
        let g = viewport.grid(x: point.x, y: point.y, .cells)
        let column = Int(g.x.clamped(to: 0...Double(area.width - 1)))
        let row = Int(g.y.clamped(to: 0...Double(area.height - 1)))
        let width = TextFitting.width(text)
        var x = max(area.x, min(area.x + column, area.maxX - width))
        let y = area.y + row
        for scalar in text.unicodeScalars where x < area.maxX {
            buffer[x, y] = Cell(scalar, style: style(color, x, y, attributes: .bold))
            x += 1
        }
    }
}
