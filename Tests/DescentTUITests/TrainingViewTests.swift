import DescentCore
import DescentRender
import Testing
@testable import DescentTUI

/// Two optimizers (sgd at η = 0.1, adam at η = 0.01) on 200 moons with a 2-8-2 net.
private func trainingState(evaluateEvery: Int = 5) throws -> TrainingState {
    let data = try SyntheticDataset.moons.generate(count: 200, seed: 1).split(validationFraction: 0.25, seed: 1)
    let problem = try TrainingProblem(net: try MLP("2-8-2", activation: .tanh), loss: .crossEntropy, data: data)
    let theta0 = problem.initialParameters(.glorot, seed: 2)
    let trainers = try ["sgd(lr=0.1)", "adam(lr=0.01)"].map { spec in
        let configured = try Registry.builtin.optimizer(spec)
        return Trainer(label: configured.spec, problem: problem, optimizer: configured.optimizer,
                       initialParameters: theta0, batchSize: 16, seed: 3)
    }
    return TrainingState(trainers: trainers, evaluateEvery: evaluateEvery)
}

/// The training view: its state, keymap, composer and loop.
@Suite struct TrainingViewTests {
    @Test func stepOnceAdvancesEveryTrainerByOneStep() throws {
        var state = try trainingState()
        state.apply(.stepOnce)
        #expect(state.trainers.map(\.stepCount) == [1, 1])
        #expect(state.step == 1)
        state.apply(.stepOnce)
        #expect(state.trainers.map(\.stepCount) == [2, 2])
    }

    @Test func evaluationsComeEveryEvaluateEverySteps() throws {
        var state = try trainingState(evaluateEvery: 5)
        for _ in 0..<12 { state.apply(.stepOnce) }
        #expect(state.history.map(\.count) == [3, 3])  // steps 0, 5 and 10
    }

    @Test func framesStepOnlyWhilePlaying() throws {
        var state = try trainingState()
        state.apply(.frame)
        #expect(state.step == 0)
        state.apply(.togglePlay)
        state.apply(.frame)
        #expect(state.step == state.stepsPerFrame)
    }

    @Test func learningRateKeysChangeOnlyTheSelectedTrainer() throws {
        var state = try trainingState()
        state.apply(.raiseLearningRate)
        #expect(abs(state.trainers[0].learningRate - 0.15) < 1e-12)
        #expect(state.trainers[1].learningRate == 0.01)
        state.apply(.selectNext)
        state.apply(.lowerLearningRate)
        #expect(abs(state.trainers[1].learningRate - 0.01 / 1.5) < 1e-15)
        #expect(abs(state.trainers[0].learningRate - 0.15) < 1e-12)
        state.apply(.selectNext)
        #expect(state.selected == 0)
    }

    @Test func keymapMapsTheDocumentedKeys() {
        #expect(TrainingKeymap.action(for: .key(.character(" "))) == .togglePlay)
        #expect(TrainingKeymap.action(for: .key(.character("."))) == .stepOnce)
        #expect(TrainingKeymap.action(for: .key(.character("u"))) == .raiseLearningRate)
        #expect(TrainingKeymap.action(for: .key(.character("d"))) == .lowerLearningRate)
        #expect(TrainingKeymap.action(for: .key(.tab)) == .selectNext)
        #expect(TrainingKeymap.action(for: .key(.character("q"))) == .quit)
        #expect(TrainingKeymap.action(for: .interrupt) == .quit)
        #expect(TrainingKeymap.action(for: .key(.character("x"))) == nil)
    }

    @Test func composerShowsLegendChartsAndStatus() throws {
        var state = try trainingState()
        state.apply(.stepOnce)
        let text = TrainingComposer(glyphs: .unicode, hasColors: true).compose(state, width: 120, height: 40).text()
        for label in ["sgd", "adam", "train loss", "val loss", "val acc", "lr"] { #expect(text.contains(label)) }
        for title in TrainingComposer.chartTitles { #expect(text.contains(title)) }
        #expect(text.contains("epoch 0"))
        #expect(text.contains("step 1"))
        #expect(text.contains("paused"))
    }

    @Test func helpListsEveryKeyOfTheKeymap() throws {
        var state = try trainingState()
        state.apply(.toggleHelp)
        let text = TrainingComposer(glyphs: .ascii, hasColors: false).compose(state, width: 120, height: 40).text()
        for binding in TrainingKeymap.bindings { #expect(text.contains(binding.summary)) }
    }

    @Test func tinyTerminalShowsTheEnlargeMessage() throws {
        let buffer = TrainingComposer(glyphs: .unicode, hasColors: true).compose(try trainingState(), width: 30, height: 8)
        #expect(buffer.text().contains("enlarge"))
        #expect(!buffer.text().contains("train loss"))
    }

    @Test func loopOnHeadlessTerminalPlaysAndQuits() throws {
        let terminal = HeadlessTerminal(width: 100, height: 30, events: [.key(.character(" ")), .key(.character("q"))])
        let final = runTraining(on: terminal, state: try trainingState(), composer: TrainingComposer(glyphs: .unicode, hasColors: true))
        #expect(final.isQuitting)
        #expect(final.isPlaying)
        #expect(terminal.framesPresented == 2)  // the first frame and the one after space
    }

    @Test func loopPlaysWithRealTimeAtMostThirtyFramesPerSecond() throws {
        let terminal = HeadlessTerminal(width: 100, height: 30, events: [.key(.character(" "))])
        let final = runTraining(on: terminal, state: try trainingState(), composer: TrainingComposer(glyphs: .unicode, hasColors: true),
                                for: .milliseconds(300))
        #expect(final.step > 0)
        #expect(terminal.framesPresented <= 2 + 10)  // first frame, space, and ≤ 30 frames/s
    }
}
