import DescentCore
import DescentRender
import DescentScenes
import Foundation
import Testing
@testable import DescentTUI

/// Captions below the plot (never over an x axis) and the legend collapsed to numbered swatches.
@Suite struct AppCaptionLegendTests {
    static let scenes = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scenes")

    static func scene(_ name: String, width: Int, height: Int) throws -> SurfaceState {
        let scene = try Scene.load(path: scenes.appendingPathComponent(name).path, registry: .builtin)
        return SurfaceState(setup: try #require(try RaceSetup(scene: scene, registry: .builtin)), width: width, height: height)
    }

    /// The rows of `buffer` from `top` to `bottom`, cut to the columns before `width`.
    static func rows(_ buffer: CellBuffer, _ range: ClosedRange<Int>, width: Int) -> [String] {
        range.map { String(buffer.line($0).prefix(width)) }
    }

    @Test func theCaptionSitsBelowThePlotsXAxisAt200x50() throws {
        var state = try Self.scene("beale-race.toml", width: 200, height: 50)
        state.seek(toStep: 30)
        let layout = PlotGeometry.layout(state)
        let caption = try #require(layout.caption)
        #expect(caption.y == layout.plot.maxY && caption.maxY == 49)
        let buffer = FrameComposer(glyphs: .unicode).compose(state)
        // The snapshot of the plot's bottom: the x axis, its tick labels, then the caption box.
        let bottom = Self.rows(buffer, (caption.y - 2)...(caption.y + caption.height - 1), width: layout.plot.width)
        #expect(bottom[0].hasPrefix("    └─") && bottom[0].contains("┬"), "\(bottom.joined(separator: "\n"))")
        #expect(bottom[1].contains("0.0") && bottom[1].contains("3.0"), "\(bottom[1])")
        let title = try #require(state.setup.title)
        let shownText = try #require(state.caption?.text ?? state.setup.description)
        #expect(bottom[2].hasPrefix("┌─ " + title + " ─"))
        #expect(bottom[3].hasPrefix("│ " + shownText.prefix(30)))
        #expect(bottom.last!.hasPrefix("└────"))
        // Every caption of the scene keeps the same box (the plot does not jump as captions change).
        for step in [0, 100, 1000] {
            state.seek(toStep: step)
            #expect(PlotGeometry.layout(state) == layout)
        }
    }

    @Test func theTrainingViewsCaptionLeavesTheChartsXAxes() throws {
        var setup = try trainingSetup()
        setup.title = "A title"
        setup.description = "A description long enough to take a line of its own in the box."
        let state = TrainingState(setup: setup)
        let buffer = TrainingComposer(glyphs: .unicode, hasColors: true).compose(state, width: 200, height: 50)
        let top = try #require((0..<50).first { buffer.line($0).hasPrefix("┌─ A title") })
        // The charts' x axes (and their "step"/"epoch" labels) end right above the box.
        #expect(buffer.line(top - 2).contains("└"))
        #expect(buffer.line(top - 1).contains("0"))
    }

    @Test func belowItsWidthTheLegendCollapsesToNumberedSwatches() throws {
        let state = try AppFixture.state(width: 60, height: 24)
        let buffer = FrameComposer(glyphs: .unicode).compose(state)
        let layout = PlotGeometry.layout(state)
        let legend = try #require(layout.legend)
        #expect(layout.arrangement == .plotOnly && legend.height == 1 && legend.y == 22)
        #expect(buffer.line(22).hasPrefix("1● 2■ 3▲ 4◆ 5▼ 6✚"))
        for k in 0..<6 {
            #expect(buffer[1 + 3 * k, 22].style.foreground == state.lanes[k].color)
            #expect(buffer[3 * k, 22].scalar == Unicode.Scalar(String(k + 1))!)
        }
    }

    @Test func aLegendTableCollapsesOnlyWhenItDoesNotFit() {
        let rows = (1...3).map { k in
            LegendTable.Row(swatch: Palette.trails[k], marker: TrailStyle.lane(k).head, label: "▸\(k) adam(lr=0.0\(k))",
                            cells: ["0.123", "4.5"], tag: String(k))
        }
        let table = LegendTable(labelTitle: "optimizer", columns: [.init(title: "loss"), .init(title: "lr")], rows: rows)
        func draw(width: Int, height: Int) -> CellBuffer {
            var buffer = CellBuffer(width: width, height: height)
            table.draw(into: &buffer, rect: buffer.bounds, glyphs: .unicode)
            return buffer
        }
        #expect(draw(width: 40, height: 4).line(0).contains("optimizer"))
        #expect(draw(width: 12, height: 4).line(0) == "1■ 2▲ 3◆    ")
        #expect(draw(width: 40, height: 2).line(0).hasPrefix("1■ 2▲ 3◆"))
        // Wrapped over the rows it has when one row is too narrow.
        let narrow = draw(width: 6, height: 4)
        #expect(narrow.line(0) == "1■ 2▲ " && narrow.line(1) == "3◆    ")
        #expect(draw(width: 12, height: 4)[1, 0].style.foreground == Palette.trails[1])
    }
}
