import DescentCore
import Testing

/// Bounded histories for the live views: the last window whole, the older part thinned.
@Suite struct ThinnedHistoryTests {
    @Test func theLastWindowIsWholeAndTheOlderPartStaysBounded() {
        var history: [Int] = []
        for step in 0..<100_000 {
            history.append(step)
            history.thinOlder(keepingLast: 100)
            #expect(history.count <= 201)
        }
        #expect(Array(history.suffix(100)) == Array(99_900..<100_000))
        #expect(history.first == 0, "the start is always kept")
        #expect(zip(history, history.dropFirst()).allSatisfy { $0 < $1 }, "in order")
    }

    @Test func aTrainerWithAWindowKeepsItsLastStepsAndBoundedMemory() throws {
        let data = try SyntheticDataset.moons.generate(count: 40, seed: 1).split(validationFraction: 0.25, seed: 1)
        let problem = try TrainingProblem(net: try MLP(widths: [2, 4, 2], activation: .tanh), loss: .crossEntropy, data: data)
        let configured = try Registry.builtin.optimizer("sgd(lr=0.1)")
        var trainer = Trainer(label: "sgd", problem: problem, optimizer: configured.optimizer,
                              initialParameters: problem.initialParameters(.glorot, seed: 2), batchSize: 8, seed: 3)
        var whole = trainer
        trainer.historyWindow = 50
        for _ in 0..<1_000 { trainer.step(); whole.step() }
        #expect(trainer.history.count <= 101)
        #expect(Array(trainer.history.suffix(50)) == Array(whole.history.suffix(50)))
        #expect(trainer.parameters == whole.parameters, "thinning the records changes nothing else")
    }
}
