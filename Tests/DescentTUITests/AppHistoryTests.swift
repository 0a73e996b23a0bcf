import DescentCore
import DescentRender
import Testing
@testable import DescentTUI

/// The surface view's bounded history: every step of the last ``Limits/liveHistoryWindow``,
/// older steps thinned, stepping back beyond the window onto kept steps.
@Suite struct AppHistoryTests {
    static let window = Limits.liveHistoryWindow

    /// Two optimizers played far past the window.
    static func longState() throws -> SurfaceState {
        var state = SurfaceState(setup: try AppFixture.setup(specs: ["sgd(lr=0.001)", "adam(lr=0.01)"]), width: 200, height: 50)
        state.seek(toStep: 3 * window)
        return state
    }

    @Test func aLongPlayKeepsBoundedStorageAndTheWholeLastWindow() throws {
        let state = try Self.longState()
        for run in state.race.runs {
            #expect(run.steps == 3 * Self.window + 1)
            #expect(run.count <= 2 * Self.window + 1)
            #expect(Array(run.keptSteps.suffix(Self.window)) == Array((2 * Self.window + 2)...(3 * Self.window + 1)))
            #expect(run.keptSteps.first == 0)
        }
    }

    @Test func steppingBackBeyondTheWindowLandsOnAKeptStepAndSaysSo() throws {
        var state = try Self.longState()
        let kept = state.race.runs[0].keptSteps
        // Inside the window: one step back is exact, and nothing is said.
        var (back, _) = try AppFixture.press(.character(","), on: state)
        #expect(back.step == 3 * Self.window - 1 && back.notice == nil)
        // Older: from a kept step after a gap, to the kept step before it.
        let e = try #require(kept.indices.dropFirst().first { kept[$0] - kept[$0 - 1] > 1 })
        state.controls.step = kept[e]
        (back, _) = try AppFixture.press(.character(","), on: state)
        #expect(back.step == kept[e - 1])
        #expect(back.notice == "jumped back to kept step \(kept[e - 1]) (older steps thinned)")
        #expect(FrameComposer(glyphs: .unicode).compose(back).line(49).contains("jumped back to kept step \(kept[e - 1])"))
        // The legend and inspector show that step's own values.
        let entry = try #require(back.race.runs[1].entry(atOrBefore: back.step))
        let text = FrameComposer(glyphs: .unicode).compose(back).text()
        #expect(text.contains(NumberFormat.compact(back.race.runs[1].losses[entry])))
        #expect(text.contains("step \(kept[e - 1])→"))
    }

    @Test func trailsAndChartsStillDrawFromTheStart() throws {
        let state = try Self.longState()
        let composer = FrameComposer(glyphs: .unicode)
        let text = composer.compose(state).text()
        #expect(text.contains("25000"))  // the charts' x axis covers the whole run
        let charts = composer.charts(state)
        for chart in charts {
            for series in chart.series {
                #expect(series.steps?.first == 0 && series.steps?[series.count - 1] == 3 * Self.window)
            }
        }
        let trail = composer.trajectory(state.lanes[0], index: 0, state: state)
        #expect(trail.points.first == PlanePoint(x: 1, y: 1.5))
        let run = state.race.runs[0]
        let shown = try #require(run.entry(atOrBefore: state.step))
        #expect(trail.points.last == PlanePoint(x: run.point(shown)[0], y: run.point(shown)[1]))
        // Thinned for drawing, the trail keeps the extent of its stretches.
        #expect(trail.points.count <= FrameComposer.maximumTrailPoints + 1)
        let xs = (0...shown).map { run.point($0)[0] }
        #expect(trail.points.map(\.x).min() == xs.min() && trail.points.map(\.x).max() == xs.max())
    }
}
