import Testing
@testable import DescentCore

/// The training engine end to end: data sets, minibatch order, trainers, accuracy, determinism.
@Suite struct TrainingTests {
    /// A problem on a synthetic set: `count` samples split 80/20.
    static func problem(_ set: SyntheticDataset, count: Int, net: String, activation: Activation = .tanh,
                        loss: LossFunction = .crossEntropy, seed: UInt64 = 0) throws -> TrainingProblem {
        let data = try set.generate(count: count, seed: seed).split(validationFraction: 0.2, seed: seed)
        return try TrainingProblem(net: MLP(net, activation: activation), loss: loss, data: data)
    }

    /// A trainer of `spec`, its initial weights drawn with seed + 1 and its minibatches with seed + 2.
    static func trainer(_ problem: TrainingProblem, _ spec: String, batch: Int, seed: UInt64 = 0, walk: WalkSettings = .off) throws -> Trainer {
        let optimizer = try Registry.builtin.optimizer(spec, seed: seed).optimizer
        let theta0 = problem.initialParameters(.standard(for: problem.net.activation), seed: seed &+ 1)
        return Trainer(label: spec, problem: problem, optimizer: optimizer, initialParameters: theta0,
                       batchSize: batch, seed: seed &+ 2, walk: walk)
    }

    @Test func parameterLayoutIsPerLayerWeightsThenBiases() throws {
        let net = try MLP("2-3-1", activation: .relu)
        #expect(net.parameterCount == 2 * 3 + 3 + 3 * 1 + 1)
        #expect(net.layers.map(\.weightOffset) == [0, 9])
        #expect(net.layers.map(\.biasOffset) == [6, 12])
        #expect(throws: TrainingError.self) { try MLP("2-x-1", activation: .relu) }
        #expect(throws: TrainingError.self) { try MLP("2", activation: .relu) }
        #expect(throws: TrainingError.self) { try MLP("2-0-1", activation: .relu) }
    }

    @Test func initialisationHasTheDocumentedScale() throws {
        let net = try MLP(widths: [400, 300], activation: .relu)
        let he = net.initialParameters(.he, seed: 1)
        let weights = he[0..<(400 * 300)]
        let variance = weights.reduce(0) { $0 + $1 * $1 } / Double(weights.count)
        #expect(abs(variance - 2.0 / 400) < 0.02 * 2.0 / 400)
        #expect(he[(400 * 300)...].allSatisfy { $0 == 0 })
        let bound = (6.0 / 700).squareRoot()
        let glorot = net.initialParameters(.glorot, seed: 1)[0..<(400 * 300)]
        #expect(glorot.allSatisfy { abs($0) <= bound } && glorot.contains { abs($0) > 0.99 * bound })
    }

    @Test(arguments: SyntheticDataset.allCases)
    func syntheticSetsAreSeededBalancedAndSplit(set: SyntheticDataset) throws {
        let a = set.generate(count: 300, seed: 4), b = set.generate(count: 300, seed: 4)
        let c = set.generate(count: 300, seed: 5)
        #expect(a == b && a != c)
        #expect(a.featureCount == 2 && a.count == 300 && a.features.allSatisfy(\.isFinite))
        for k in 0..<set.classCount { #expect(a.labels.filter { $0 == k }.count == 300 / set.classCount) }
        let split = try a.split(validationFraction: 0.2, seed: 1)
        #expect(split.train.count == 240 && split.validation.count == 60)
        let all = (split.train.features + split.validation.features).sorted()
        #expect(all == a.features.sorted())
    }

    @Test func checkerboardAndXorLabelsFollowTheirRules() {
        let board = SyntheticDataset.checkerboard.generate(count: 200, noise: 0, seed: 2)
        let xor = SyntheticDataset.xor.generate(count: 200, noise: 0, seed: 2)
        for i in 0..<200 {
            let (x, y) = (board.features[2 * i], board.features[2 * i + 1])
            #expect(board.labels[i] == (Int(x.rounded(.down)) + Int(y.rounded(.down)) + 4) % 2)
            #expect(xor.labels[i] == (xor.features[2 * i] * xor.features[2 * i + 1] > 0 ? 0 : 1))
        }
    }

    @Test func minibatchesCoverEachEpochOnceAndReshuffle() {
        var order = MinibatchOrder(sampleCount: 10, batchSize: 4, seed: 3)
        #expect(order.stepsPerEpoch == 3)
        var epochs: [[Int]] = []
        for _ in 0..<3 {
            var seen: [Int] = []
            for expectedSize in [4, 4, 2] {
                let batch = order.nextBatch()
                #expect(batch.count == expectedSize)
                seen += batch
            }
            #expect(order.completedEpochs == epochs.count + 1)
            #expect(seen.sorted() == Array(0..<10))
            epochs.append(seen)
        }
        #expect(epochs[0] != epochs[1] && epochs[1] != epochs[2])
        var full = MinibatchOrder(sampleCount: 10, batchSize: 50, seed: 3)
        let batch = full.nextBatch()
        #expect(batch.count == 10 && full.completedEpochs == 1)
    }

    @Test func adamLearnsMoons() throws {
        let problem = try Self.problem(.moons, count: 500, net: "2-16-16-2")
        var trainer = try Self.trainer(problem, "adam(lr=0.01)", batch: 32)
        trainer.train(epochs: 40)
        let score = trainer.evaluate()
        #expect(score.validation.accuracy >= 0.95, "validation accuracy \(score.validation.accuracy)")
        #expect(score.train.loss < 0.1)
    }

    @Test func adamLearnsSpirals() throws {
        let problem = try Self.problem(.spirals, count: 600, net: "2-32-32-2")
        var trainer = try Self.trainer(problem, "adam(lr=0.01)", batch: 32)
        trainer.train(epochs: 100)
        let score = trainer.evaluate()
        #expect(score.validation.accuracy >= 0.95, "validation accuracy \(score.validation.accuracy)")
    }

    @Test func sameSeedGivesTheSameCurvesAndOptimizersShareTheOrder() throws {
        let problem = try Self.problem(.circles, count: 200, net: "2-8-2", activation: .gelu)
        var a = try Self.trainer(problem, "sgd(lr=0.1, momentum=0.9)", batch: 16)
        var b = try Self.trainer(problem, "sgd(lr=0.1, momentum=0.9)", batch: 16)
        var c = try Self.trainer(problem, "adam(lr=0.01)", batch: 16)
        for _ in 0..<30 {
            a.step()
            b.step()
            c.step()
            #expect(a.sampler == c.sampler)
        }
        #expect(a.history == b.history && a.parameters == b.parameters)
        #expect(a.evaluate() == b.evaluate())
        #expect(a.initialParameters == c.initialParameters && a.parameters != c.parameters)
        // 160 training samples in batches of 16: step 29 is in epoch 2.
        #expect(a.history.last?.epoch == 2)
        var other = try Self.trainer(problem, "sgd(lr=0.1, momentum=0.9)", batch: 16, seed: 1)
        other.step()
        #expect(other.history[0] != a.history[0])
    }

    @Test func fullBatchStepsAreGradientDescent() throws {
        let problem = try Self.problem(.xor, count: 50, net: "2-4-2")
        var trainer = try Self.trainer(problem, "sgd(lr=0.5)", batch: 1000)
        var gradient: [Double] = []
        let loss = problem.lossAndGradient(trainer.parameters, on: problem.data.train, gradient: &gradient)
        let expected = zip(trainer.parameters, gradient).map { $0 - 0.5 * $1 }
        trainer.step()
        #expect(trainer.completedEpochs == 1)
        #expect(abs(trainer.history[0].minibatchLoss - loss) < 1e-12)
        for (x, e) in zip(trainer.parameters, expected) { #expect(abs(x - e) < 1e-12) }
    }

    @Test func divergenceStopsTrainingAtTheLastFiniteIterate() throws {
        let problem = try Self.problem(.blobs, count: 90, net: "2-8-3", activation: .relu, loss: .meanSquaredError)
        var trainer = try Self.trainer(problem, "sgd(lr=1e6)", batch: 8)
        for _ in 0..<200 { trainer.step() }
        let at = try #require(trainer.divergedAt)
        #expect(trainer.stepCount <= at && trainer.parameters.allSatisfy(\.isFinite))
        let stepped = trainer.step()
        #expect(!stepped)
    }

    @Test func liveBatchSizeAndLearningRateChangesApply() throws {
        let problem = try Self.problem(.moons, count: 100, net: "2-4-2")
        var trainer = try Self.trainer(problem, "sgd(lr=0.1)", batch: 8)
        trainer.step()
        trainer.batchSize = 80
        trainer.learningRate = 0.05
        trainer.step()
        #expect(trainer.sampler.position == 80)
        #expect(trainer.history[1].learningRate == 0.05)
    }

    @Test func mismatchedNetsAndDataAreRejected() throws {
        let blobs = try SyntheticDataset.blobs.generate(count: 30, seed: 0).split(validationFraction: 0.2, seed: 0)
        let moons = try SyntheticDataset.moons.generate(count: 30, seed: 0).split(validationFraction: 0.2, seed: 0)
        let wrongInputs = try MLP("3-4-3", activation: .tanh), twoOutputs = try MLP("2-4-2", activation: .tanh)
        let oneOutput = try MLP("2-4-1", activation: .tanh)
        #expect(throws: TrainingError.self) { try TrainingProblem(net: wrongInputs, loss: .crossEntropy, data: blobs) }
        #expect(throws: TrainingError.self) { try TrainingProblem(net: twoOutputs, loss: .crossEntropy, data: blobs) }
        #expect(throws: TrainingError.self) { try TrainingProblem(net: oneOutput, loss: .crossEntropy, data: moons) }
        #expect(throws: Never.self) { try TrainingProblem(net: oneOutput, loss: .binaryCrossEntropy, data: moons) }
    }
}
