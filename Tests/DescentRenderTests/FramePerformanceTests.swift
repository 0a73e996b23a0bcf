import DescentCore
import Testing
@testable import DescentRender

/// A full 200x50 frame composed from cached layers: heatmap, 10 iso-lines, axes, four
/// 500-point trajectories with heads, markers. The budget is 5 ms in release builds; debug
/// builds (no optimisation) get a looser bound that still catches accidental resampling.
@Test func aFullFrameComposesQuickly() {
    let rect = Rect(x: 0, y: 0, width: 200, height: 50)
    let area = PlotWidget.plotArea(in: rect, viewBox: bowl.viewBox)
    let layers = SurfaceLayers(surface: bowl, viewport: Viewport(box: bowl.viewBox, rect: area))
    let trajectories = (0..<4).map { k in
        TrajectoryOverlay(points: (0..<500).map { i in
            let t = Double(i) / 500
            return PlanePoint(x: 1.8 * (1 - t) * cos(6 * t + Double(k)), y: 1.8 * (1 - t) * sin(6 * t + Double(k)))
        }, color: Palette.okabeIto[k])
    }
    let model = PlotModel(viewBox: bowl.viewBox, layers: layers, criticalPoints: bowl.criticalPoints, trajectories: trajectories)
    var buffer = CellBuffer(width: 200, height: 50)
    PlotWidget.draw(model, into: &buffer, rect: rect, glyphs: .unicode)
    let clock = ContinuousClock()
    let runs = 20
    let elapsed = clock.measure {
        for _ in 0..<runs { PlotWidget.draw(model, into: &buffer, rect: rect, glyphs: .unicode) }
    }
    let perFrame = elapsed / runs
    print("frame composition: \(perFrame)")
    #if DEBUG
    #expect(perFrame < .milliseconds(100))
    #else
    #expect(perFrame < .milliseconds(5))
    #endif
}
