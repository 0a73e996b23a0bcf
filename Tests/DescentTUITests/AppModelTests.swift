import DescentCore
import DescentRender
import Testing
@testable import DescentTUI

/// The app model: one update for every screen; `n` between the surface and the training view,
/// each keeping its state; lessons you can leave and move between.
@Suite struct AppModelTests {
    private func quadratic() throws -> RaceSetup {
        RaceSetup(surface: try Registry.builtin.surface("quadratic"), start: [1, 1],
                  entries: [RaceSetup.Entry(spec: "sgd(lr=0.1)", optimizer: try Registry.builtin.optimizer("sgd(lr=0.1)").optimizer)],
                  steps: 50, tolerance: 0.01, registry: .builtin)
    }

    private func bothViews() throws -> LessonContent { LessonContent(race: try quadratic(), training: try trainingSetup()) }

    private func run(_ model: AppModel, _ keys: [Character], width: Int = 100, height: Int = 30,
                     load: @escaping (Lesson) -> Result<LessonContent, LessonError> = { _ in .failure(LessonError("none")) })
        -> (AppLoop, HeadlessTerminal) {
        let terminal = HeadlessTerminal(width: width, height: height, events: keys.map { .key(.character($0)) })
        var loop = AppLoop(model: model, view: AppView(glyphs: .unicode, hasColors: true), load: load)
        loop.run(on: terminal)
        return (loop, terminal)
    }

    @Test func nSwitchesToTheTrainingViewAndBackKeepingBothStates() throws {
        let model = AppModel(lesson: try bothViews(), width: 100, height: 30)
        #expect(model.lesson?.training?.canSwitchView == true)
        let (loop, terminal) = run(model, [".", ".", "n", ".", "n", "q"])
        #expect(loop.model.lesson?.surface?.step == 2)
        #expect(loop.model.lesson?.training?.step == 1)
        #expect(loop.model.screen == .surface)
        #expect(terminal.lastFrame?.text().contains("sgd") == true)
    }

    @Test func theTrainingViewShowsAfterN() throws {
        let (loop, terminal) = run(AppModel(lesson: try bothViews(), width: 120, height: 40), ["n", "q"], width: 120, height: 40)
        #expect(loop.model.screen == .training)
        let text = try #require(terminal.lastFrame).text()
        #expect(text.contains("train loss") && text.contains("n surface"))
    }

    @Test func aLessonWithoutASurfaceStaysInTraining() throws {
        let model = AppModel(lesson: LessonContent(race: nil, training: try trainingSetup()), width: 100, height: 30)
        #expect(model.lesson?.training?.canSwitchView == false)
        let (loop, terminal) = run(model, ["n", "q"])
        #expect(loop.model.screen == .training)
        #expect(terminal.lastFrame?.text().contains("no surface view") == true)
    }

    @Test func theTimeLimitCoversBothViews() throws {
        var loop = AppLoop(model: AppModel(lesson: try bothViews(), startInTraining: true, width: 100, height: 30),
                           view: AppView(glyphs: .unicode))
        #expect(loop.model.screen == .training)
        let clock = ContinuousClock()
        let start = clock.now
        #expect(loop.run(on: HeadlessTerminal(width: 100, height: 30, events: [.key(.character("n"))]), for: .milliseconds(200)) == .timeUp)
        #expect(clock.now - start < .seconds(2))
        #expect(loop.model.screen == .surface)
    }

    @Test func trainingKeepsPlayingWhileTheSurfaceShowsAndResumesWhenBack() throws {
        var model = AppModel(lesson: try bothViews(), startInTraining: true, width: 100, height: 30)
        #expect(model.receive(.key(.character(" "))) == [.tick(after: TrainingState.frameInterval)])
        #expect(model.receive(.key(.character("n"))) == [.repaint])
        #expect(model.screen == .surface)
        #expect(model.receive(.tick(seconds: 0.1)).isEmpty)  // the surface is paused: ticks do nothing
        #expect(model.lesson?.training?.step == 0)
        #expect(model.receive(.key(.character("n"))) == [.repaint, .tick(after: TrainingState.frameInterval)])
        model.receive(.tick(seconds: 0.03))
        #expect(model.lesson?.training?.step == model.lesson?.training?.stepsPerFrame)
    }

    @Test func copiesOfTheModelShareNoTrainingState() throws {
        var model = AppModel(lesson: try bothViews(), startInTraining: true)
        let copy = model
        for _ in 0..<3 { model.receive(.key(.character("."))) }
        var again = copy
        for _ in 0..<3 { again.receive(.key(.character("."))) }
        let a = try #require(model.lesson?.training), b = try #require(again.lesson?.training)
        #expect(a.trainers.map(\.parameters) == b.trainers.map(\.parameters))
        #expect(copy.lesson?.training?.step == 0)
        #expect(copy.lesson?.training?.trainers.allSatisfy { $0.stepCount == 0 } == true)
    }

    @Test func signalsQuitWithTheirNumber() throws {
        var model = AppModel(lesson: try bothViews())
        #expect(model.receive(.signal(3)) == [.interrupted(signal: 3)])
    }
}
