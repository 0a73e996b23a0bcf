/// Where everything goes on a terminal of a given size: a pure function of the size.
///
/// - wide (≥ 100 columns): the plot on the left, a side panel with the legend above two charts;
/// - tall (< 100 columns, ≥ 32 rows): the plot above, the legend and two charts side by side below;
/// - otherwise, down to the minimum size, the plot only;
/// - below ``minimumWidth`` × ``minimumHeight``: nothing but ``tooSmallMessage(width:height:)``.
/// The bottom row is always the status bar.
public struct ScreenLayout: Sendable, Equatable {
    /// The arrangement chosen for the size.
    public enum Arrangement: Sendable, Equatable {
        case sidePanel, stacked, plotOnly, tooSmall
    }

    public static let minimumWidth = 40
    public static let minimumHeight = 12

    public var arrangement: Arrangement
    /// The whole screen.
    public var screen: Rect
    /// The plot (heatmap, trajectories, axes); empty when too small.
    public var plot: Rect
    /// The legend table, when there is room for one.
    public var legend: Rect?
    /// Chart areas (loss, then gradient norm), possibly none.
    public var charts: [Rect]
    /// The one-line status bar; nil when too small.
    public var status: Rect?

    /// The layout for a `width` × `height` terminal.
    public static func choose(width: Int, height: Int) -> ScreenLayout {
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        guard width >= minimumWidth, height >= minimumHeight else {
            return ScreenLayout(arrangement: .tooSmall, screen: screen, plot: Rect(x: 0, y: 0, width: 0, height: 0),
                                legend: nil, charts: [], status: nil)
        }
        let rows = Layout.split(screen, .vertical, [.minimum(1), .fixed(1)])
        let body = rows[0], status = rows[1]
        if width >= 100 {
            let panelWidth = min(max(width * 3 / 10, 32), 60)
            let columns = Layout.split(body, .horizontal, [.minimum(1), .fixed(panelWidth)])
            let panel = Layout.split(columns[1], .vertical, [.fixed(max(4, body.height * 3 / 10)), .minimum(1), .minimum(1)])
            return ScreenLayout(arrangement: .sidePanel, screen: screen, plot: columns[0], legend: panel[0],
                                charts: [panel[1], panel[2]], status: status)
        }
        if height >= 32 {
            let parts = Layout.split(body, .vertical, [.fraction(0.6), .fixed(max(3, body.height / 8)), .minimum(1)])
            let charts = Layout.split(parts[2], .horizontal, [.minimum(1), .minimum(1)])
            return ScreenLayout(arrangement: .stacked, screen: screen, plot: parts[0], legend: parts[1],
                                charts: charts, status: status)
        }
        return ScreenLayout(arrangement: .plotOnly, screen: screen, plot: body, legend: nil, charts: [], status: status)
    }

    /// "Terminal too small: enlarge to at least 40x12 (now WxH)".
    public static func tooSmallMessage(width: Int, height: Int) -> String {
        "Terminal too small: enlarge to at least \(minimumWidth)x\(minimumHeight) (now \(width)x\(height))"
    }

    /// The frame a screen shows instead of itself when `width` × `height` is below
    /// ``minimumWidth`` × ``minimumHeight`` (``drawTooSmall(into:)``), or nil when it fits.
    public static func tooSmallFrame(width: Int, height: Int) -> CellBuffer? {
        guard width < minimumWidth || height < minimumHeight else { return nil }
        var buffer = CellBuffer(width: max(0, width), height: max(0, height))
        drawTooSmall(into: &buffer)
        return buffer
    }

    /// Clears `buffer` and writes ``tooSmallMessage(width:height:)`` wrapped and centred in it.
    public static func drawTooSmall(into buffer: inout CellBuffer) {
        buffer.fill(buffer.bounds)
        let lines = TextFitting.wrap(tooSmallMessage(width: buffer.width, height: buffer.height), width: buffer.width)
        let top = max(0, (buffer.height - lines.count) / 2)
        for (k, line) in lines.enumerated() where top + k < buffer.height {
            buffer.write(line, x: max(0, (buffer.width - TextFitting.width(line)) / 2), y: top + k)
        }
    }
}
