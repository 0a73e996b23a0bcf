import DescentCore
import DescentRender
import Testing
@testable import DescentTUI

private func frame(_ state: SurfaceState, glyphs: Glyphs = .unicode) -> CellBuffer {
    FrameComposer(glyphs: glyphs).compose(state)
}

@Test func wideFrameShowsPlotLegendLeaderboardInspectorChartsAndStatus() throws {
    var state = try AppFixture.state(width: 200, height: 50)
    state.seek(toStep: 120)
    let buffer = frame(state)
    let text = buffer.text()
    #expect(buffer.width == 200 && buffer.height == 50)
    for spec in RaceSetup.defaultSpecs { #expect(text.contains(spec), "legend row for \(spec)") }
    #expect(text.contains("optimizer"))
    #expect(text.contains("loss"))
    #expect(text.contains("‖∇f‖"))
    #expect(text.contains("Leaderboard (tol 0.01)"))
    #expect(text.contains("step 120→121"))
    #expect(text.contains("loss f(x) (log)"))
    #expect(text.contains("gradient norm ‖∇f‖ (log)"))
    #expect(text.contains("★"))  // Beale's minimum at (3, 0.5)
    #expect(text.contains("●"))  // run heads
    #expect(text.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })  // braille trails
    let status = buffer.line(49)
    #expect(status.contains("▮▮ paused"))
    #expect(status.contains("step 120/200"))
    #expect(status.contains("30 steps/s"))
    #expect(status.contains("? help"))
}

@Test func legendShowsLossGradientNormAndLearningRateOfTheShownStep() throws {
    var state = try AppFixture.state(width: 200, height: 50)
    state.seek(toStep: 7)
    let text = frame(state).text()
    let adam = state.lanes[5].run
    #expect(text.contains(NumberFormat.compact(adam.losses[7])))
    #expect(text.contains(NumberFormat.compact(adam.gradientNorms[7])))
    _ = state.apply(.selectPrevious)
    _ = state.apply(.scaleLearningRate(up: true))
    #expect(frame(state).text().contains("0.075"))
}

@Test func standardTerminalFrameHasLegendStatusAndNoCharts() throws {
    var state = try AppFixture.state(width: 80, height: 24)
    state.seek(toStep: 3)
    let buffer = frame(state)
    let text = buffer.text()
    #expect(buffer.width == 80 && buffer.height == 24)
    #expect(text.contains("1 sgd(lr=0.001)"))
    #expect(buffer.line(23).contains("step 3/200"))
    #expect(!text.contains("loss f(x)"))
}

@Test func tinyTerminalShowsTheEnlargeMessage() throws {
    let state = try AppFixture.state(width: 20, height: 6)
    let text = frame(state).text()
    #expect(text.replacingOccurrences(of: "\n", with: " ").contains("enlarge"))
    #expect(!text.contains("sgd"))
}

@Test func helpOverlayListsEveryKeymapEntry() throws {
    for (width, height) in [(200, 50), (120, 40)] {
        var state = try AppFixture.state(width: width, height: height)
        _ = state.apply(.toggleHelp)
        let text = frame(state).text()
        for binding in Keymap.bindings(in: .surface) {
            #expect(text.contains(binding.label), "\(binding.label) at \(width)x\(height)")
            #expect(text.contains(binding.summary), "\(binding.summary) at \(width)x\(height)")
        }
        for entry in Keymap.mouseHelp { #expect(text.contains(entry.summary)) }
    }
}

@Test func gridModeDrawsOnePanelPerVisibleOptimizer() throws {
    var state = try AppFixture.state(width: 200, height: 50)
    state.seek(toStep: 30)
    _ = state.apply(.toggleLayout)
    _ = state.apply(.toggleLane(2))
    let layout = PlotGeometry.layout(state)
    let panels = PlotGeometry.panels(state, layout: layout)
    #expect(panels.count == 5)
    #expect(panels.allSatisfy { $0.localViewport == panels[0].localViewport })  // one shared field
    let text = frame(state).text()
    #expect(text.contains("▸1 sgd(lr=0.001)"))
    #expect(text.contains(" 6 adam(lr=0.05)"))
    #expect(frame(state).line(49).contains("grid"))
}

@Test func cursorReadoutShowsValueAndGradient() throws {
    var state = try AppFixture.state(width: 200, height: 50)
    _ = state.apply(.moveCursor(dx: 0, dy: 0))
    let status = frame(state).line(49)
    // f(1, 1.5) = 2² + 3.5² + 5² = 41.25; ∂f/∂x = 2·2·0.5 + 2·3.5·1.25 + 2·5·2.375 = 34.5.
    #expect(status.contains("x 1 y 1.5 f 41.3"))
    #expect(status.contains("∇f (34.5,"))
}

@Test func asciiFramesUseOnlyAscii() throws {
    var state = try AppFixture.state(width: 120, height: 40)
    state.seek(toStep: 50)
    _ = state.apply(.toggleHelp)
    let text = frame(state, glyphs: .ascii).text()
    let ascii = text.unicodeScalars.allSatisfy { $0.isASCII }
    #expect(ascii)
    #expect(text.contains("grad f"))
}

@Test func inspectorListsTheOptimizerStatePerCoordinate() throws {
    var state = try AppFixture.state(width: 200, height: 50)
    state.seek(toStep: 10)
    for _ in 0..<5 { _ = state.apply(.selectNext) }
    let text = frame(state).text()
    let m = state.lanes[5].run.states[10].first { $0.name == "m" }!
    #expect(text.contains("step 10→11"))
    #expect(text.contains(NumberFormat.compact(m.values[0], significant: 4)))
    #expect(text.contains("effective lr"))
    #expect(text.contains("Δx"))
}

@Test func theFieldIsSampledOncePerView() throws {
    var state = try AppFixture.state(width: 200, height: 50)
    let composer = FrameComposer(glyphs: .unicode)
    _ = composer.compose(state)
    #expect(composer.cache.samplings == 1)
    for _ in 0..<5 { _ = state.apply(.stepForward); _ = composer.compose(state) }
    #expect(composer.cache.samplings == 1)
    _ = state.apply(.zoomIn)
    _ = composer.compose(state)
    #expect(composer.cache.samplings == 2)
    state.resize(width: 150, height: 45)
    _ = composer.compose(state)
    #expect(composer.cache.samplings == 3)
}

@Test func resizeRelaysOutAtOnce() throws {
    var state = try AppFixture.state(width: 200, height: 50)
    state.resize(width: 60, height: 20)
    let buffer = frame(state)
    #expect(buffer.width == 60 && buffer.height == 20)
    #expect(PlotGeometry.layout(state).arrangement == .plotOnly)
    #expect(buffer.line(19).contains("step 0/200"))
}

@Test func zoomingStopsAtAViewTooNarrowToLabelAndSaysSo() throws {
    var state = try AppFixture.state(width: 200, height: 50)
    for _ in 0..<200 { _ = state.apply(.zoomIn) }
    #expect(Limits.isWideEnoughForAView(state.view.x) && Limits.isWideEnoughForAView(state.view.y))
    #expect(state.notice?.contains("zoom limit") == true)
    let frame = FrameComposer(glyphs: .unicode).compose(state).text()
    #expect(!frame.contains("inf") && !frame.contains("nan"))
}
