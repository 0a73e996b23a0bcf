import DescentCore
import DescentRender
import Testing
@testable import DescentTUI

/// The app loop on one surface lesson (no lesson list).
private func surfaceLoop() throws -> AppLoop {
    let state = try AppFixture.state()
    return AppLoop(model: AppModel(lesson: LessonContent(race: state.setup, training: nil), width: 120, height: 40),
                   view: AppView(glyphs: .unicode))
}

@Test func eventLoopAppliesScriptedKeysAndQuits() throws {
    let terminal = HeadlessTerminal(width: 120, height: 40, events: [
        .key(.character(".")), .key(.character(".")), .key(.character(",")), .key(.character("?")), .key(.character("q")),
    ])
    var loop = try surfaceLoop()
    #expect(loop.run(on: terminal) == .quit)
    #expect(loop.model.lesson?.surface?.step == 1)
    #expect(loop.model.lesson?.surface?.showsHelp == true)
    #expect(terminal.framesPresented == 5)  // the first frame and one per key before q
}

@Test func queuedKeysAreAppliedTogetherAndDrawnOnce() throws {
    // 5,000 keys typed ahead, then q: all applied, q acts before any redraw.
    let keys = [InputEvent](repeating: .key(.character(".")), count: 5000) + [.key(.character("q"))]
    let terminal = HeadlessTerminal(width: 120, height: 40, events: keys + [.key(.character("."))], typedAhead: true)
    var loop = try surfaceLoop()
    let clock = ContinuousClock()
    let start = clock.now
    #expect(loop.run(on: terminal) == .quit)
    let elapsed = clock.now - start
    #expect(elapsed < .seconds(60))  // a bound against a hang, not a timing assertion
    #expect(loop.model.lesson?.surface?.step == 5000)
    // The first frame, then at most one per ``AppLoop/maximumDrain`` of reading (a slow debug
    // build may not apply 5,000 steps within one); none after q.
    #expect(terminal.framesPresented <= 1 + Int((elapsed / AppLoop.maximumDrain).rounded(.down)))
    #expect(terminal.pendingEvents.count == 1)  // nothing after q is read
}

@Test func aSignalQuitsWithItsNumber() throws {
    let terminal = HeadlessTerminal(width: 80, height: 24, events: [.signal(15)])
    var loop = try surfaceLoop()
    #expect(loop.run(on: terminal) == .signal(15))
    #expect(terminal.framesPresented == 1)
}

@Test func playingAdvancesWithRealTimeAndPausingStops() throws {
    let terminal = HeadlessTerminal(width: 80, height: 24)
    var loop = try surfaceLoop()
    #expect(loop.run(on: terminal, for: .milliseconds(400), initialMessages: [.action(.togglePlay)]) == .timeUp)
    #expect((loop.model.lesson?.surface?.step ?? 0) > 0)
    #expect(terminal.framesPresented > 1)
    #expect(terminal.framesPresented <= 1 + 13)  // at most 30 frames per second
}

@Test func resizeEventsChangeTheFrameSize() throws {
    let terminal = HeadlessTerminal(width: 120, height: 40, events: [.resize(width: 90, height: 30), .key(.character("q"))])
    var loop = try surfaceLoop()
    loop.run(on: terminal)
    #expect(loop.model.lesson?.surface?.width == 90 && loop.model.lesson?.surface?.height == 30)
    #expect(terminal.lastFrame?.width == 90)
}
