import DescentCore
import DescentRender
import DescentTUI

/// Frame times of the default race on a 200 × 50 screen at step 300: composing the whole frame
/// from the cached field (what every playback frame costs), and the first frame after a zoom,
/// which resamples the field, computes heatmap and iso-lines, then composes. Then the frame at
/// step 1,000 beside the frame at step 1,000,000 (charts and trails read the runs' bounded
/// histories), with their ratio.
struct FrameBench {
    var repeats: Int

    static let width = 200, height = 50, step = 300

    func run() throws {
        var state = SurfaceState(setup: try DefaultRace.setup(steps: Self.step), width: Self.width, height: Self.height)
        state.seek(toStep: Self.step)
        let cached = FrameComposer(glyphs: .unicode)
        _ = cached.compose(state)
        let fromCache = best { _ = cached.compose(state) }
        // A fresh cache per frame: every frame samples its field, as the first one after a zoom does.
        var zoomed = state
        _ = zoomed.apply(.zoomIn)
        let afterZoom = best { _ = FrameComposer(glyphs: .unicode).compose(zoomed) }
        print("frame of the default race at \(Self.width)x\(Self.height), step \(Self.step) (best of \(repeats))")
        print("  compose from the cached field        \(Self.milliseconds(fromCache)) ms")
        print("  first frame after a zoom (resample)  \(Self.milliseconds(afterZoom)) ms")
        let short = try composeTime(atStep: 1000), long = try composeTime(atStep: 1_000_000)
        print("  compose at step 1,000                \(Self.milliseconds(short)) ms")
        print("  compose at step 1,000,000            \(Self.milliseconds(long)) ms  (\(String(format: "%.2f", long / short))x the 1,000-step frame)")
    }

    /// The best time to compose the default race's frame from the cached field at `step`.
    private func composeTime(atStep step: Int) throws -> Double {
        var state = SurfaceState(setup: try DefaultRace.setup(steps: Self.step), width: Self.width, height: Self.height)
        state.seek(toStep: step)
        let composer = FrameComposer(glyphs: .unicode)
        _ = composer.compose(state)
        return best { _ = composer.compose(state) }
    }

    /// The shortest of `repeats` timings of `body`, in seconds.
    private func best(_ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        return (0..<repeats).map { _ in clock.measure(body).inSeconds }.min() ?? 0
    }

    static func milliseconds(_ seconds: Double) -> String { String(format: "%7.2f", seconds * 1000) }
}
