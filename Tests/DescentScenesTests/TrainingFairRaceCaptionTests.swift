import DescentCore
import Foundation
import Testing
@testable import DescentScenes

/// The lesson "A fair race on a net" (`scenes/training-fair-race.toml`): its description and
/// captions are claims about the race it trains at hand-picked and at tuned rates; this test
/// trains it headless, as the training view plays it, and checks them.
@Suite struct TrainingFairRaceCaptionTests {
    @Test func handPickedAgainstTunedRates() throws {
        let t = try TrainedScene("training-fair-race")
        let hand = ["SGD", "momentum", "Adam"], tuned = hand.map { $0 + " (tuned)" }
        #expect(t.trainers.map(\.label) == hand + tuned)
        // The first note: one 2-16-2 tanh net, 160 points of two moons, batches of 16, the same θ₀.
        let training = t.training
        #expect(training.dataset == "moons" && training.problem.data.train.count == 160)
        #expect(training.recipe.net.description == "2-16-2" && training.recipe.net.activation == .tanh)
        #expect(t.trainers.allSatisfy { $0.batchSize == 16 && $0.sampler.stepsPerEpoch == 10 && $0.divergedAt == nil })
        #expect(Set(t.trainers.map(\.initialParameters)).count == 1)
        // The search: 11 rates each, 2 initialisations, 10 epochs, the area under the loss curve.
        let tune = try #require(training.tune)
        #expect(tune.trialsPerOptimizer == 11 && tune.starts == 2 && tune.budget == 10 && tune.criterion == .area)
        let handRates = [0.1, 0.05, 0.01]
        #expect(training.optimizers.prefix(3).map(\.spec) == ["sgd(lr=0.1)", "momentum(lr=0.05)", "adam(lr=0.01)"])
        for (i, rate) in handRates.enumerated() {
            let best = try #require(training.optimizers[3 + i].tuned)
            #expect(best.learningRate / rate >= 8 && best.learningRate / rate <= 50, "\(tuned[i]): \(best.learningRate)")
        }
        func loss(_ label: String, _ epoch: Int) -> Double { t.evaluation(label, epoch: epoch).train.loss }
        func accuracy(_ label: String, _ epoch: Int) -> Double { t.evaluation(label, epoch: epoch).train.accuracy }

        // Epoch 3: tuned Adam above 95% of the training points, every hand-picked run below 88%.
        #expect(accuracy("Adam (tuned)", 3) > 0.95)
        for label in hand { #expect(accuracy(label, 3) < 0.88, "\(label)") }
        // Epoch 8: tuned Adam's loss rises from epoch 7 to 8, then falls.
        #expect(loss("Adam (tuned)", 8) > loss("Adam (tuned)", 7) && loss("Adam (tuned)", 9) < loss("Adam (tuned)", 8))
        // Epoch 10 (and the description): hand-picked, a near tie with momentum just ahead.
        let handLosses = hand.map { loss($0, 10) }
        #expect(handLosses.max()! - handLosses.min()! < 0.04 && handLosses.allSatisfy { (0.25..<0.295).contains($0) }, "\(handLosses)")
        #expect(hand.allSatisfy { (0.88...0.90).contains(accuracy($0, 10)) })
        #expect(handLosses.min() == loss("momentum", 10))
        // Tuned: every run below every hand-picked one, SGD under 40% of hand-picked momentum's loss,
        // Adam first at less than half of tuned momentum's.
        #expect(tuned.allSatisfy { loss($0, 10) < handLosses.min()! })
        #expect(loss("SGD (tuned)", 10) < 0.4 * loss("momentum", 10))
        #expect(loss("Adam (tuned)", 10) < 0.5 * loss("momentum (tuned)", 10) && loss("Adam (tuned)", 10) < loss("SGD (tuned)", 10))
    }
}
