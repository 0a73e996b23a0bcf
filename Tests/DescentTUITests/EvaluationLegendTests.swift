import DescentCore
import DescentRender
import Testing
@testable import DescentTUI

/// The legends show L-BFGS's oracle evaluations so far after its label.
@Suite struct EvaluationLegendTests {
    @Test func surfaceLegendShowsTheEvaluationsByTheShownStep() throws {
        var state = try AppFixture.state(width: 200, height: 50, specs: ["lbfgs(lr=1)", "adam(lr=0.1)"])
        state.seek(toStep: 4)
        let run = state.lanes[0].run
        let atFour = try #require(run.functionEvaluations(atStep: 4))
        let text = FrameComposer(glyphs: .unicode).compose(state).text()
        #expect(text.contains("1 lbfgs(lr=1) \(atFour) evals"))
        #expect(!text.contains("adam(lr=0.1) 0 evals") && !text.contains("adam(lr=0.1) evals"))
        state.seek(toStep: 0)
        #expect(FrameComposer(glyphs: .unicode).compose(state).text().contains("1 lbfgs(lr=1) 0 evals"))
    }

    @Test func trainingLegendShowsTheEvaluationsSoFar() throws {
        var setup = try trainingSetup()
        let lbfgs = try Registry.builtin.optimizer("lbfgs(lr=0.5, max_iter=3)")
        let first = setup.trainers[0]
        setup.trainers.append(Trainer(label: lbfgs.spec, problem: first.problem, optimizer: lbfgs.optimizer,
                                      initialParameters: first.initialParameters, batchSize: 16, seed: 3))
        var state = TrainingState(setup: setup)
        for _ in 0..<2 { state.apply(.stepForward) }
        let count = try #require(state.trainers[2].optimizer.functionEvaluations)
        #expect(count >= 2)
        let text = TrainingComposer(glyphs: .unicode, hasColors: true).compose(state, width: 120, height: 40).text()
        #expect(text.contains("lbfgs(lr=0.5, max_iter=3) \(count) evals"))
        #expect(!text.contains("sgd(lr=0.1) 0 evals"))
    }
}
