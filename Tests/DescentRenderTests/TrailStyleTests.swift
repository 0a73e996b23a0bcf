import DescentCore
import Testing
@testable import DescentRender

/// Six lanes' paths, each a horizontal line across its own row of a blank plot (no colour).
private func sixTrails(bold: Bool = false, glyphs: Glyphs = .unicode) -> CellBuffer {
    let box = ViewBox(x: 0...12, y: 0...6)
    let trajectories = (0..<6).map { k in
        let y = 5.6 - Double(k)
        return TrajectoryOverlay(points: stride(from: 0.0, through: 10.9, by: 0.5).map { PlanePoint(x: $0, y: y) },
                                 color: .default, style: .lane(k))
    }
    var buffer = CellBuffer(width: 12, height: 6)
    PlotWidget.draw(PlotModel(viewBox: box, trajectories: trajectories, showsAxes: false, boldTrails: bold),
                    into: &buffer, rect: buffer.bounds, glyphs: glyphs)
    return buffer
}

@Test func withoutColourTheSixDefaultPathsDifferInPatternAndHead() {
    // Solid, dotted, dashed, long dashes, dash-dot, sparse dots; heads ● ■ ▲ ◆ ▼ ✚.
    #expect(sixTrails().text() == """
        ⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒● \n\
        ⠂⠂⠂⠂⠂⠂⠂⠂⠂⠂■ \n\
        ⠒⠂⠐⠒ ⠒⠂⠐⠒ ▲ \n\
        ⠒⠒⠒ ⠒⠒⠒ ⠒⠒◆ \n\
        ⠒⠒ ⠂⠐⠒⠂⠐ ⠒▼ \n\
        ⠂ ⠂ ⠂ ⠂ ⠂ ✚ 
        """)
}

@Test func boldTrailsAreTwoDotsWide() {
    // The line (dot row 1 of each cell, ⠒) and the dots below it (row 2): ⠶.
    #expect(sixTrails(bold: true).line(0) == "⠲⠶⠶⠶⠶⠶⠶⠶⠶⠶● ")
}

@Test func asciiPathsAreNumberedNotShaded() {
    let text = sixTrails(glyphs: .ascii).text()
    for k in 1...6 { #expect(text.contains(Character(String(k)))) }
    // No shading character marks a path (they shade the heatmap in ASCII).
    #expect(!text.contains("*") && !text.contains("#"))
}

@Test func laneStylesCycleAndNumberTheirMarks() {
    #expect(TrailStyle.lane(0).mark == "1" && TrailStyle.lane(9).mark == "0" && TrailStyle.lane(10).mark == "a")
    #expect(TrailStyle.lane(6).head == TrailStyle.lane(0).head)
    #expect(Set(TrailStyle.heads).count == 6 && Set(TrailStyle.patterns.map { "\($0)" }).count == 6)
}
