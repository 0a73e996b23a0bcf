import DescentCore
import DescentRender

extension FrameComposer {
    /// The legend: per run its number (for the 1–9 keys), spec (name and hyperparameters; for
    /// an optimizer that counts them, its oracle evaluations by the shown step), loss, gradient norm and learning rate at the shown step, and the step it reached the
    /// tolerance (`-` not yet; left out when a `width` would cut the labels). Hidden runs are
    /// dimmed, the selected one is marked `▸`.
    func legend(_ state: SurfaceState, width: Int? = nil) -> LegendTable {
        let rows = state.lanes.enumerated().map { k, lane -> LegendTable.Row in
            let shown = lane.shownEntry(state.step)
            let marker = k == state.selected ? "▸" : " "
            var cells: [String]
            if lane.hasDiverged(by: state.step), let at = lane.run.divergedAt {
                cells = ["diverged", "@\(at)"]
            } else if lane.failure(by: state.step) != nil, let at = lane.run.failedAt {
                cells = ["failed", "@\(at)"]
            } else if let shown {
                cells = [NumberFormat.compact(lane.run.losses[shown]), NumberFormat.compact(lane.run.gradientNorms[shown])]
            } else {
                cells = ["-", "-"]
            }
            let lr = shown.flatMap { $0 < lane.run.learningRates.count ? lane.run.learningRates[$0] : nil } ?? lane.learningRate
            cells.append(NumberFormat.compact(lr))
            cells.append(lane.arrivalStep.flatMap { $0 <= state.step ? String($0) : nil } ?? "-")
            let attributes: CellAttributes = lane.isHidden ? .dim : (k == state.selected ? .bold : [])
            let trail = TrailStyle.lane(k)
            let evaluations: Int? = shown.flatMap { lane.run.functionEvaluations(atStep: lane.run.step(ofEntry: $0)) }
            let name = EvaluationCount.label(lane.label, evaluations)
            return LegendTable.Row(swatch: lane.isHidden ? nil : lane.color,
                                   marker: glyphs.head.isASCII ? trail.mark : trail.head,
                                   label: text(marker + "\(k + 1) " + name + (lane.isHidden ? " (hidden)" : "")),
                                   cells: cells, style: Style(attributes: attributes), tag: String(k + 1))
        }
        var columns: [LegendTable.Column] = [.init(title: "loss"), .init(title: text("‖∇f‖")), .init(title: "lr"), .init(title: "tol@")]
        var table = LegendTable(labelTitle: " optimizer", columns: columns, rows: rows)
        // The arrival column goes first when labels would be cut (the leaderboard shows it too).
        let needed = 2 + (rows.map { TextFitting.width($0.label) }.max() ?? 0) + columns.indices.map { k in
            1 + ([columns[k].title] + rows.map { $0.cells[k] }).map(TextFitting.width).max()!
        }.reduce(0, +)
        if let width, needed > width {
            columns.removeLast()
            table = LegendTable(labelTitle: " optimizer", columns: columns, rows: rows.map { row in
                var row = row
                row.cells.removeLast()
                return row
            })
        }
        return table
    }

    /// "Leaderboard (tol TOL)" and the first arrivals within the tolerance of a minimum by the
    /// shown step.
    func drawLeaderboard(_ state: SurfaceState, into buffer: inout CellBuffer, rect: Rect) {
        drawBoard(title: "Leaderboard (tol \(NumberFormat.compact(state.setup.tolerance)))", state.leaderboard, styles: state.styles,
                  into: &buffer, rect: rect)
    }

    /// A board under `title`: per entry its place, the optimizer's label in its colour and the
    /// step (as many as fit, "+N" for the rest), or "nobody yet".
    func drawBoard(title: String, _ board: [(index: Int, step: Int)], styles: [LaneStyle], into buffer: inout CellBuffer,
                   rect: Rect) {
        buffer.fill(rect)
        buffer.write(TextFitting.truncate(title, to: rect.width, ellipsis: glyphs.ellipsis), x: rect.x, y: rect.y,
                     style: Style(attributes: .bold), clip: rect)
        guard !board.isEmpty else {
            buffer.write(" nobody yet", x: rect.x, y: rect.y + 1, style: Style(attributes: .dim), clip: rect)
            return
        }
        for (place, entry) in board.prefix(rect.height - 1).enumerated() {
            let lane = styles[entry.index]
            let line = " \(place + 1). " + lane.label
            let when = "step \(entry.step)"
            let y = rect.y + 1 + place
            let room = rect.width - TextFitting.width(when) - 1
            buffer.write(text(TextFitting.truncate(line, to: room, ellipsis: glyphs.ellipsis)), x: rect.x, y: y,
                         style: Style(foreground: lane.color), clip: rect)
            buffer.write(when, x: rect.maxX - TextFitting.width(when), y: y, clip: rect)
        }
        if board.count > rect.height - 1 {
            let more = "+\(board.count - (rect.height - 1))"
            buffer.write(more, x: rect.maxX - TextFitting.width(more), y: rect.y, style: Style(attributes: .dim), clip: rect)
        }
    }

    /// The step inspector of the selected run: the step k → k+1 with x_k, −∇f(x_k), the
    /// optimizer's state after the step (per coordinate), the update Δx and η_k. Swatches give
    /// the colours of the matching arrows on the plot.
    func drawInspector(_ state: SurfaceState, into buffer: inout CellBuffer, rect: Rect) {
        buffer.fill(rect)
        guard state.lanes.indices.contains(state.selected) else { return }
        let lane = state.lanes[state.selected]
        let header = "▸\(state.selected + 1) " + lane.label
        buffer.write(text(TextFitting.truncate(header, to: rect.width, ellipsis: glyphs.ellipsis)), x: rect.x, y: rect.y,
                     style: Style(foreground: lane.color, attributes: .bold), clip: rect)
        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        guard let anatomy = StepAnatomy(run: lane.run, step: state.step) else {
            let message = lane.failure(by: state.step)
                ?? lane.run.divergedAt.map { "diverged at step \($0): no point \(state.step)" }
                ?? (lane.run.count > 0 ? "step \(state.step) not kept (older steps thinned)" : "no point")
            buffer.write(text(message), x: body.x, y: body.y, style: Style(attributes: .dim), clip: body)
            return
        }
        func values(_ v: [Double]) -> [String] { v.map { NumberFormat.compact($0, significant: 4) } }
        var rows = [
            LegendTable.Row(swatch: nil, label: "x", cells: values(anatomy.point)),
            LegendTable.Row(swatch: StepAnatomy.gradientColor, label: text("−∇f"), cells: values(anatomy.negativeGradient)),
        ]
        let shown = anatomy.state.count > SurfaceState.inspectorStateRows ? SurfaceState.inspectorStateRows - 1 : anatomy.state.count
        for (k, vector) in anatomy.state.prefix(shown).enumerated() {
            rows.append(LegendTable.Row(swatch: k == anatomy.momentumIndex ? StepAnatomy.momentumColor : nil,
                                        label: text(vector.name), cells: values(vector.values)))
        }
        if shown < anatomy.state.count {
            rows.append(LegendTable.Row(swatch: nil, label: text("+\(anatomy.state.count - shown) more"), cells: []))
        }
        if let update = anatomy.update {
            rows.append(LegendTable.Row(swatch: StepAnatomy.updateColor, label: text("Δx"), cells: values(update)))
        } else if let at = lane.run.divergedAt {
            rows.append(LegendTable.Row(swatch: nil, label: "diverged", cells: ["at step \(at)"]))
        }
        if let lr = anatomy.learningRate {
            rows.append(LegendTable.Row(swatch: nil, label: text("η"), cells: [NumberFormat.compact(lr, significant: 4)]))
        }
        let title = "step \(anatomy.step)→\(anatomy.step + 1)"
        LegendTable(labelTitle: text(title), columns: [.init(title: "x"), .init(title: "y")], rows: rows)
            .draw(into: &buffer, rect: body, glyphs: glyphs)
    }
}
