/// A table of labelled rows with an optional colour swatch: the legend of the runs (swatch,
/// name, then columns such as step, loss, |∇f|).
///
/// Widths: each column is as wide as its widest entry (title included), one space apart. When
/// the rect is too narrow, the label column shrinks first (to 6 cells), then columns are dropped
/// from the right, then the label shrinks further; cut text ends in `…`. Below the table's
/// width (a label under 6 cells, or no column left) or height, a table whose rows have tags
/// collapses to numbered swatches instead (`1● 2■ 3▲ …`, wrapped over the rows it has).
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
        /// What stands for the row when the table collapses (an optimizer's number), or nil.
        public var tag: String?

        public init(swatch: Color?, marker: Unicode.Scalar? = nil, label: String, cells: [String], style: Style = .plain,
                    tag: String? = nil) {
            self.swatch = swatch
            self.marker = marker
            self.label = label
            self.cells = cells
            self.style = style
            self.tag = tag
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

    /// The rows with tags as `TAG MARK` pairs (the mark in the row's swatch colour, bold; the
    /// swatch block without a marker), two spaces apart, wrapped over the rows of `rect`.
    func drawCollapsed(into buffer: inout CellBuffer, rect: Rect, glyphs: Glyphs) {
        var x = rect.x, y = rect.y
        for row in rows {
            guard let tag = row.tag else { continue }
            let width = TextFitting.width(tag) + 1
            if x > rect.x, x + width > rect.maxX {
                x = rect.x
                y += 1
            }
            guard y < rect.maxY else { return }
            x = buffer.write(tag, x: x, y: y, style: row.style, clip: rect)
            let mark = row.marker ?? glyphs.swatch
            if x < rect.maxX {
                buffer[x, y] = Cell(mark, style: row.swatch.map { Style(foreground: $0, attributes: .bold) } ?? Style(attributes: .dim))
            }
            x += 2
        }
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

    /// Whether the table shows its rows readably in `width` × `height` cells: every row (and
    /// the header), labels of at least 6 cells and at least one column (when it has any).
    func fits(width: Int, height: Int) -> Bool {
        let (label, widths) = fit(width: width)
        return height >= rows.count + (showsHeader ? 1 : 0) && label >= min(6, fit(width: .max).label)
            && (columns.isEmpty || !widths.isEmpty)
    }

    /// Draws the table from the top of `rect`; rows that do not fit are left out. When the
    /// table does not fit and its rows have tags, the numbered swatches instead.
    public func draw(into buffer: inout CellBuffer, rect: Rect, glyphs: Glyphs) {
        let rect = rect.intersection(buffer.bounds)
        buffer.fill(rect)
        guard !rect.isEmpty else { return }
        if !fits(width: rect.width, height: rect.height), rows.contains(where: { $0.tag != nil }) {
            drawCollapsed(into: &buffer, rect: rect, glyphs: glyphs)
            return
        }
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
