/// The smallest screen the app draws on, and what it shows below it. Where everything goes on
/// a screen of a given size is DescentTUI's `AppLayout` (plot screens) and each screen's composer.
public enum ScreenLayout {
    public static let minimumWidth = 40
    public static let minimumHeight = 12

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
