import DescentCore
import DescentRender
import Testing
@testable import DescentTUI

/// Two optimizers (sgd at η = 0.1, adam at η = 0.01) on 200 moons with a 2-8-2 net, batch 16.
func trainingSetup(evaluateEvery: Int = 5, epochs: Int? = nil, walk: WalkSettings = .off, dataset: SyntheticDataset = .moons) throws -> TrainingSetup {
    let data = try dataset.generate(count: 200, seed: 1).split(validationFraction: 0.25, seed: 1)
    let problem = try TrainingProblem(net: try MLP(widths: [2, 8, dataset.classCount], activation: .tanh), loss: .crossEntropy, data: data)
    let theta0 = problem.initialParameters(.glorot, seed: 2)
    let trainers = try ["sgd(lr=0.1)", "adam(lr=0.01)"].map { spec in
        let configured = try Registry.builtin.optimizer(spec)
        return Trainer(label: configured.spec, problem: problem, optimizer: configured.optimizer,
                       initialParameters: theta0, batchSize: 16, seed: 3, walk: walk)
    }
    return TrainingSetup(trainers: trainers, evaluateEvery: evaluateEvery, epochs: epochs, registry: .builtin)
}

func trainingState(evaluateEvery: Int = 5, epochs: Int? = nil) throws -> TrainingState {
    TrainingState(setup: try trainingSetup(evaluateEvery: evaluateEvery, epochs: epochs))
}

/// The training view: its state, keymap, composer and loop.
@Suite struct TrainingViewTests {
    @Test func stepOnceAdvancesEveryTrainerByOneStep() throws {
        var state = try trainingState()
        state.apply(.stepForward)
        #expect(state.trainers.map(\.stepCount) == [1, 1])
        #expect(state.step == 1)
        state.apply(.stepForward)
        #expect(state.trainers.map(\.stepCount) == [2, 2])
    }

    @Test func evaluationsComeEveryEvaluateEverySteps() throws {
        var state = try trainingState(evaluateEvery: 5)
        for _ in 0..<12 { state.apply(.stepForward) }
        #expect(state.history.map { $0.map(\.step) } == [[0, 5, 10], [0, 5, 10]])
    }

    @Test func pointsStayEvenlySpacedAndBoundedOnALongRun() throws {
        var state = try trainingState(evaluateEvery: 1)
        let steps = TrainingState.pointLimit + 3
        for _ in 0..<steps { state.apply(.stepForward) }
        #expect(state.pointStride == 2)
        for points in state.history {
            #expect(points.count <= TrainingState.pointLimit)
            #expect(points.dropLast().allSatisfy { $0.step % 2 == 0 }, "every kept point on the stride")
            #expect(points.last?.step == steps, "the latest evaluation is always shown")
        }
    }

    @Test func pointsCarryTheWalkMeasurementsOfTheirTrainer() throws {
        var state = TrainingState(setup: try trainingSetup(evaluateEvery: 4, walk: WalkSettings(every: 4, segmentPieces: 4, powerIterations: 3)))
        for _ in 0..<8 { state.apply(.stepForward) }
        for (trainer, points) in zip(state.trainers, state.history) {
            let point = try #require(points.last)
            // The mean of the cosines of steps 4…7 (the records since the previous point).
            let cosines = trainer.history[4..<8].compactMap(\.gradientCosine)
            #expect(abs(point.gradientCosine - cosines.reduce(0, +) / Double(cosines.count)) < 1e-15)
            #expect((-1...1).contains(point.gradientCosine))
            #expect(point.distanceFromStart == trainer.history[7].distanceFromStart)
            #expect(point.sharpness == trainer.profiles.last?.sharpness)
            #expect(point.heightAboveFloor == trainer.profiles.last?.heightAfter)
            #expect(point.barriersCrossed == trainer.barriersCrossed)
            #expect(points[0].gradientCosine.isNaN && points[0].sharpness.isNaN)
        }
    }

    @Test func framesStepOnlyWhilePlaying() throws {
        var state = try trainingState()
        state.tick()
        #expect(state.step == 0)
        state.apply(.togglePlay)
        state.tick()
        #expect(state.step == state.stepsPerFrame)
    }

    @Test func learningRateKeysChangeOnlyTheSelectedTrainer() throws {
        var state = try trainingState()
        state.apply(.scaleLearningRate(up: true))
        #expect(abs(state.trainers[0].learningRate - 0.15) < 1e-12)
        #expect(state.trainers[1].learningRate == 0.01)
        state.apply(.selectNext)
        state.apply(.scaleLearningRate(up: false))
        #expect(abs(state.trainers[1].learningRate - 0.01 / 1.5) < 1e-15)
        #expect(abs(state.trainers[0].learningRate - 0.15) < 1e-12)
        state.apply(.selectNext)
        #expect(state.selected == 0)
    }

    @Test func batchKeysHalveAndDoubleTheSelectedBatchWithinOneToTheTrainingSet() throws {
        var state = try trainingState()
        state.apply(.scaleBatch(up: false))
        #expect(state.trainers.map(\.batchSize) == [8, 16])
        for _ in 0..<5 { state.apply(.scaleBatch(up: false)) }
        #expect(state.trainers[0].batchSize == 1)
        #expect(state.notice == "batch size is already 1")
        state.apply(.selectNext)
        for _ in 0..<5 { state.apply(.scaleBatch(up: true)) }
        #expect(state.trainers[1].batchSize == 150)  // the 150 training samples: gradient descent
        #expect(state.notice?.contains("full batch") == true)
        state.apply(.stepForward)
        #expect(state.trainers[1].completedEpochs == 1)
        let text = TrainingComposer(glyphs: .unicode, hasColors: true).compose(state, width: 120, height: 40).text()
        #expect(text.contains("full"))
    }

    @Test func panelsCycleAndSkipTheBoundaryForDataThatAreNotPlanar() throws {
        var state = try trainingState()
        #expect(state.panel == .curves)
        state.apply(.nextPanel)
        #expect(state.panel == .walk)
        state.apply(.nextPanel)
        #expect(state.panel == .boundary)
        state.apply(.nextPanel)
        #expect(state.panel == .curves)

        let data = try Dataset(features: (0..<60).map { Double($0 % 7) }, labels: (0..<20).map { $0 % 2 }, featureCount: 3, classCount: 2)
        let problem = try TrainingProblem(net: try MLP("3-4-2", activation: .tanh), loss: .crossEntropy,
                                          data: try data.split(validationFraction: 0.25, seed: 0))
        let trainer = Trainer(label: "sgd", problem: problem, optimizer: try Registry.builtin.optimizer("sgd").optimizer,
                              initialParameters: problem.initialParameters(.glorot, seed: 1), batchSize: 4, seed: 2)
        var flat = TrainingState(setup: TrainingSetup(trainers: [trainer], registry: .builtin))
        #expect(flat.panels == [.curves, .walk])
        flat.apply(.nextPanel)
        flat.apply(.nextPanel)
        #expect(flat.panel == .curves)
    }

    @Test func switchViewNeedsASurfaceView() throws {
        var state = try trainingState()
        #expect(state.apply(.switchView).isEmpty)
        #expect(state.notice?.contains("no surface view") == true)
        state.canSwitchView = true
        #expect(state.apply(.switchView) == [.switchView])
        #expect(state.notice == nil)
    }

    @Test func playbackPausesAtTheEpochHorizonAndPlaysOnForAsManyMore() throws {
        var state = try trainingState(epochs: 1)
        state.apply(.togglePlay)
        for _ in 0..<20 where state.isPlaying { state.tick() }
        #expect(!state.isPlaying)
        #expect(state.epoch == 1)
        #expect(state.step == 10)  // ⌈150 / 16⌉ steps per epoch
        #expect(state.notice == "epoch 1 reached: space trains on")
        state.apply(.togglePlay)
        #expect(state.epochHorizon == 2)
        for _ in 0..<20 where state.isPlaying { state.tick() }
        #expect(state.epoch == 2 && state.step == 20)
    }

    @Test func notesCaptionByEpochAndPauseWhereMarked() throws {
        var setup = try trainingSetup()
        setup.notes = [TrainingNote(epoch: 0, text: "first words"), TrainingNote(epoch: 2, text: "second words", pause: true)]
        var state = TrainingState(setup: setup)
        #expect(state.caption?.text == "first words")
        state.apply(.togglePlay)
        for _ in 0..<40 where state.isPlaying { state.tick() }
        #expect(state.epoch == 2)
        #expect(state.caption?.text == "second words")
        #expect(state.notice == "paused at a note: space plays on")
        let text = TrainingComposer(glyphs: .unicode, hasColors: true).compose(state, width: 120, height: 40).text()
        #expect(text.contains("second words"))
    }

    @Test func keymapMapsTheDocumentedKeys() {
        let expected: [(Key, Action)] = [
            (.character(" "), .togglePlay), (.character("."), .stepForward), (.character("u"), .scaleLearningRate(up: true)),
            (.character("d"), .scaleLearningRate(up: false)), (.character("b"), .scaleBatch(up: false)),
            (.character("B"), .scaleBatch(up: true)), (.tab, .selectNext), (.character("v"), .nextPanel),
            (.character("n"), .switchView), (.character("q"), .back), (.ctrl("c"), .quit),
            (.character("e"), .editSpec(restart: false)), (.character("E"), .editSpec(restart: true)),
            (.character("a"), .addOptimizer), (.character("x"), .removeOptimizer),
        ]
        for (key, action) in expected { #expect(Keymap.action(for: key, in: .training) == action) }
        #expect(Keymap.action(for: .character("y"), in: .training) == nil)
        // A signal quits the training view like any screen (exit status 128 + signal).
        var model = AppModel(lesson: LessonContent(race: nil, training: try? trainingSetup()))
        #expect(model.receive(.signal(2)) == [.interrupted(signal: 2)])
    }

    @Test func composerShowsLegendChartsAndStatus() throws {
        var state = try trainingState()
        state.apply(.stepForward)
        let text = TrainingComposer(glyphs: .unicode, hasColors: true).compose(state, width: 120, height: 40).text()
        for label in ["sgd", "adam", "train loss", "val loss", "val acc", "lr", "batch"] { #expect(text.contains(label)) }
        for title in TrainingComposer.chartTitles { #expect(text.contains(title)) }
        #expect(text.contains("epoch 0"))
        #expect(text.contains("step 1"))
        #expect(text.contains("paused"))
        #expect(!text.contains("surface"))  // no surface view: no hint for n
    }

    @Test func walkPanelShowsItsFourCharts() throws {
        var state = TrainingState(setup: try trainingSetup(walk: WalkSettings(every: 5, segmentPieces: 4, powerIterations: 3)))
        for _ in 0..<20 { state.apply(.stepForward) }
        state.apply(.nextPanel)
        let text = TrainingComposer(glyphs: .unicode, hasColors: true).compose(state, width: 120, height: 40).text()
        for title in TrainingComposer.walkTitles { #expect(text.contains(title)) }
        #expect(text.contains("barriers crossed: \(state.trainers[0].barriersCrossed), \(state.trainers[1].barriersCrossed)"))
    }

    @Test func boundaryPanelDrawsRegionsAndSamplesOfTheSelectedOptimizer() throws {
        var state = try trainingState()
        for _ in 0..<30 { state.apply(.stepForward) }
        state.apply(.selectNext)
        state.apply(.nextPanel)
        state.apply(.nextPanel)
        let buffer = TrainingComposer(glyphs: .unicode, hasColors: true).compose(state, width: 100, height: 40)
        let text = buffer.text()
        #expect(text.contains("decision boundary: adam(lr=0.01), train acc"))
        #expect(text.contains("●") && text.contains("▲"))  // both classes' markers
        #expect(text.contains("▀"))                        // the half-block regions
        let ascii = TrainingComposer(glyphs: .ascii, hasColors: false).compose(state, width: 100, height: 40).text()
        #expect(ascii.contains("o") && ascii.contains("x"))
        #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func wideTerminalsKeepTheBoundaryBesideTheCurves() throws {
        let state = try trainingState()
        let composer = TrainingComposer(glyphs: .unicode, hasColors: true)
        #expect(composer.compose(state, width: TrainingComposer.sideMapMinimumWidth, height: 40).text().contains("decision boundary"))
        #expect(!composer.compose(state, width: TrainingComposer.sideMapMinimumWidth - 1, height: 40).text().contains("decision boundary"))
    }

    @Test func helpListsEveryKeyOfTheKeymap() throws {
        var state = try trainingState()
        state.apply(.toggleHelp)
        let text = TrainingComposer(glyphs: .unicode, hasColors: false).compose(state, width: 120, height: 40).text()
        for binding in Keymap.bindings(in: .training) { #expect(text.contains(binding.summary)) }
    }

    @Test func everyLayoutSizeDrawsWithoutCrashing() throws {
        var state = try trainingState()
        for _ in 0..<12 { state.apply(.stepForward) }
        for panel in TrainingPanel.allCases {
            while state.panel != panel { state.apply(.nextPanel) }
            for (width, height) in [(0, 0), (1, 1), (39, 11), (40, 12), (60, 15), (89, 24), (90, 24), (200, 60)] {
                let buffer = TrainingComposer(glyphs: .unicode, hasColors: true).compose(state, width: width, height: height)
                #expect(buffer.width == width && buffer.height == height)
            }
        }
    }

    @Test func tinyTerminalShowsTheEnlargeMessage() throws {
        let buffer = TrainingComposer(glyphs: .unicode, hasColors: true).compose(try trainingState(), width: 30, height: 8)
        #expect(buffer.text().contains("enlarge"))
        #expect(!buffer.text().contains("train loss"))
    }

    /// The app's loop on the training view alone (`descent train-view`).
    private func trainingLoop() throws -> AppLoop {
        AppLoop(model: AppModel(lesson: LessonContent(race: nil, training: try trainingSetup()), width: 100, height: 30),
                view: AppView(glyphs: .unicode, hasColors: true))
    }

    @Test func loopOnHeadlessTerminalPlaysAndQuits() throws {
        let terminal = HeadlessTerminal(width: 100, height: 30, events: [.key(.character(" ")), .key(.character("q"))])
        var loop = try trainingLoop()
        #expect(loop.run(on: terminal) == .quit)
        #expect(loop.model.lesson?.training?.isPlaying == true)
        #expect(terminal.framesPresented == 2)  // the first frame and the one after space
    }

    @Test func loopPlaysWithRealTimeAtMostThirtyFramesPerSecond() throws {
        let terminal = HeadlessTerminal(width: 100, height: 30, events: [.key(.character(" "))])
        var loop = try trainingLoop()
        #expect(loop.run(on: terminal, for: .milliseconds(300)) == .timeUp)
        #expect((loop.model.lesson?.training?.step ?? 0) > 0)
        #expect(terminal.framesPresented <= 2 + 10)  // first frame, space, and ≤ 30 frames/s
    }
}

/// Stacked curves show as many charts as get a plot (the first ones), never a title alone: at
/// 80 × 14 the validation accuracy is left out (the legend has it), at 80 × 24 all three show.
@Test func stackedCurvesShowOnlyChartsThatGetAPlot() throws {
    let state = try trainingState()
    for (height, accuracy) in [(14, false), (24, true)] {
        let lines = TrainingComposer(glyphs: .unicode, hasColors: true).compose(state, width: 80, height: height).text()
            .split(separator: "\n", omittingEmptySubsequences: false)
        for title in TrainingComposer.chartTitles {
            guard let row = lines.firstIndex(where: { $0.contains(title) && !$0.contains("optimizer") }) else {
                #expect(title == TrainingComposer.chartTitles[2] && !accuracy, "\(title) missing at 80x\(height)")
                continue
            }
            #expect(title != TrainingComposer.chartTitles[2] || accuracy, "\(title) shown at 80x\(height)")
            // Under the title: a y-axis tick (┤) within the chart's rows.
            #expect(lines[(row + 1)...].prefix(3).contains { $0.contains("┤") }, "\(title) has no plot at 80x\(height):\n\(lines.joined(separator: "\n"))")
        }
    }
}

/// `G` / End trains every optimizer on to the epoch horizon at once and stops there, past the
/// pausing notes; with no horizon ahead it only says so.
@Test func endTrainsOnToTheEpochHorizon() throws {
    var state = try trainingState(epochs: 3)
    let perEpoch = state.trainers[0].sampler.stepsPerEpoch
    state.apply(.stepForward)
    state.apply(.jumpToEnd)
    #expect(state.epoch == 3 && !state.isPlaying)
    #expect(state.trainers.allSatisfy { $0.stepCount == 3 * perEpoch })
    #expect(state.boundaryParameters == state.trainers.map(\.parameters))
    #expect(state.notice == "epoch 3 reached: space trains on")
    state.apply(.jumpToEnd)
    #expect(state.trainers.allSatisfy { $0.stepCount == 3 * perEpoch })
    #expect(state.notice == "no epoch horizon ahead: space trains on")
    var open = try trainingState()
    open.apply(.jumpToEnd)
    #expect(open.step == 0 && open.notice == "no epoch horizon ahead: space trains on")
}
