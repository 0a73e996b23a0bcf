import DescentCore
import DescentRender
import Testing
@testable import DescentTUI

/// The session: one key between the surface view and the training view, each keeping its state.
@Suite struct SessionTests {
    private func session(startIn view: Session.View = .surface) throws -> Session {
        let setup = RaceSetup(surface: try Registry.builtin.surface("quadratic"), start: [1, 1],
                              entries: [RaceSetup.Entry(spec: "sgd(lr=0.1)", optimizer: try Registry.builtin.optimizer("sgd(lr=0.1)").optimizer)],
                              steps: 50, tolerance: 0.01)
        let surface = EventLoop(state: AppState(setup: setup, width: 100, height: 30), composer: FrameComposer(glyphs: .unicode, hasColors: true))
        return Session(surface: surface, training: TrainingState(setup: try trainingSetup()),
                       trainingComposer: TrainingComposer(glyphs: .unicode, hasColors: true), startIn: view)
    }

    @Test func nSwitchesToTheTrainingViewAndBackKeepingBothStates() throws {
        var session = try session()
        #expect(session.training?.canSwitchView == true)
        let keys: [Character] = [".", ".", "n", ".", "n", "q"]
        let terminal = HeadlessTerminal(width: 100, height: 30, events: keys.map { .key(.character($0)) })
        session.run(on: terminal)
        #expect(session.surface?.state.step == 2)
        #expect(session.training?.step == 1)
        #expect(session.view == .surface)
        #expect(terminal.lastFrame?.text().contains("sgd") == true)
    }

    @Test func theTrainingViewShowsAfterN() throws {
        var session = try session()
        let terminal = HeadlessTerminal(width: 120, height: 40, events: [.key(.character("n")), .key(.character("q"))])
        session.run(on: terminal)
        #expect(session.view == .training)
        let text = try #require(terminal.lastFrame).text()
        #expect(text.contains("train loss") && text.contains("n surface"))
    }

    @Test func aSessionWithoutASurfaceStaysInTraining() throws {
        var session = Session(surface: nil, training: TrainingState(setup: try trainingSetup()),
                              trainingComposer: TrainingComposer(glyphs: .unicode, hasColors: true), startIn: .training)
        #expect(session.training?.canSwitchView == false)
        let terminal = HeadlessTerminal(width: 100, height: 30, events: [.key(.character("n")), .key(.character("q"))])
        session.run(on: terminal)
        #expect(session.view == .training)
        #expect(terminal.lastFrame?.text().contains("no surface view") == true)
    }

    @Test func theTimeLimitCoversBothViews() throws {
        var session = try session(startIn: .training)
        let clock = ContinuousClock()
        let start = clock.now
        session.run(on: HeadlessTerminal(width: 100, height: 30, events: [.key(.character("n"))]), for: .milliseconds(200))
        #expect(clock.now - start < .seconds(2))
        #expect(session.view == .surface)
    }
}
