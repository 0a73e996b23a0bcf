/// A table of labelled rows with an optional colour swatch: the legend of the runs (swatch,
/// name, then columns such as step, loss, |∇f|).
///
/// Widths: each column is as wide as its widest entry (title included), one space apart. When
/// the rect is too narrow, the label column shrinks first (to 6 cells), then columns are dropped
/// from the right, then the label shrinks further; cut text ends in `…`.
public struct LegendTable: Sendable {
    /// A column after the label: its title and alignment.
    public struct Column: Sendable, Equatable {
        public var title: String
        public var alignRight: Bool

        public init(title: String, alignRight: Bool = true) {
            self.title = title
            self.alignRight = alignRight
        }
    }

    /// One row: an optional swatch colour, the label and one text per column. A row with a
    /// `marker` shows it (bold, in the swatch colour) instead of the swatch block: an
    /// optimizer's head glyph, so the legend names the paths without colour too.
    public struct Row: Sendable, Equatable {
        public var swatch: Color?
        public var marker: Unicode.Scalar?
        public var label: String
        public var cells: [String]
        public var style: Style

        public init(swatch: Color?, marker: Unicode.Scalar? = nil, label: String, cells: [String], style: Style = .plain) {
            self.swatch = swatch
            self.marker = marker
            self.label = label
            self.cells = cells
            self.style = style
        }
    }

    public var labelTitle: String
    public var columns: [Column]
    public var rows: [Row]
    /// Whether the first line shows the column titles.
    public var showsHeader: Bool

    public init(labelTitle: String = "", columns: [Column], rows: [Row], showsHeader: Bool = true) {
        self.labelTitle = labelTitle
        self.columns = columns
        self.rows = rows
        self.showsHeader = showsHeader
    }

    /// The label width and the number of columns shown in `width` cells.
    func fit(width: Int) -> (label: Int, columns: [Int]) {
        let swatch = rows.contains { $0.swatch != nil } ? 2 : 0
        let header = showsHeader ? 1 : 0
        let label = ([labelTitle].prefix(header) + rows.map(\.label)).map(TextFitting.width).max() ?? 0
        var widths = columns.indices.map { k in
            ([columns[k].title].prefix(header) + rows.map { k < $0.cells.count ? $0.cells[k] : "" })
                .map(TextFitting.width).max() ?? 0
        }
        func used(_ labelWidth: Int) -> Int { swatch + labelWidth + widths.reduce(0) { $0 + $1 + 1 } }
        let preferred = min(label, 6)
        while !widths.isEmpty, used(preferred) > width { widths.removeLast() }
        return (max(0, min(label, width - used(0))), widths)
    }

    /// `label` in at most `width` cells, shortening the name and keeping the numbers: a label
    /// `name(arguments)` loses the end of its name first (`mom…(lr=0.0005)`), and is cut at the
    /// end only when the arguments alone do not fit.
    static func shortened(_ label: String, to width: Int, ellipsis: Unicode.Scalar) -> String {
        guard TextFitting.width(label) > width, let open = label.firstIndex(of: "(") else { return label }
        let arguments = String(label[open...])
        let room = width - TextFitting.width(arguments)
        guard room >= 2 else { return label }
        return TextFitting.truncate(String(label[..<open]), to: room, ellipsis: ellipsis) + arguments
    }

    /// Draws the table from the top of `rect`; rows that do not fit are left out.
    public func draw(into buffer: inout CellBuffer, rect: Rect, glyphs: Glyphs) {
        let rect = rect.intersection(buffer.bounds)
        buffer.fill(rect)
        guard !rect.isEmpty else { return }
        let (labelWidth, widths) = fit(width: rect.width)
        let hasSwatches = rows.contains { $0.swatch != nil }
        var y = rect.y
        func line(swatch: Color?, marker: Unicode.Scalar? = nil, label: String, cells: [String], style: Style) {
            guard y < rect.maxY else { return }
            var x = rect.x
            if hasSwatches {
                if let color = swatch {
                    buffer[x, y] = marker.map { Cell($0, style: Style(foreground: color, attributes: .bold)) }
                        ?? Cell(glyphs.swatch, style: Style(foreground: color))
                }
                x += 2
            }
            x = buffer.write(TextFitting.pad(Self.shortened(label, to: labelWidth, ellipsis: glyphs.ellipsis), to: labelWidth,
                                             ellipsis: glyphs.ellipsis), x: x, y: y, style: style, clip: rect)
            for (k, width) in widths.enumerated() {
                let text = k < cells.count ? cells[k] : ""
                x = buffer.write(" " + TextFitting.pad(text, to: width, alignRight: columns[k].alignRight, ellipsis: glyphs.ellipsis),
                                 x: x, y: y, style: style, clip: rect)
            }
            y += 1
        }
        if showsHeader {
            line(swatch: nil, label: labelTitle, cells: columns.map(\.title), style: Style(attributes: [.bold, .underline]))
        }
        for row in rows { line(swatch: row.swatch, marker: row.marker, label: row.label, cells: row.cells, style: row.style) }
    }
}
