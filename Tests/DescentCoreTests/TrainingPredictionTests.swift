import RealModule
import Testing
@testable import DescentCore

/// `Trainer.predictions(at:)`: classes as accuracy counts them, confidences as documented in
/// ``ClassPrediction``, for every loss and for more points than the evaluator holds at once.
@Suite struct TrainingPredictionTests {
    /// A loss with a net of `outputs` outputs on a set of `set.classCount` classes.
    struct Head: Sendable, CustomTestStringConvertible {
        var loss: LossFunction
        var set: SyntheticDataset
        var outputs: Int
        var testDescription: String { "\(loss.rawValue), \(set.classCount) classes, \(outputs) output(s)" }
    }

    static let heads = [
        Head(loss: .crossEntropy, set: .moons, outputs: 2), Head(loss: .crossEntropy, set: .blobs, outputs: 3),
        Head(loss: .binaryCrossEntropy, set: .moons, outputs: 1), Head(loss: .binaryCrossEntropy, set: .moons, outputs: 2),
        Head(loss: .binaryCrossEntropy, set: .blobs, outputs: 3),
        Head(loss: .meanSquaredError, set: .moons, outputs: 1), Head(loss: .meanSquaredError, set: .moons, outputs: 2),
        Head(loss: .meanSquaredError, set: .blobs, outputs: 3),
    ]

    /// A 2-9-5-K tanh net trained a little with Adam on minibatches of 16, so that the evaluator
    /// holds 64 rows and the 400 training samples take seven chunks.
    static func trainedTrainer(_ head: Head) throws -> Trainer {
        let data = try head.set.generate(count: 500, seed: 7).split(validationFraction: 0.2, seed: 7)
        let problem = try TrainingProblem(net: MLP(widths: [2, 9, 5, head.outputs], activation: .tanh), loss: head.loss, data: data)
        var trainer = Trainer(label: "adam", problem: problem, optimizer: Adam(lr: 0.02),
                              initialParameters: problem.initialParameters(.glorot, seed: 3), batchSize: 16, seed: 5)
        for _ in 0..<60 { trainer.step() }
        return trainer
    }

    @Test(arguments: heads)
    func predictedClassesGiveTheScoredAccuracy(head: Head) throws {
        let trainer = try Self.trainedTrainer(head)
        let train = trainer.problem.data.train
        #expect(train.count > 6 * trainer.engine.evaluator.capacity)
        let predictions = trainer.predictions(at: train.features)
        #expect(predictions.count == train.count)
        let correct = zip(predictions, train.labels).filter { $0.predictedClass == $1 }.count
        let score = trainer.problem.score(trainer.parameters, on: train)
        #expect(Double(correct) / Double(train.count) == score.accuracy)
        #expect(score.accuracy > 0.6)  // trained, so the classes are not all one
        #expect(predictions.allSatisfy { (0..<train.classCount).contains($0.predictedClass) })
        let twoClassBound = head.set.classCount == 2 && !(head.loss == .binaryCrossEntropy && head.outputs == 2) ? 0.5 : 0
        #expect(predictions.allSatisfy { $0.confidence >= twoClassBound && $0.confidence <= 1 })
    }

    @Test(arguments: heads)
    func chunkedPredictionsEqualADirectForwardPass(head: Head) throws {
        // 2500 points on a grid, far more than the 64 rows the evaluator holds; each checked
        // against the net written out by hand.
        let trainer = try Self.trainedTrainer(head)
        var points: [Double] = []
        for i in 0..<2500 { points += [-2.5 + 0.1 * Double(i % 50), -2.5 + 0.1 * Double(i / 50)] }
        let predictions = trainer.predictions(at: points)
        #expect(predictions.count == 2500)
        let net = trainer.problem.net, theta = trainer.parameters
        for i in 0..<2500 {
            let z = Self.forward(net, theta, Array(points[(2 * i)..<(2 * i + 2)]))
            let expected = Self.prediction(head, z)
            #expect(predictions[i].predictedClass == expected.predictedClass)
            #expect(abs(predictions[i].confidence - expected.confidence) < 1e-12)
        }
    }

    @Test func softmaxConfidenceOfAHandSetNet() throws {
        // 2-2-3 ReLU net: h = relu(W₁x + b₁), z = W₂h + b₂.
        let data = try Dataset(features: [0, 0, 1, 1, 2, 2], labels: [0, 1, 2], featureCount: 2, classCount: 3)
        let problem = try TrainingProblem(net: MLP(widths: [2, 2, 3], activation: .relu), loss: .crossEntropy,
                                          data: TrainingData(train: data, validation: data))
        let theta: [Double] = [1, 0, 0, -1,  0.5, 0,  // W₁ (rows), b₁
                               2, 0, 0, 3, 1, 1,  -1, 0, 0.25]  // W₂ (rows), b₂
        let trainer = Trainer(label: "fixed", problem: problem, optimizer: try SGD(lr: 0), initialParameters: theta, batchSize: 1, seed: 0)
        let predictions = trainer.predictions(at: [1, -2, -1, 0.5, 3, 3])
        // x = (1, −2): h = (1.5, 2), z = (3 − 1, 6, 3.5 + 0.25) = (2, 6, 3.75): class 1.
        // x = (−1, 0.5): h = (0, 0), z = (−1, 0, 0.25): class 2.
        // x = (3, 3): h = (3.5, 0), z = (6, 0, 3.75): class 0.
        let logits: [[Double]] = [[2, 6, 3.75], [-1, 0, 0.25], [6, 0, 3.75]]
        #expect(predictions.map(\.predictedClass) == [1, 2, 0])
        for (prediction, z) in zip(predictions, logits) {
            let top = z[prediction.predictedClass]
            let softmax = Double.exp(top) / z.map { Double.exp($0) }.reduce(0, +)
            #expect(abs(prediction.confidence - softmax) < 1e-14)
        }
        #expect(trainer.predictions(at: []).isEmpty)
    }

    @Test func singleOutputConfidencesOfAHandSetNet() throws {
        // A 1-1 net z = 2x − 1 under binary cross-entropy and squared error.
        let data = try Dataset(features: [0, 1], labels: [0, 1], featureCount: 1, classCount: 2)
        let inputs: [Double] = [-1, 0.25, 0.5, 0.6, 0.9, 3]
        for loss in [LossFunction.binaryCrossEntropy, .meanSquaredError] {
            let problem = try TrainingProblem(net: MLP(widths: [1, 1], activation: .tanh), loss: loss,
                                              data: TrainingData(train: data, validation: data))
            let trainer = Trainer(label: "fixed", problem: problem, optimizer: try SGD(lr: 0), initialParameters: [2, -1], batchSize: 1, seed: 0)
            let predictions = trainer.predictions(at: inputs)
            for (prediction, x) in zip(predictions, inputs) {
                let z = 2 * x - 1
                if loss == .binaryCrossEntropy {
                    let p = 1 / (1 + Double.exp(-z))
                    #expect(prediction.predictedClass == (z > 0 ? 1 : 0))
                    #expect(abs(prediction.confidence - max(p, 1 - p)) < 1e-14)
                } else {
                    #expect(prediction.predictedClass == (z > 0.5 ? 1 : 0))
                    #expect(prediction.confidence == min(max(abs(z - 0.5) + 0.5, 0.5), 1))
                }
            }
        }
    }

    /// z_L by explicit loops over θ's layout.
    static func forward(_ net: MLP, _ theta: [Double], _ input: [Double]) -> [Double] {
        var a = input
        for (l, layer) in net.layers.enumerated() {
            var z = [Double](repeating: 0, count: layer.outputs)
            for o in 0..<layer.outputs {
                z[o] = theta[layer.biasOffset + o]
                for i in 0..<layer.inputs { z[o] += theta[layer.weightOffset + o * layer.inputs + i] * a[i] }
            }
            a = l == net.layers.count - 1 ? z : z.map { net.activation.value($0) }
        }
        return a
    }

    /// ClassPrediction's definitions, written out.
    static func prediction(_ head: Head, _ z: [Double]) -> ClassPrediction {
        let sigmoid = { (v: Double) in 1 / (1 + Double.exp(-v)) }
        if z.count == 1 {
            let c = z[0] > (head.loss == .meanSquaredError ? 0.5 : 0) ? 1 : 0
            let p = head.loss == .meanSquaredError ? min(abs(z[0] - 0.5) + 0.5, 1) : max(sigmoid(z[0]), 1 - sigmoid(z[0]))
            return ClassPrediction(predictedClass: c, confidence: p)
        }
        let c = z.indices.max { z[$0] < z[$1] }!
        let p = head.loss == .binaryCrossEntropy ? sigmoid(z[c]) : Double.exp(z[c]) / z.map { Double.exp($0) }.reduce(0, +)
        return ClassPrediction(predictedClass: c, confidence: p)
    }
}
