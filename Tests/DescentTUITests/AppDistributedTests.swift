import DescentCore
import DescentRender
import DescentScenes
import Foundation
import Testing
@testable import DescentTUI

/// Distributed optimizers on the surface screen: faint worker trails under the bold server
/// (centre) path, toggled by `w`, and the workers' staleness or distance in the inspector.
@Suite struct AppDistributedTests {
    static let scenes = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scenes")

    static func state(_ file: String, height: Int = 40) throws -> SurfaceState {
        let scene = try Scene.load(path: scenes.appendingPathComponent(file).path, registry: .builtin)
        return SurfaceState(setup: try #require(try RaceSetup(scene: scene, registry: .builtin)), width: 120, height: height)
    }

    /// The cells of the plot drawn in lane `k`'s faint worker colour.
    static func faintCells(_ buffer: CellBuffer, _ state: SurfaceState, lane k: Int) -> Int {
        let faint = TrailStyle.faintColor(state.lanes[k].color)
        var count = 0
        for y in 0..<buffer.height {
            for x in 0..<buffer.width where buffer[x, y].style.foreground == faint { count += 1 }
        }
        return count
    }

    @Test func workerTrailsAreFaintAndToggledByW() throws {
        // 45 rows: the plot of a 120x40 screen whose caption box overlaid it, now that the box
        // sits below the plot (the workers lie within a few cells of the centre's path).
        var state = try Self.state("easgd.toml", height: 45)
        for _ in 0..<120 { _ = state.apply(.stepForward) }
        let composer = FrameComposer(glyphs: .unicode)
        let shown = composer.compose(state)
        #expect(state.showsWorkerTrails)
        for k in 0..<2 { #expect(Self.faintCells(shown, state, lane: k) >= 8, "EASGD lane \(k) shows its workers") }
        #expect(Self.faintCells(shown, state, lane: 2) == 0, "a one-worker sync_sgd with its worker on the server path")
        // The inspector: the selected EASGD lane's four workers with their distances to the centre.
        let text = shown.text()
        for w in 1...4 { #expect(text.contains("w\(w) ↔"), "worker \(w) in the inspector") }
        _ = state.apply(.toggleWorkerTrails)
        let hidden = composer.compose(state)
        #expect((0..<3).allSatisfy { Self.faintCells(hidden, state, lane: $0) == 0 })
        #expect(hidden.text().contains("w1 ↔"), "the inspector still lists the workers")
        _ = state.apply(.toggleWorkerTrails)
        #expect(composer.compose(state) == shown)
        #expect(Keymap.action(for: .character("w"), in: .surface) == .toggleWorkerTrails)
    }

    @Test func asyncInspectorShowsStaleness() throws {
        var state = try Self.state("stale-gradients.toml")
        _ = state.apply(.selectNext)
        for _ in 0..<12 { _ = state.apply(.stepForward) }
        let text = FrameComposer(glyphs: .unicode).compose(state).text()
        // Four workers, each update 3 old once the history is long enough.
        for w in 1...4 { #expect(text.contains("w\(w) τ3"), "worker \(w) τ3") }
    }

    /// Hogwild!'s workers are drawn like the others': faint trails through the points they read,
    /// and the inspector lists the selected lane's workers, each read K − 1 updates old (32
    /// workers: the first 8, then how many more).
    @Test func hogwildWorkersAreDrawnWithTheirStaleness() throws {
        var state = try Self.state("hogwild.toml", height: 45)
        _ = state.apply(.selectNext)
        for _ in 0..<60 { _ = state.apply(.stepForward) }
        let composer = FrameComposer(glyphs: .unicode)
        let shown = composer.compose(state)
        #expect(Self.faintCells(shown, state, lane: 0) == 0, "SGD has no workers")
        for k in 1...2 { #expect(Self.faintCells(shown, state, lane: k) >= 8, "Hogwild! lane \(k) shows its workers") }
        for w in 1...8 { #expect(shown.text().contains("w\(w) τ7"), "worker \(w) τ7") }
        _ = state.apply(.selectNext)
        let many = composer.compose(state).text()
        #expect(many.contains("w8 τ31") && !many.contains("w9 τ31") && many.contains("+24 more"))
    }

    /// Every distributed lesson plays to its horizon without stopping early.
    @Test(arguments: ["stale-gradients.toml", "downpour.toml", "easgd.toml", "hogwild.toml", "hogwild-collisions.toml"])
    func lessonPlaysToTheEnd(file: String) throws {
        var state = try Self.state(file)
        _ = state.apply(.jumpToEnd)
        #expect(state.step == state.horizon)
        #expect(state.lanes.allSatisfy { $0.run.isActive && $0.run.count > state.horizon })
        #expect(FrameComposer(glyphs: .unicode).compose(state).text().contains("step \(state.horizon)/\(state.horizon)"))
    }
}
