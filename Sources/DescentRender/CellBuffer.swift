import DescentCore

/// One character cell of the screen: a single-width Unicode scalar and its style.
public struct Cell: Hashable, Sendable {
    public var scalar: Unicode.Scalar
    public var style: Style

    public init(_ scalar: Unicode.Scalar = " ", style: Style = .plain) {
        self.scalar = scalar
        self.style = style
    }

    /// An empty cell in the default colours.
    public static let blank = Cell()
}

/// A rectangle of cells, 0-based, x to the right and y down.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }
}

/// The in-memory screen every renderer draws into: a flat row-major array of cells.
///
/// No terminal code touches it; the ncurses backend diffs two buffers and draws the changed
/// cells, and tests assert on ``text()`` (and on styles where colour matters).
public struct CellBuffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    /// The whole buffer as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (x, y); reads outside the buffer give a blank cell, writes outside are ignored.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, x < width, y >= 0, y < height else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard x >= 0, x < width, y >= 0, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Writes `text` from (x, y) to the right, one scalar per cell, clipped to `clip` (the whole
    /// buffer by default), control characters shown as escapes by ``Sanitizer`` (so no text
    /// drawn can reach the terminal as a control sequence). Returns the x after the last cell
    /// written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = clip ?? bounds
        var cx = x
        let text = Sanitizer.clean(text)
        guard y >= area.y, y < area.maxY else { return x + text.unicodeScalars.count }
        for scalar in text.unicodeScalars {
            if cx >= area.x, cx < area.maxX { self[cx, y] = Cell(scalar, style: style) }
            cx += 1
        }
        return cx
    }

    /// Copies every cell of `tile` with its top left corner at (x, y), clipped to this buffer.
    public mutating func draw(_ tile: CellBuffer, x: Int, y: Int) {
        for row in max(0, -y)..<min(tile.height, height - y) {
            for column in max(0, -x)..<min(tile.width, width - x) {
                cells[(y + row) * width + x + column] = tile.cells[row * tile.width + column]
            }
        }
    }

    /// Fills `rect` with `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        for y in max(rect.y, 0)..<min(rect.maxY, height) {
            for x in max(rect.x, 0)..<min(rect.maxX, width) { cells[y * width + x] = cell }
        }
    }

    /// The characters, one line per row, trailing spaces kept (so shapes are visible in
    /// snapshots); rows joined by newlines.
    public func text() -> String {
        (0..<height).map { y in
            String(String.UnicodeScalarView(cells[(y * width)..<(y * width + width)].map(\.scalar)))
        }.joined(separator: "\n")
    }

    /// Row `y` as a string.
    public func line(_ y: Int) -> String {
        String(String.UnicodeScalarView(cells[(y * width)..<(y * width + width)].map(\.scalar)))
    }
}
