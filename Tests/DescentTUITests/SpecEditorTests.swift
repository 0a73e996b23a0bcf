import DescentCore
import DescentRender
import Testing
@testable import DescentTUI

/// The live spec editor: `e`, `E`, `a`, `x` in the surface race and the training view, through
/// the app model's one update (keys typed go to the editor while it is open).
@Suite struct SpecEditorTests {
    private func model(_ specs: [String] = ["adam(lr=0.05)", "sgd(lr=0.001)"]) throws -> AppModel {
        AppModel(lesson: LessonContent(race: try AppFixture.setup(specs: specs), training: nil), width: 120, height: 40)
    }

    private func type(_ text: String, into model: inout AppModel) {
        for c in text { _ = model.receive(.key(.character(c))) }
    }

    private func surface(_ model: AppModel) throws -> SurfaceState { try #require(model.lesson?.surface) }

    @Test func eEditsFromTheShownStepKeepingTheHistoryBefore() throws {
        var model = try model()
        for _ in 0..<20 { _ = model.receive(.key(.character("."))) }
        let before = try surface(model)
        _ = model.receive(.key(.character("e")))
        #expect(model.isEditing)
        #expect(try surface(model).editor?.text == "adam(lr=0.05)")
        // Keys type while the editor is open: q does not quit, 3 does not hide a lane.
        for _ in 0..<3 { _ = model.receive(.key(.backspace)) }
        type("02, betas=(0.8, 0.99))", into: &model)
        #expect(try surface(model).editor?.text == "adam(lr=0.02, betas=(0.8, 0.99))")
        _ = model.receive(.key(.enter))
        let after = try surface(model)
        #expect(!model.isEditing)
        #expect(after.lanes[0].spec == "adam(lr=0.02, betas=(0.8, 0.99))")
        #expect(after.lanes[0].label == "adam(lr=0.02, betas=(0.8, 0.99))")
        #expect(after.step == 20 && after.lanes[0].run.count == 22)
        #expect(Array(after.lanes[0].run.points[0..<42]) == Array(before.lanes[0].run.points[0..<42]))
        #expect(after.lanes[0].run.point(21) != before.lanes[0].run.point(21))
        #expect(after.lanes[1].run.points == before.lanes[1].run.points)
        #expect(after.lanes[0].run.changes.map(\.step) == [20])
        // The same optimizer went on from its state (t = 21 steps of adam, not 1).
        let frame = FrameComposer(glyphs: .unicode).compose(after).text()
        #expect(frame.contains("adam(lr=0.02, betas=(0.8, 0.99))"))
    }

    @Test func anErrorStaysInTheLineAndNothingIsApplied() throws {
        var model = try model()
        _ = model.receive(.key(.character("e")))
        _ = model.receive(.key(.home))
        for _ in 0..<4 { _ = model.receive(.key(.delete)) }
        type("adamm", into: &model)
        _ = model.receive(.key(.enter))
        var state = try surface(model)
        #expect(model.isEditing)
        // The registry's message, cut to 200 characters for the line.
        #expect(state.editor?.error?.hasPrefix("column 1: unknown optimizer 'adamm'; did you mean 'adam' or 'adamw' or 'adamax'? valid: sgd, ") == true)
        #expect(state.editor?.error?.unicodeScalars.count == 201)  // 200 and the ellipsis
        #expect(state.lanes[0].spec == "adam(lr=0.05)")
        _ = model.receive(.key(.escape))
        state = try surface(model)
        #expect(!model.isEditing && state.editor == nil && state.lanes[0].spec == "adam(lr=0.05)")
    }

    @Test func capitalERestartsFromTheStart() throws {
        var model = try model()
        for _ in 0..<10 { _ = model.receive(.key(.character("."))) }
        let before = try surface(model)
        _ = model.receive(.key(.character("E")))
        for _ in 0..<5 { _ = model.receive(.key(.backspace)) }
        type("0.2)", into: &model)
        _ = model.receive(.key(.enter))
        let after = try surface(model)
        #expect(after.lanes[0].spec == "adam(lr=0.2)")
        #expect(after.lanes[0].run.changes.isEmpty)
        #expect(after.lanes[0].run.point(0) == before.lanes[0].run.point(0))
        #expect(after.lanes[0].run.point(1) != before.lanes[0].run.point(1))
        #expect(after.step == 10 && after.lanes[0].run.count == 12)
    }

    @Test func aAddsAnOptimizerAndXRemovesOneButNotTheLast() throws {
        var model = try model()
        for _ in 0..<5 { _ = model.receive(.key(.character("."))) }
        _ = model.receive(.key(.character("a")))
        type("nesterov(lr=0.001)", into: &model)
        _ = model.receive(.key(.enter))
        var state = try surface(model)
        #expect(state.lanes.map(\.spec) == ["adam(lr=0.05)", "sgd(lr=0.001)", "nesterov(lr=0.001)"])
        #expect(state.selected == 2 && state.lanes[2].run.count == 7)
        #expect(Set(state.lanes.map(\.color)).count == 3)
        #expect(state.notice == "added nesterov(lr=0.001), from the start")
        _ = model.receive(.key(.character("x")))
        _ = model.receive(.key(.character("x")))
        state = try surface(model)
        #expect(state.lanes.map(\.spec) == ["adam(lr=0.05)"])
        _ = model.receive(.key(.character("x")))
        state = try surface(model)
        #expect(state.lanes.count == 1)
        #expect(state.notice == "the last optimizer stays: add another (a) before removing it")
        // r brings back the race as it began.
        _ = model.receive(.key(.character("r")))
        #expect(try surface(model).lanes.map(\.spec) == ["adam(lr=0.05)", "sgd(lr=0.001)"])
    }

    @Test func theLegendShowsTheSpecInForceAfterU() throws {
        var model = try model()
        _ = model.receive(.key(.character("u")))
        let state = try surface(model)
        // The spec in force has every digit of η·1.5; the legend rounds it for reading.
        #expect(state.lanes[0].spec == "adam(lr=\(formatNumber(0.05 * 1.5)))")
        #expect(state.lanes[0].learningRate == 0.05 * 1.5)
        #expect(state.lanes[0].label == "adam(lr=0.075)")
        #expect(FrameComposer(glyphs: .unicode).compose(state).text().contains("1 adam(lr=0.075)"))
    }

    @Test func momentumCyclingIsCheckedLikeTheCommandLine() throws {
        var setup = try AppFixture.setup(specs: ["sgd(lr=0.01)"])
        setup.schedule = try Registry.builtin.schedule("one_cycle(max_lr=0.1, total_steps=100)")
        var state = SurfaceState(setup: setup, width: 120, height: 40)
        _ = state.apply(.addOptimizer)
        for c in "adagrad" { _ = state.apply(.editorInsert(c)) }
        _ = state.apply(.editorSubmit)
        #expect(state.editor?.error == "adagrad has neither momentum nor betas for the schedule to cycle; add cycle_momentum=false to the schedule")
        #expect(state.lanes.count == 1)
    }

    /// Hogwild! typed into a race on a plain surface is refused in the line, as on the command
    /// line (nothing added or changed); in a race on a finite sum it is added.
    @Test func hogwildNeedsAFiniteSumInTheEditorToo() throws {
        var state = SurfaceState(setup: try AppFixture.setup(specs: ["sgd(lr=0.01)"]), width: 120, height: 40)
        for action in [Action.addOptimizer, .editSpec(restart: false)] {
            _ = state.apply(action)
            while state.editor?.text.isEmpty == false { _ = state.apply(.editorBackspace) }
            for c in "hogwild" { _ = state.apply(.editorInsert(c)) }
            _ = state.apply(.editorSubmit)
            #expect(state.editor?.error?.hasPrefix("hogwild needs [data]") == true, "\(state.editor?.error ?? "none")")
            #expect(state.lanes.count == 1 && state.lanes[0].spec == "sgd(lr=0.01)")
            _ = state.apply(.editorCancel)
        }
        var sum = try AppFixture.setup(specs: ["sgd(lr=0.01)"])
        sum.surface = try Registry.builtin.surface("sparse_least_squares")
        state = SurfaceState(setup: sum, width: 120, height: 40)
        _ = state.apply(.addOptimizer)
        for c in "hogwild" { _ = state.apply(.editorInsert(c)) }
        _ = state.apply(.editorSubmit)
        #expect(state.editor == nil && state.lanes.count == 2 && state.lanes[1].spec == "hogwild")
    }

    /// The editor line at the bottom of an 80-column frame, then with an error (snapshots).
    @Test func theEditorLineAndItsErrorAsDrawn() throws {
        var state = try AppFixture.state(width: 80, height: 24, specs: ["adam(lr=0.05)"])
        _ = state.apply(.editSpec(restart: false))
        _ = state.apply(.editorMove(-1))
        var frame = FrameComposer(glyphs: .unicode).compose(state)
        #expect(frame.line(23) == "edit (Enter: from this step) ▸ adam(lr=0.05)" + String(repeating: " ", count: 36))
        // The cursor (on the ')') in reverse video, nothing else.
        #expect((0..<80).filter { frame[$0, 23].style.attributes.contains(.reverse) } == [43])
        #expect(frame[43, 23].scalar == ")")
        _ = state.apply(.editorInsert("\u{1b}"))
        _ = state.apply(.editorInsert("x"))
        _ = state.apply(.editorSubmit)
        frame = FrameComposer(glyphs: .unicode).compose(state)
        #expect(frame.line(23) == "edit (Enter: from this step) ▸ adam(lr=0.05x)   ✖ column 13: expected ',' or ')…")
        frame = FrameComposer(glyphs: .ascii).compose(state)
        #expect(frame.line(23).hasPrefix("edit (Enter: from this step) > adam(lr=0.05x)   X column 13"))
    }

    @Test func theTrainingViewEditsAddsAndRemoves() throws {
        var state = try trainingState(evaluateEvery: 5)
        for _ in 0..<10 { state.apply(.stepForward) }
        let before = state
        state.apply(.editSpec(restart: false))
        #expect(state.editor?.text == "sgd(lr=0.1)")
        for _ in 0..<4 { state.apply(.editorBackspace) }
        for c in "0.05, momentum=0.9)" { state.apply(.editorInsert(c)) }
        state.apply(.editorSubmit)
        #expect(state.editor == nil)
        #expect(state.specs[0] == "sgd(lr=0.05, momentum=0.9)" && state.trainers[0].label == "sgd(lr=0.05, momentum=0.9)")
        // sgd → sgd: configured into the running trainer, θ and the step count go on.
        #expect(state.trainers[0].parameters == before.trainers[0].parameters)
        #expect(state.trainers[0].learningRate == 0.05)
        state.apply(.addOptimizer)
        for c in "rmsprop(lr=0.01)" { state.apply(.editorInsert(c)) }
        state.apply(.editorSubmit)
        #expect(state.trainers.count == 3 && state.trainers[2].stepCount == 10)
        #expect(state.history[2].map(\.step) == [0, 5, 10])
        #expect(state.boundaryParameters.count == 3 && state.boundaryParameters[2] == state.trainers[2].parameters)
        state.apply(.stepForward)
        #expect(state.trainers.map(\.stepCount) == [11, 11, 11])
        state.apply(.scaleLearningRate(up: true))
        #expect(state.specs[2] == "rmsprop(lr=\(formatNumber(0.01 * 1.5)))")
        state.apply(.removeOptimizer)
        #expect(state.specs == ["sgd(lr=0.05, momentum=0.9)", "adam(lr=0.01)"])
        #expect(state.boundaryParameters.count == 2)
        let text = TrainingComposer(glyphs: .unicode, hasColors: true).compose(state, width: 120, height: 40).text()
        #expect(text.contains("sgd(lr=0.05, momentum=0.9)"))
    }
}
