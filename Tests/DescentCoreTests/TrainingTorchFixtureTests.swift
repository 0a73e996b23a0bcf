import Foundation
import Testing
@testable import DescentCore

/// Tests/DescentCoreTests/Fixtures/torch_training.json, written by
/// Tests/Scripts/generate_torch_training_fixtures.py: a 2-4-3 net trained for 50 steps by
/// torch.optim in float64, from the same data, initial parameters and minibatch order.
struct TorchTrainingFixture: Decodable, Sendable {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var activation: String
        var loss: String
        var spec: String
        /// θ after each step.
        var trajectory: [[Double]]
        var testDescription: String { name }
    }

    var widths: [Int]
    var features: [[Double]]
    var labels: [Int]
    var batchSize: Int
    var seed: UInt64
    var initialParameters: [Double]
    var batches: [[Int]]
    var cases: [Case]

    enum CodingKeys: String, CodingKey {
        case widths, features, labels, seed, batches, cases
        case batchSize = "batch_size"
        case initialParameters = "initial_parameters"
    }

    static let shared: TorchTrainingFixture = {
        do {
            let url = try #require(Bundle.module.url(forResource: "torch_training", withExtension: "json", subdirectory: "Fixtures"))
            return try JSONDecoder().decode(TorchTrainingFixture.self, from: Data(contentsOf: url))
        } catch {
            preconditionFailure("cannot load torch_training.json: \(error)")
        }
    }()

    func data() throws -> Dataset {
        try Dataset(features: features.flatMap { $0 }, labels: labels, featureCount: widths[0], classCount: widths[widths.count - 1])
    }
}

@Suite struct TrainingTorchFixtureTests {
    @Test func minibatchOrderMatchesTheFixture() {
        let fixture = TorchTrainingFixture.shared
        var order = MinibatchOrder(sampleCount: fixture.labels.count, batchSize: fixture.batchSize, seed: fixture.seed)
        for expected in fixture.batches {
            let batch = Array(order.nextBatch())
            #expect(batch == expected)
        }
    }

    /// On every kernel choice this CPU runs (see ``KernelTests/denseChoices``).
    @Test(arguments: TorchTrainingFixture.shared.cases, KernelTests.denseChoices)
    func fiftyStepsMatchPyTorch(_ fixtureCase: TorchTrainingFixture.Case, _ kernels: DenseKernels) throws {
        let fixture = TorchTrainingFixture.shared
        let data = try fixture.data()
        let net = try MLP(widths: fixture.widths, activation: try #require(Activation(rawValue: fixtureCase.activation)))
        var problem = try TrainingProblem(net: net, loss: try #require(LossFunction(rawValue: fixtureCase.loss)),
                                          data: TrainingData(train: data, validation: data))
        problem.kernels = kernels
        var trainer = Trainer(label: fixtureCase.name, problem: problem,
                              optimizer: try Registry.builtin.optimizer(fixtureCase.spec).optimizer,
                              initialParameters: fixture.initialParameters, batchSize: fixture.batchSize, seed: fixture.seed)
        var worst = 0.0
        for expected in fixtureCase.trajectory {
            trainer.step()
            for (actual, e) in zip(trainer.parameters, expected) {
                worst = max(worst, abs(actual - e) / max(abs(e), 1e-3))
            }
        }
        #expect(trainer.stepCount == 50)
        #expect(worst <= 1e-9, "worst relative error \(worst)")
    }
}
