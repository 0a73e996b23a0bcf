import Testing
@testable import DescentCore

/// Backpropagation against central differences, for every activation and loss, including a
/// single-output head and chunked evaluation (more samples than the evaluator's capacity).
@Suite struct TrainingGradientTests {
    /// A 3-feature data set of `count` samples with Gaussian features.
    static func data(count: Int, classes: Int, seed: UInt64) throws -> Dataset {
        var generator = Xoshiro256(seed: seed)
        let features = (0..<(3 * count)).map { _ in generator.gaussian() }
        return try Dataset(features: features, labels: (0..<count).map { $0 % classes }, featureCount: 3, classCount: classes)
    }

    /// Worst |backprop − central difference| / max(1, |central difference|) over θ.
    static func worstGradientError(_ problem: TrainingProblem, _ theta: [Double], on data: Dataset) -> Double {
        var gradient: [Double] = []
        _ = problem.lossAndGradient(theta, on: data, gradient: &gradient)
        var ignored: [Double] = []
        var worst = 0.0
        let h = 1e-6
        for i in theta.indices {
            var plus = theta, minus = theta
            plus[i] += h
            minus[i] -= h
            let numeric = (problem.lossAndGradient(plus, on: data, gradient: &ignored)
                - problem.lossAndGradient(minus, on: data, gradient: &ignored)) / (2 * h)
            worst = max(worst, abs(gradient[i] - numeric) / max(1, abs(numeric)))
        }
        return worst
    }

    @Test(arguments: Activation.allCases, LossFunction.allCases)
    func backpropagationMatchesCentralDifferences(activation: Activation, loss: LossFunction) throws {
        let data = try Self.data(count: 7, classes: 3, seed: 3)
        let net = try MLP(widths: [3, 5, 4, 3], activation: activation)
        let problem = try TrainingProblem(net: net, loss: loss, data: TrainingData(train: data, validation: data))
        var theta = net.initialParameters(.glorot, seed: 11)
        var generator = Xoshiro256(seed: 5)
        for i in theta.indices { theta[i] += 0.1 * generator.gaussian() }  // non-zero biases too
        let error = Self.worstGradientError(problem, theta, on: data)
        #expect(error < 1e-7)
    }

    @Test(arguments: [LossFunction.binaryCrossEntropy, .meanSquaredError])
    func singleOutputHeadsMatchCentralDifferences(loss: LossFunction) throws {
        let data = try Self.data(count: 6, classes: 2, seed: 4)
        let net = try MLP(widths: [3, 4, 1], activation: .tanh)
        let problem = try TrainingProblem(net: net, loss: loss, data: TrainingData(train: data, validation: data))
        let theta = net.initialParameters(.he, seed: 2)
        let error = Self.worstGradientError(problem, theta, on: data)
        #expect(error < 1e-7)
    }

    @Test func chunkedEvaluationEqualsOnePass() throws {
        // 3000 samples run through the evaluator's 1024-row chunks; the loss must be the mean
        // over all of them, as a direct sum over samples gives.
        let data = try Self.data(count: 3000, classes: 2, seed: 9)
        let net = try MLP(widths: [3, 1], activation: .tanh)
        let problem = try TrainingProblem(net: net, loss: .meanSquaredError, data: TrainingData(train: data, validation: data))
        let theta = [0.3, -0.2, 0.5, 0.1]
        var gradient: [Double] = []
        let loss = problem.lossAndGradient(theta, on: data, gradient: &gradient)
        var expected = 0.0, expectedGradient = [0.0, 0, 0, 0]
        for i in 0..<data.count {
            let x = Array(data.features[(3 * i)..<(3 * i + 3)])
            let r = theta[0] * x[0] + theta[1] * x[1] + theta[2] * x[2] + theta[3] - Double(data.labels[i])
            expected += r * r / Double(data.count)
            for j in 0..<3 { expectedGradient[j] += 2 * r * x[j] / Double(data.count) }
            expectedGradient[3] += 2 * r / Double(data.count)
        }
        #expect(abs(loss - expected) < 1e-12)
        for j in 0..<4 { #expect(abs(gradient[j] - expectedGradient[j]) < 1e-12) }
    }

    @Test func lossesAreFiniteForHugeLogits() throws {
        let data = try Dataset(features: [1], labels: [0], featureCount: 1, classCount: 2)
        for loss in [LossFunction.crossEntropy, .binaryCrossEntropy] {
            let net = try MLP(widths: [1, 2], activation: .relu)
            let problem = try TrainingProblem(net: net, loss: loss, data: TrainingData(train: data, validation: data))
            var gradient: [Double] = []
            // Logits (1000, −1000) for class 0 and the reverse: tiny and huge losses, no overflow.
            let small = problem.lossAndGradient([1000, -1000, 0, 0], on: data, gradient: &gradient)
            #expect(small.isFinite)
            let huge = problem.lossAndGradient([-1000, 1000, 0, 0], on: data, gradient: &gradient)
            #expect(huge.isFinite && huge > 999)
            #expect(gradient.allSatisfy { $0.isFinite })
        }
    }

    @Test func activationsMatchTheirDefinitions() {
        // Hand values: tanh(1), σ(−2) = 1/(1 + e²), GELU(1) = Φ(1) = 0.841344746068543.
        #expect(abs(Activation.tanh.value(1) - 0.7615941559557649) < 1e-15)
        #expect(abs(Activation.sigmoid.value(-2) - 0.11920292202211755) < 1e-15)
        #expect(abs(Activation.gelu.value(1) - 0.8413447460685429) < 1e-15)
        #expect(Activation.relu.value(-3) == 0 && Activation.relu.value(2.5) == 2.5)
        #expect(Activation.sigmoid.value(-800) >= 0 && Activation.sigmoid.value(800) == 1)
        for activation in Activation.allCases {
            for z in [-1.7, -0.3, 0.4, 2.2] {
                let h = 1e-6
                let numeric = (activation.value(z + h) - activation.value(z - h)) / (2 * h)
                let analytic = activation.derivative(z, activation.value(z))
                #expect(abs(analytic - numeric) < 1e-8, "\(activation) at \(z)")
            }
        }
    }
}
