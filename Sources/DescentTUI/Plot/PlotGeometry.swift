import DescentCore
import DescentRender

/// One plot on screen: in overlay mode the whole plot area with every visible run; in grid
/// mode one cell of the grid with one run and a title row.
public struct PlotPanel: Equatable, Sendable {
    /// The screen rectangle of the panel (title row included).
    public var rect: Rect
    /// The rectangle of the plot itself (axes included), below the title.
    public var plotRect: Rect
    /// The runs shown (lane indices).
    public var lanes: [Int]
    /// The lane whose name heads the panel (grid mode).
    public var titleLane: Int?
    /// The view box after fitting to the plot's shape (equal x and y scale).
    public var box: ViewBox
    /// The viewport of the surface area in the panel's own coordinates (origin at `plotRect`'s
    /// corner): the plot is drawn into a buffer of `plotRect`'s size, so every panel of the
    /// same size shares one sampled field.
    public var localViewport: Viewport

    /// The plane point at the centre of screen cell (x, y), nil outside the surface area.
    public func planePoint(screenX x: Int, screenY y: Int) -> PlanePoint? {
        let lx = x - plotRect.x, ly = y - plotRect.y
        let area = localViewport.rect
        guard area.contains(x: lx, y: ly) else { return nil }
        let p = localViewport.center(column: lx - area.x, row: ly - area.y, .cells)
        return PlanePoint(x: p.x, y: p.y)
    }

    /// The plane size of one cell (width, height).
    public var cellSize: (x: Double, y: Double) {
        let area = localViewport.rect
        return ((box.x.upperBound - box.x.lowerBound) / Double(max(area.width, 1)),
                (box.y.upperBound - box.y.lowerBound) / Double(max(area.height, 1)))
    }
}

/// The mapping between the state and the screen: layout, plot panels and their views.
enum PlotGeometry {
    /// The layout of `state`'s screen: its legend (a row per optimizer and a header), its
    /// inspector and its charts.
    /// The plot is shortened to leave room below it for the scene's caption box
    /// (``CaptionBox/split(_:title:bodies:)``, measured on the text as written, so that clicks
    /// and frames agree whatever the glyphs): no caption hides the plot's x axis.
    static func layout(_ state: some PlotScreen) -> AppLayout {
        var layout = AppLayout.make(width: state.controls.width, height: state.controls.height, legendRows: state.styles.count + 1,
                                    inspectorRows: state.inspectorRows, chartCount: state.chartCount)
        guard layout.arrangement != .tooSmall else { return layout }
        (layout.plot, layout.caption) = CaptionBox.split(layout.plot, title: state.setup.title ?? "",
                                                         bodies: state.setup.notes.map(\.text) + [state.setup.description ?? ""])
        return layout
    }

    /// The plot panels of `state` on its screen.
    static func panels(_ state: some PlotScreen, layout: AppLayout) -> [PlotPanel] {
        let area = layout.plot
        guard !area.isEmpty else { return [] }
        let visible = state.visibleIndices
        let view = state.controls.view
        guard state.controls.layoutMode == .grid, !visible.isEmpty else {
            return [panel(rect: area, plotRect: area, lanes: visible, title: nil, view: view)]
        }
        let (columns, rows) = gridShape(count: visible.count, width: area.width, height: area.height)
        let rowRects = Layout.split(area, .vertical, Array(repeating: .minimum(0), count: rows))
        var panels: [PlotPanel] = []
        for (k, lane) in visible.enumerated() {
            let row = rowRects[k / columns]
            let cell = Layout.split(row, .horizontal, Array(repeating: .minimum(0), count: columns))[k % columns]
            // Equal sizes for all panels (so they share one field): the smallest row and column.
            let width = area.width / columns, height = area.height / rows
            let rect = Rect(x: cell.x, y: cell.y, width: width, height: height)
            let plotRect = Rect(x: rect.x, y: rect.y + 1, width: rect.width - 1, height: rect.height - 1)
            panels.append(panel(rect: rect, plotRect: plotRect, lanes: [lane], title: lane, view: view))
        }
        return panels
    }

    /// Columns and rows for `count` panels in a `width` × `height` area whose panels come
    /// closest to square on screen (cells are about twice as tall as wide).
    static func gridShape(count: Int, width: Int, height: Int) -> (columns: Int, rows: Int) {
        var best = (columns: 1, rows: count), bestScore = Double.infinity
        for columns in 1...max(count, 1) {
            let rows = (count + columns - 1) / columns
            let aspect = Double(width / columns) / (2 * Double(max(height / rows, 1)))
            let score = Swift.abs(log(max(aspect, 1e-9)))
            if score < bestScore { best = (columns, rows); bestScore = score }
        }
        return best
    }

    private static func panel(rect: Rect, plotRect: Rect, lanes: [Int], title: Int?, view: ViewBox) -> PlotPanel {
        let local = Rect(x: 0, y: 0, width: plotRect.width, height: plotRect.height)
        let showsAxes = true
        let firstArea = PlotWidget.plotArea(in: local, viewBox: view, showsAxes: showsAxes)
        let fittedOnce = fitted(view, width: firstArea.width, height: firstArea.height)
        let area = PlotWidget.plotArea(in: local, viewBox: fittedOnce, showsAxes: showsAxes)
        let box = fitted(view, width: area.width, height: area.height)
        return PlotPanel(rect: rect, plotRect: plotRect, lanes: lanes, titleLane: title, box: box,
                         localViewport: Viewport(box: box, rect: PlotWidget.plotArea(in: local, viewBox: box, showsAxes: showsAxes)))
    }

    /// `box` widened along one axis so that a `width` × `height` cell area shows x and y at the
    /// same scale (a cell is taken as half as wide as tall): the plane aspect becomes
    /// width / (2·height), about the same centre.
    static func fitted(_ box: ViewBox, width: Int, height: Int) -> ViewBox {
        guard width > 0, height > 0 else { return box }
        let target = Double(width) / (2 * Double(height))
        let bw = box.x.upperBound - box.x.lowerBound, bh = box.y.upperBound - box.y.lowerBound
        guard bw > 0, bh > 0, bw.isFinite, bh.isFinite else { return box }
        let cx = (box.x.lowerBound + box.x.upperBound) / 2, cy = (box.y.lowerBound + box.y.upperBound) / 2
        if bw / bh < target {
            let half = bh * target / 2
            return ViewBox(x: (cx - half)...(cx + half), y: box.y)
        }
        let half = bw / target / 2
        return ViewBox(x: box.x, y: (cy - half)...(cy + half))
    }

    /// `box` magnified `factor` times about (px, py): every bound b becomes p + (b − p)/factor.
    static func zoomed(_ box: ViewBox, by factor: Double, about p: PlanePoint) -> ViewBox {
        func scale(_ r: ClosedRange<Double>, _ c: Double) -> ClosedRange<Double> {
            (c + (r.lowerBound - c) / factor)...(c + (r.upperBound - c) / factor)
        }
        let zoomedBox = ViewBox(x: scale(box.x, p.x), y: scale(box.y, p.y))
        let width = zoomedBox.x.upperBound - zoomedBox.x.lowerBound, height = zoomedBox.y.upperBound - zoomedBox.y.lowerBound
        // Keep the view finite and wide enough to label (the limit scenes' views obey too).
        guard width.isFinite, height.isFinite, Limits.isWideEnoughForAView(zoomedBox.x), Limits.isWideEnoughForAView(zoomedBox.y),
              width < 1e12, height < 1e12 else { return box }
        return zoomedBox
    }

    /// The centre of `box`.
    static func center(_ box: ViewBox) -> PlanePoint {
        PlanePoint(x: (box.x.lowerBound + box.x.upperBound) / 2, y: (box.y.lowerBound + box.y.upperBound) / 2)
    }

    /// Whether `p` lies in `box`.
    static func contains(_ box: ViewBox, _ p: PlanePoint) -> Bool {
        box.x.contains(p.x) && box.y.contains(p.y)
    }
}
