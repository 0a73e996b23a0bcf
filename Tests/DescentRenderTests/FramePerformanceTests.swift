import DescentCore
import Synchronization
import Testing
@testable import DescentRender

/// f = x² + y², counting every evaluation (any number type), so a test can see whether drawing
/// a frame went back to the surface.
private struct CountingBowl: SurfaceFormula {
    let evaluations: Counter
    func callAsFunction<T: SurfaceScalar>(_ x: T, _ y: T) -> T {
        evaluations.value.add(1, ordering: .relaxed)
        return x * x + y * y
    }
}

/// A shared evaluation count.
private final class Counter: Sendable {
    let value = Atomic<Int>(0)
}

/// A full 200x50 frame composed from cached layers: heatmap, 10 iso-lines, axes, four
/// 500-point trajectories with heads, markers. The field is sampled once, when the layers are
/// built; composing frames from them must never evaluate the surface again (a frame is
/// composition only), and composing the same model twice gives the same cells. How fast that is
/// is a benchmark, not a test: `swift run -c release descent bench frame`.
@Test func aFullFrameComposesFromTheCachedFieldWithoutResampling() {
    let counter = Counter()
    let surface = Surface(name: "bowl", summary: "x² + y²", formula: "x^2 + y^2", viewBox: bowl.viewBox,
                          criticalPoints: bowl.criticalPoints, function: CountingBowl(evaluations: counter))
    let rect = Rect(x: 0, y: 0, width: 200, height: 50)
    let area = PlotWidget.plotArea(in: rect, viewBox: surface.viewBox)
    let layers = SurfaceLayers(surface: surface, viewport: Viewport(box: surface.viewBox, rect: area))
    let trajectories = (0..<4).map { k in
        TrajectoryOverlay(points: (0..<500).map { i in
            let t = Double(i) / 500
            return PlanePoint(x: 1.8 * (1 - t) * cos(6 * t + Double(k)), y: 1.8 * (1 - t) * sin(6 * t + Double(k)))
        }, color: Palette.okabeIto[k])
    }
    let model = PlotModel(viewBox: surface.viewBox, layers: layers, criticalPoints: surface.criticalPoints, trajectories: trajectories)
    var first = CellBuffer(width: 200, height: 50)
    PlotWidget.draw(model, into: &first, rect: rect, glyphs: .unicode)
    let sampled = counter.value.load(ordering: .relaxed)
    #expect(sampled > 0)
    var buffer = CellBuffer(width: 200, height: 50)
    for _ in 0..<20 { PlotWidget.draw(model, into: &buffer, rect: rect, glyphs: .unicode) }
    #expect(counter.value.load(ordering: .relaxed) == sampled, "composing a frame evaluated the surface again")
    #expect(buffer == first)
}
