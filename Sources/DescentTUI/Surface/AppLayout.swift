import DescentRender

/// Where everything goes on the screen: a pure function of the terminal size and of how many
/// rows the legend and the inspector need.
///
/// - 80 columns or more: the plot on the left; a side panel (36% of the width, 36 to 64 columns)
///   with the legend, the leaderboard, the step inspector and, with room to spare, the loss and
///   gradient-norm charts;
/// - narrower but at least 30 rows: the plot on top, the legend and the loss chart below;
/// - otherwise, down to ``ScreenLayout/minimumWidth`` × ``ScreenLayout/minimumHeight``, the plot
///   and one legend row below it (the legend collapsed to numbered swatches);
/// - below that: nothing but the "enlarge the terminal" message.
/// The bottom row is always the status line.
public struct AppLayout: Equatable, Sendable {
    public enum Arrangement: Sendable, Equatable {
        case sidePanel, stacked, plotOnly, tooSmall
    }

    /// Rows of the leaderboard: a title and the first three arrivals.
    public static let leaderboardRows = 4
    /// The fewest rows a chart is drawn in.
    public static let minimumChartRows = 7

    public var arrangement: Arrangement
    public var plot: Rect
    public var legend: Rect?
    public var leaderboard: Rect?
    public var inspector: Rect?
    /// The loss chart, then the gradient-norm chart (either may be missing); a cloud scene's
    /// escaped-fraction chart alone.
    public var charts: [Rect]
    public var status: Rect?
    /// A scene's caption box, below the plot (which is shortened for it, so that the box never
    /// hides the plot's x axis).
    public var caption: Rect? = nil

    /// The layout of a `width` × `height` screen for a legend of `legendRows` rows (header
    /// included), an inspector of `inspectorRows` rows and up to `chartCount` (1 or 2) charts.
    public static func make(width: Int, height: Int, legendRows: Int, inspectorRows: Int, chartCount: Int = 2) -> AppLayout {
        let empty = Rect(x: 0, y: 0, width: 0, height: 0)
        guard width >= ScreenLayout.minimumWidth, height >= ScreenLayout.minimumHeight else {
            return AppLayout(arrangement: .tooSmall, plot: empty, legend: nil, leaderboard: nil, inspector: nil,
                             charts: [], status: nil)
        }
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        let rows = Layout.split(screen, .vertical, [.minimum(1), .fixed(1)])
        let body = rows[0], status = rows[1]
        if width >= 80 {
            let panelWidth = min(max(width * 9 / 25, 36), 64)
            let columns = Layout.split(body, .horizontal, [.minimum(1), .fixed(1), .fixed(panelWidth)])
            var stack = PanelStack(area: columns[2])
            let legend = stack.take(legendRows)
            stack.skip(1)
            let leaderboard = stack.take(leaderboardRows)
            stack.skip(1)
            let inspector = stack.take(inspectorRows)
            stack.skip(1)
            let charts = chartCount >= 2 && stack.remaining.height >= 2 * minimumChartRows
                ? Layout.split(stack.remaining, .vertical, [.minimum(1), .minimum(1)])
                : stack.remaining.height >= minimumChartRows ? [stack.remaining] : []
            return AppLayout(arrangement: .sidePanel, plot: columns[0], legend: legend, leaderboard: leaderboard,
                             inspector: inspector, charts: charts, status: status)
        }
        if height >= 30 {
            let parts = Layout.split(body, .vertical, [.fraction(0.6), .fixed(legendRows), .minimum(1)])
            let chart = parts[2].height >= minimumChartRows ? [parts[2]] : []
            return AppLayout(arrangement: .stacked, plot: parts[0], legend: parts[1], leaderboard: nil, inspector: nil,
                             charts: chart, status: status)
        }
        let parts = Layout.split(body, .vertical, [.minimum(1), .fixed(1)])
        return AppLayout(arrangement: .plotOnly, plot: parts[0], legend: parts[1], leaderboard: nil, inspector: nil,
                         charts: [], status: status)
    }
}

/// Rows taken from the top of a rectangle one block after another; a block that does not fit
/// whole is left out.
private struct PanelStack {
    var remaining: Rect

    init(area: Rect) { remaining = area }

    mutating func take(_ rows: Int) -> Rect? {
        guard rows > 0, rows <= remaining.height else { return nil }
        let parts = Layout.split(remaining, .vertical, [.fixed(rows), .minimum(0)])
        remaining = parts[1]
        return parts[0]
    }

    mutating func skip(_ rows: Int) { _ = take(min(rows, remaining.height)) }
}
