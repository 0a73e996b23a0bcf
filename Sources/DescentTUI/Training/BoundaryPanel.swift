import DescentCore
import DescentRender

/// The decision-boundary panel of the training view: the selected optimizer's regions as large
/// as the panel, or (`s`) every optimizer's as small multiples, each titled with its label in
/// its colour (the selected one marked `>`), in the grid of tiles that shows the data largest.
/// Regions come from ``TrainingComposer/boundaries`` for the nets of
/// ``TrainingState/boundaryParameters``; the small multiples share the panel's pixels, so all of
/// them cost about as many predictions as the one large map.
extension TrainingComposer {
    /// The boundary panel of `state` in `rect`; a note instead for data that are not 2D.
    func drawBoundaries(_ state: TrainingState, into buffer: inout CellBuffer, rect: Rect) {
        buffer.fill(rect)
        guard state.boundaryLayout == .all, state.setup.isPlanar, state.trainers.count > 1 else {
            if state.trainers.indices.contains(state.selected) {
                drawBoundary(state, trainer: state.selected, into: &buffer, rect: rect, title: "decision boundary: ")
            }
            return
        }
        let count = state.trainers.count
        let box = ClassMap.box(aroundPoints: state.trainers[0].problem.data.train.features)
        let (columns, rows) = Self.tileShape(count: count, box: box, width: rect.width, height: rect.height)
        let width = rect.width / columns, height = rect.height / rows
        for i in 0..<count {
            // One blank column between tiles.
            let tile = Rect(x: rect.x + (i % columns) * width, y: rect.y + (i / columns) * height,
                            width: width - (i % columns < columns - 1 ? 1 : 0), height: height)
            drawBoundary(state, trainer: i, into: &buffer, rect: tile, title: i == state.selected ? "> " : "")
        }
    }

    /// Columns and rows for `count` maps of the plane box `box` in a `width` × `height` panel:
    /// the grid whose maps show the box at the largest scale (each tile a title row, a blank
    /// column between tiles, cells half as wide as tall); the fewer rows on a tie.
    static func tileShape(count: Int, box: ViewBox, width: Int, height: Int) -> (columns: Int, rows: Int) {
        let bw = max(box.x.upperBound - box.x.lowerBound, .leastNormalMagnitude)
        let bh = max(box.y.upperBound - box.y.lowerBound, .leastNormalMagnitude)
        var best = (columns: count, rows: 1), bestScale = -1.0
        for columns in 1...max(count, 1) {
            let rows = (count + columns - 1) / columns
            let w = Double(width / columns - 1), h = Double(height / rows - 1)
            let scale = min(w / bw, 2 * h / bh)
            if scale > bestScale { best = (columns, rows); bestScale = scale }
        }
        return best
    }

    /// Trainer `index`'s decision regions over the training samples (x and y at the same scale)
    /// in `rect`, under a title of `title`, its label and training accuracy (bold; in the
    /// trainer's colour when there are colours).
    private func drawBoundary(_ state: TrainingState, trainer index: Int, into buffer: inout CellBuffer, rect: Rect, title: String) {
        guard rect.height >= 3, rect.width >= 8 else { return }
        let trainer = state.trainers[index]
        // Small multiples keep the number: "acc" for "train acc".
        let accuracyLabel = state.boundaryLayout == .all ? " acc " : ", train acc "
        let accuracy = state.history.indices.contains(index)
            ? state.history[index].last.map { accuracyLabel + NumberFormat.fixed(100 * $0.evaluation.train.accuracy, decimals: 1) + "%" } : nil
        let heading = text(title + trainer.label) + (accuracy ?? "")
        let titleColor = state.boundaryLayout == .all && hasColors ? color(state, index) : .default
        buffer.write(TextFitting.truncate(heading, to: rect.width, ellipsis: glyphs.ellipsis), x: rect.x, y: rect.y,
                     style: Style(foreground: titleColor, attributes: .bold), clip: rect)
        guard state.setup.isPlanar else {
            buffer.write("(only for data with two features)", x: rect.x, y: rect.y + 1, clip: rect)
            return
        }
        let area = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        let box = ClassMap.box(aroundPoints: trainer.problem.data.train.features)
        let viewport = Viewport(box: PlotGeometry.fitted(box, width: area.width, height: area.height), rect: area)
        let parameters = state.boundaryParameters.indices.contains(index) ? state.boundaryParameters[index] : trainer.parameters
        boundaries.draw(trainer, index: index, parameters: parameters, viewport: viewport, hasColors: hasColors, glyphs: glyphs,
                        into: &buffer)
    }
}
