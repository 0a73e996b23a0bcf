import DescentCore
import DescentRender
import Testing
@testable import DescentTUI

@Test func eventLoopAppliesScriptedKeysAndQuits() throws {
    let terminal = HeadlessTerminal(width: 120, height: 40, events: [
        .key(.character(".")), .key(.character(".")), .key(.character(",")), .key(.character("?")), .key(.character("q")),
    ])
    var loop = EventLoop(state: try AppFixture.state(), composer: FrameComposer(glyphs: .unicode))
    loop.run(on: terminal)
    #expect(loop.state.step == 1)
    #expect(loop.state.showsHelp)
    #expect(terminal.framesPresented == 5)  // the first frame and one per key before q
}

@Test func interruptQuits() throws {
    let terminal = HeadlessTerminal(width: 80, height: 24, events: [.interrupt])
    var loop = EventLoop(state: try AppFixture.state(), composer: FrameComposer(glyphs: .ascii))
    loop.run(on: terminal)
    #expect(terminal.framesPresented == 1)
}

@Test func playingAdvancesWithRealTimeAndPausingStops() throws {
    let terminal = HeadlessTerminal(width: 80, height: 24)
    var loop = EventLoop(state: try AppFixture.state(), composer: FrameComposer(glyphs: .unicode))
    loop.run(on: terminal, for: .milliseconds(400), initialActions: [.togglePlay])
    #expect(loop.state.step > 0)
    #expect(terminal.framesPresented > 1)
    #expect(terminal.framesPresented <= 1 + 13)  // at most 30 frames per second
}

@Test func resizeEventsChangeTheFrameSize() throws {
    let terminal = HeadlessTerminal(width: 120, height: 40, events: [.resize(width: 90, height: 30), .key(.character("q"))])
    var loop = EventLoop(state: try AppFixture.state(), composer: FrameComposer(glyphs: .unicode))
    loop.run(on: terminal)
    #expect(loop.state.width == 90 && loop.state.height == 30)
}
