import DescentCore
import DescentRender
import DescentScenes
import Foundation
import Testing
@testable import DescentTUI

/// The random-init saddle-escape scene (`scenes/saddle-escape.toml`): 500 starts within 0.1 of
/// the saddle of x² − y², GD with η = 0.05 and η = 0.2, escape radius 1.
private func escapeState(width: Int = 200, height: Int = 50) throws -> CloudState {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenes/saddle-escape.toml").path
    let setup = try #require(try RaceSetup(scene: try Scene.load(path: path, registry: .builtin), registry: .builtin))
    return CloudState(setup: setup, cloud: try #require(setup.cloud), width: width, height: height)
}

private func compose(_ state: CloudState) -> CellBuffer { FrameComposer(glyphs: .unicode).compose(state) }

/// Braille cells in lane `k`'s colour inside the plot area.
private func dotCells(_ state: CloudState, lane k: Int) -> Int {
    let buffer = compose(state)
    let plot = PlotGeometry.layout(state).plot
    var count = 0
    for y in plot.y..<plot.maxY {
        for x in plot.x..<plot.maxX {
            let cell = buffer[x, y]
            if cell.style.foreground == state.styles[k].color, (0x2801...0x28FF).contains(cell.scalar.value) { count += 1 }
        }
    }
    return count
}

/// The legend's escaped column of lane `k` as a fraction (the cell reads "96.2%").
private func legendFraction(_ state: CloudState, lane k: Int) throws -> Double {
    let cell = try #require(FrameComposer(glyphs: .unicode).cloudLegend(state).rows[k].cells.first)
    #expect(cell.hasSuffix("%"))
    return try #require(Double(cell.dropLast())) / 100
}

@Test func cloudSceneCarriesItsEscapeWithoutANotice() throws {
    let state = try escapeState()
    let escape = state.cloud
    #expect(escape.clouds.count == 2)
    #expect(escape.clouds.map(\.count) == [500, 500])
    #expect(escape.clouds.map(\.label) == state.styles.map(\.label))
    #expect(state.notice == nil)
}

@Test func cloudFramesDrawDotsAtStepZeroAndLater() throws {
    var state = try escapeState()
    // Both clouds start from the same points: the selected one is drawn on top.
    #expect(dotCells(state, lane: 0) > 0)
    _ = state.apply(.selectNext)
    #expect(dotCells(state, lane: 1) > 0)
    _ = state.apply(.selectPrevious)
    let text = compose(state).text()
    #expect(text.contains("escaped fraction"))
    #expect(text.contains("Half escaped"))
    #expect(!text.contains("loss f(x)"))
    state.seek(toStep: 10)
    #expect(state.cloud.step == 10)
    // η = 0.05 multiplies y by 1.1 per step: after 10 steps every run is within 0.1·1.1¹⁰ ≈ 0.26
    // of the x axis and near the saddle, so its dots are still on screen.
    #expect(dotCells(state, lane: 0) > 0)
    #expect(compose(state).text().contains("escaped fraction"))
    // A hidden cloud's dots go away.
    _ = state.apply(.toggleLane(0))
    #expect(dotCells(state, lane: 0) == 0)
}

@Test func legendShowsTheEscapedFractionOfTheShownStep() throws {
    var state = try escapeState()
    // Step 0: every start lies within 0.1 < R = 1 of the centre.
    try #expect(legendFraction(state, lane: 0) == 0)
    try #expect(legendFraction(state, lane: 1) == 0)
    state.seek(toStep: 20)
    let escape = state.cloud
    for k in 0..<2 {
        try #expect(Swift.abs(legendFraction(state, lane: k) - escape.clouds[k].fraction(at: 20)) <= 0.0005)
    }
    // Hand values: with η = 0.05, |y| ≤ 0.1·1.1²⁰ ≈ 0.67 and |x| shrinks, so no run has left
    // the unit disc; with η = 0.2 only starts with |y₀| < 1.4⁻²⁰ ≈ 0.0012 stay inside, a strip
    // of area < 4·0.0012·0.1 in a disc of area 0.01π: under 2%.
    try #expect(legendFraction(state, lane: 0) == 0)
    try #expect(legendFraction(state, lane: 1) > 0.98)
}

@Test func steppingBackShowsTheEarlierFractionsAndDots() throws {
    var state = try escapeState()
    state.seek(toStep: 40)
    let atFive = state.cloud.clouds.map { $0.fraction(at: 5) }
    for _ in 0..<35 { _ = state.apply(.stepBack) }
    #expect(state.step == 5)
    #expect(state.cloud.step == 40)
    for k in 0..<2 { try #expect(Swift.abs(legendFraction(state, lane: k) - atFive[k]) <= 0.0005) }
    _ = state.apply(.jumpToStart)
    #expect(state.step == 0)
    try #expect(legendFraction(state, lane: 1) == 0)
    #expect(dotCells(state, lane: 0) > 0)
}

@Test func playbackAndResetWorkOnClouds() throws {
    var state = try escapeState()
    _ = state.apply(.stepForward)
    #expect(state.step == 1)
    _ = state.apply(.togglePlay)
    _ = state.tick(seconds: 0.5)
    #expect(state.step > 1)
    #expect(state.cloud.step == state.step)
    _ = state.apply(.faster)
    _ = state.apply(.reset)
    #expect(state.step == 0)
    #expect(!state.isPlaying)
    try #expect(legendFraction(state, lane: 0) == 0)
}

@Test func restartKeysShowANoticeOnClouds() throws {
    var state = try escapeState()
    state.seek(toStep: 10)
    _ = state.apply(.scaleLearningRate(up: true))
    #expect(state.notice?.contains("u/d") == true)
    #expect(state.cloud.clouds[0].runs.allSatisfy { $0.optimizer.learningRate == 0.05 })
    _ = state.apply(.moveCursor(dx: 1, dy: 0))
    _ = state.apply(.startAtCursor)
    #expect(state.notice?.contains("Enter") == true)
    #expect(state.step == 10)
    let plot = PlotGeometry.panels(state, layout: PlotGeometry.layout(state))[0].localViewport.rect
    let panelRect = PlotGeometry.panels(state, layout: PlotGeometry.layout(state))[0].plotRect
    state.mouse(x: panelRect.x + plot.x + plot.width / 2, y: panelRect.y + plot.y + plot.height / 2, button: .left)
    #expect(state.step == 10)
    #expect(state.notice != nil)
    _ = compose(state)
}

@Test func cloudGridAndAsciiFramesCompose() throws {
    var state = try escapeState(width: 100, height: 30)
    state.seek(toStep: 40)
    _ = state.apply(.toggleLayout)
    let ascii = FrameComposer(glyphs: .ascii, hasColors: false).compose(state).text()
    let allASCII = ascii.unicodeScalars.allSatisfy { $0.isASCII }
    #expect(allASCII)
    #expect(ascii.contains("GD"))
}

@Test func aCloudSceneOpensTheCloudScreenNotTheRace() throws {
    let state = try escapeState()
    let model = AppModel(lesson: LessonContent(race: state.setup, training: nil), width: 120, height: 40)
    #expect(model.screen == .cloud)
    #expect(model.lesson?.surface == nil)
    #expect(model.lesson?.cloud?.cloud.clouds.count == 2)
    #expect(AppView(glyphs: .unicode).compose(model).text() == FrameComposer(glyphs: .unicode).compose(model.lesson!.cloud!).text())
}
