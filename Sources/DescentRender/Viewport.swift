import DescentCore

/// The grids a plot rectangle can be addressed in: whole cells, half-block pixels (1x2 per
/// cell) and braille dots (2x4 per cell).
public enum Resolution: Sendable {
    case cells, pixels, dots

    /// Sub-cells per cell horizontally and vertically.
    public var perCell: (x: Int, y: Int) {
        switch self {
        case .cells: (1, 1)
        case .pixels: (1, 2)
        case .dots: (2, 4)
        }
    }
}

/// The mapping between plane coordinates (x right, y up) and a rectangle of the screen
/// (column right, row down).
///
/// For a grid of W×H sub-cells, gx = W·(x − x₀)/(x₁ − x₀) and gy = H·(y₁ − y)/(y₁ − y₀):
/// grid coordinates are continuous, sub-cell i covers [i, i + 1), and its centre (i + ½) is the
/// plane point it samples. A degenerate (zero-width) range is widened to width 1 about its centre.
public struct Viewport: Sendable, Equatable {
    /// The plane rectangle shown.
    public var box: ViewBox
    /// The screen rectangle it is shown in.
    public var rect: Rect

    public init(box: ViewBox, rect: Rect) {
        self.box = Viewport.nonDegenerate(box)
        self.rect = rect
    }

    /// The number of sub-cells across and down at `resolution`.
    public func gridSize(_ resolution: Resolution) -> (width: Int, height: Int) {
        let k = resolution.perCell
        return (rect.width * k.x, rect.height * k.y)
    }

    /// Continuous grid coordinates of the plane point (x, y), relative to the rect's corner.
    public func grid(x: Double, y: Double, _ resolution: Resolution) -> (x: Double, y: Double) {
        let size = gridSize(resolution)
        let fx = (x - box.x.lowerBound) / (box.x.upperBound - box.x.lowerBound)
        let fy = (box.y.upperBound - y) / (box.y.upperBound - box.y.lowerBound)
        return (fx * Double(size.width), fy * Double(size.height))
    }

    /// The plane point at continuous grid coordinates (gx, gy) (the inverse of ``grid(x:y:_:)``).
    public func plane(gridX: Double, gridY: Double, _ resolution: Resolution) -> (x: Double, y: Double) {
        let size = gridSize(resolution)
        let fx = gridX / Double(max(size.width, 1))
        let fy = gridY / Double(max(size.height, 1))
        return (box.x.lowerBound + fx * (box.x.upperBound - box.x.lowerBound),
                box.y.upperBound - fy * (box.y.upperBound - box.y.lowerBound))
    }

    /// The plane point at the centre of sub-cell (i, j).
    public func center(column i: Int, row j: Int, _ resolution: Resolution) -> (x: Double, y: Double) {
        plane(gridX: Double(i) + 0.5, gridY: Double(j) + 0.5, resolution)
    }

    /// The buffer cell (absolute column and row) containing the plane point, or nil when the
    /// point is outside the view or not finite.
    public func cell(x: Double, y: Double) -> (x: Int, y: Int)? {
        let g = grid(x: x, y: y, .cells)
        guard g.x >= 0, g.y >= 0, g.x < Double(rect.width), g.y < Double(rect.height) else { return nil }
        return (rect.x + Int(g.x), rect.y + Int(g.y))
    }

    /// The viewport magnified `factor` times about the plane point (px, py), which keeps its
    /// place on screen: each bound b becomes p + (b − p)/factor. A factor that is not finite and
    /// positive, or a non-finite point, leaves the view unchanged.
    public func zoomed(by factor: Double, about px: Double, _ py: Double) -> Viewport {
        guard factor.isFinite, factor > 0, px.isFinite, py.isFinite else { return self }
        func scale(_ r: ClosedRange<Double>, _ p: Double) -> ClosedRange<Double> {
            (p + (r.lowerBound - p) / factor)...(p + (r.upperBound - p) / factor)
        }
        return Viewport(box: ViewBox(x: scale(box.x, px), y: scale(box.y, py)), rect: rect)
    }

    /// The viewport magnified `factor` times about the centre of the view.
    public func zoomed(by factor: Double) -> Viewport {
        zoomed(by: factor, about: (box.x.lowerBound + box.x.upperBound) / 2,
               (box.y.lowerBound + box.y.upperBound) / 2)
    }

    /// The viewport moved by (dx, dy) fractions of its width and height (dy > 0 moves up).
    public func panned(dx: Double, dy: Double) -> Viewport {
        guard dx.isFinite, dy.isFinite else { return self }
        let sx = dx * (box.x.upperBound - box.x.lowerBound)
        let sy = dy * (box.y.upperBound - box.y.lowerBound)
        return Viewport(box: ViewBox(x: (box.x.lowerBound + sx)...(box.x.upperBound + sx),
                                     y: (box.y.lowerBound + sy)...(box.y.upperBound + sy)), rect: rect)
    }

    /// The same view in another screen rectangle.
    public func with(rect: Rect) -> Viewport { Viewport(box: box, rect: rect) }

    private static func nonDegenerate(_ box: ViewBox) -> ViewBox {
        func widen(_ r: ClosedRange<Double>) -> ClosedRange<Double> {
            let width = r.upperBound - r.lowerBound
            if width > 0, width.isFinite { return r }
            let mid = r.lowerBound.isFinite ? (r.lowerBound / 2 + r.upperBound / 2) : 0
            return mid.isFinite ? (mid - 0.5)...(mid + 0.5) : -0.5...0.5
        }
        return ViewBox(x: widen(box.x), y: widen(box.y))
    }
}
