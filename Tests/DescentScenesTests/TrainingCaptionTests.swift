import DescentCore
import Foundation
import Testing
@testable import DescentScenes

/// The captions of the training races are claims about what they show; these tests train each
/// race headless, the way the training view plays it, and check those claims.
@Suite struct TrainingCaptionTests {
    @Test func handwrittenDigits() throws {
        let t = try TrainedScene("training-digits")
        let labels = ["SGD", "NAdam", "RMSprop"]
        let data = t.training.problem.data
        // The description and the first note: real data from scenes/data, the net, the batches.
        #expect(t.training.dataset == "idx" && data.train.count == 1437 && data.validation.count == 360)
        #expect(data.train.featureCount == 64 && data.train.classCount == 10 && Set(data.validation.labels) == Set(0..<10))
        #expect(t.training.recipe.net.description == "64-32-10" && t.training.recipe.net.activation == .relu)
        #expect(t.trainers.map(\.label) == labels && Set(t.trainers.map(\.initialParameters)).count == 1)
        #expect(t.trainers.allSatisfy { $0.batchSize == 32 && $0.sampler.stepsPerEpoch == 45 && $0.divergedAt == nil })
        func validation(_ label: String, _ epoch: Int) -> Double { t.evaluation(label, epoch: epoch).validation.accuracy }
        for label in labels { #expect(abs(validation(label, 0) - 0.1) < 0.05, "\(label) guesses at first") }
        #expect(validation("NAdam", 2) > 0.8 && validation("RMSprop", 2) > 0.8 && validation("SGD", 2) < 0.7)
        #expect(labels.allSatisfy { validation($0, 5) > 0.85 } && validation("NAdam", 5) > 0.9 && validation("RMSprop", 5) > 0.9)
        // The description: the adaptive methods pass 90% within 5 epochs, SGD later.
        func first(_ label: String) -> Int? { (0...15).first { validation(label, $0) > 0.9 } }
        #expect(try #require(first("NAdam")) <= 5 && #require(first("RMSprop")) <= 5 && #require(first("SGD")) > 5)
        #expect(validation("SGD", 15) > 0.93 && validation("NAdam", 15) > 0.96)
        #expect(labels.allSatisfy { validation($0, 15) <= validation("NAdam", 15) })
        for label in labels {
            #expect(validation(label, 15) < t.evaluation(label, epoch: 15).train.accuracy, "\(label)")
            for epoch in 1...15 {
                let e = t.evaluation(label, epoch: epoch)
                #expect(e.validation.loss > e.train.loss, "\(label) at epoch \(epoch)")
            }
        }
    }

    @Test func optimizersOnSpirals() throws {
        let t = try TrainedScene("training-optimizers")
        // The description: three optimizers, one ReLU net, two spirals, the same θ₀ and minibatches; the
        // adaptive methods leave the plateau first and SGD much later (the notes' checks below).
        #expect(t.training.dataset == "spirals" && t.scene.description.contains("Three optimizers"))
        let labels = ["SGD", "RMSprop", "NAdam"]
        #expect(t.trainers.map(\.label) == labels && t.epoch == 80)
        #expect(t.trainers.allSatisfy { $0.divergedAt == nil })
        // One net, one start, one minibatch order.
        #expect(t.training.recipe.net.description == "2-16-16-2" && t.training.recipe.net.activation == .relu)
        #expect(Set(t.trainers.map(\.initialParameters)).count == 1)
        #expect(t.training.problem.data.train.count == 480)
        #expect(t.trainers.allSatisfy { $0.batchSize == 32 && $0.sampler.stepsPerEpoch == 15 })

        func accuracy(_ label: String, _ e: Int) -> Double { t.evaluation(label, epoch: e).train.accuracy }
        /// The first epoch after which `label` classifies more than `level` of the training points.
        func first(_ label: String, above level: Double) -> Int? { (0...80).first { accuracy(label, $0) > level } }
        for label in labels { #expect(accuracy(label, 10) < 0.7, "\(label)") }
        #expect(accuracy("NAdam", 20) > 0.95)
        #expect(accuracy("RMSprop", 20) > 0.8 && accuracy("RMSprop", 20) < 0.95)
        #expect(accuracy("SGD", 20) < 0.7)
        let nadam = try #require(first("NAdam", above: 0.8)), rmsprop = try #require(first("RMSprop", above: 0.8))
        #expect(nadam < rmsprop && rmsprop < (first("SGD", above: 0.8) ?? 81), "NAdam leaves the plateau first")
        #expect(accuracy("RMSprop", 40) > 0.98 && accuracy("SGD", 40) < 0.8)
        for label in labels { #expect(accuracy(label, 80) > 0.95, "\(label)") }
        let sgdArrives = try #require(first("SGD", above: 0.95)), nadamArrives = try #require(first("NAdam", above: 0.95))
        #expect(sgdArrives - nadamArrives >= 24, "dozens of epochs later")
        #expect(t.evaluation("SGD", epoch: 80).train.loss > 10 * t.evaluation("NAdam", epoch: 80).train.loss)
    }

    @Test func gradientNoiseAndTheEdgeOfStability() throws {
        let t = try TrainedScene("training-gradient-noise")
        // The description: the same learning rate for all three, on noisy moons; gradient descent with or without
        // the noise at the edge of stability, SGD not (checked below).
        #expect(t.training.dataset == "moons")
        let (gd, sgd, noisy) = ("GD", "SGD (B=16)", "GD + noise")
        #expect(t.epoch == 40 && t.trainers.allSatisfy { $0.divergedAt == nil })
        // η = 0.5 for all three; 160 training points, B = 16: an epoch is 10 steps.
        #expect(t.trainers.allSatisfy { $0.history.allSatisfy { $0.learningRate == 0.5 } })
        #expect(t.training.problem.data.train.count == 160 && t.steps[16] == 160)
        #expect(t.trainer(gd).batchSize == 160 && t.trainer(noisy).batchSize == 160 && t.trainer(sgd).batchSize == 16)
        let edge = 2 / 0.5

        // The isotropic noise has about the size of the minibatch noise, at the start and at the end.
        let d = t.training.problem.net.parameterCount
        let isotropic = 0.025 * Double(d).squareRoot()
        #expect(d == 354 && abs(isotropic - 0.47) < 0.005)
        for theta in [t.trainer(sgd).initialParameters, t.trainer(sgd).parameters] {
            let ratio = isotropic / minibatchNoise(t.training.problem, at: theta, batchSize: 16)
            #expect(ratio > 1 / 1.5 && ratio < 1.5, "isotropic / minibatch noise = \(ratio)")
        }

        // Epoch 16: smooth descent while the sharpness climbs past 2/η.
        let cosines = t.trainer(gd).history.map { $0.gradientCosine ?? .nan }
        #expect(mean(Array(cosines[1..<160])) > 0.99)
        #expect(t.trainer(gd).profiles.filter { $0.step < 160 }.compactMap(\.sharpness).max() ?? 0 > edge)
        #expect(t.trainer(noisy).profiles.filter { $0.step < 160 }.compactMap(\.sharpness).max() ?? 0 > edge)
        #expect(t.trainer(sgd).profiles.filter { $0.step < 160 }.compactMap(\.sharpness).max() ?? .infinity < 0.6 * edge)

        // By epoch 22: the catapult, a jump of the loss to more than twice its value at epoch 16
        // and back within a few steps, then the sharpness back below 2/η. Gradient descent's
        // minibatch is the training set, so its per-step loss is the full training loss (the
        // jump lasts less than an epoch: epoch-end samples can miss it).
        let losses = t.trainer(gd).history.map(\.minibatchLoss)
        let window = t.steps[16]..<t.steps[22]
        let peak = try #require(window.max { losses[$0] < losses[$1] })
        #expect(losses[peak] > 2 * losses[t.steps[16]], "the jump: \(losses[peak]) vs \(losses[t.steps[16]])")
        #expect(losses[t.steps[22]] < 1.1 * losses[t.steps[16]], "and back down")
        let after = try #require(t.trainer(gd).profiles.first { $0.step >= peak }?.sharpness)
        #expect(after < edge)

        // Epoch 30: GD hovers at the edge and overshoots the valley floor at every step.
        let hovering = t.sharpness(gd, after: 250)
        #expect(!hovering.isEmpty && hovering.allSatisfy { $0 > 0.85 * edge && $0 < 1.15 * edge }, "within 15%: \(hovering)")
        #expect(mean(Array(cosines[250..<300])) < -0.95)
        for profile in t.trainer(gd).profiles where profile.step >= 250 {
            #expect(profile.heightBefore > 0 && profile.heightAfter > 0, "the lowest point lies between the iterates")
        }
        #expect(median(t.sharpness(noisy, after: 200)) > 0.8 * edge)
        let sgdSharpness = median(t.sharpness(sgd, after: 200))
        #expect(sgdSharpness > 0.35 * edge && sgdSharpness < 0.65 * edge, "about half as much: \(sgdSharpness)")
    }

    @Test func signMethodsOnANet() throws {
        let t = try TrainedScene("sign-methods")
        // The description: on the net too the sign steps never shrink (every step the same length, below).
        #expect(t.training.dataset == "circles" && t.epoch == 30 && t.trainers.allSatisfy { $0.divergedAt == nil })
        #expect(t.trainers.allSatisfy { $0.history.allSatisfy { $0.learningRate == 0.01 } })
        let d = t.training.problem.net.parameterCount
        let signStep = 0.01 * Double(d).squareRoot()
        #expect(d == 354 && abs(signStep - 0.19) < 0.005)
        for label in ["SignSGD", "Signum"] {
            let lengths = t.stepLengths[t.index(label)]
            #expect(lengths.count == t.steps[30] && lengths.allSatisfy { abs($0 - signStep) < 1e-9 * signStep }, "\(label)")
        }
        let adam = t.stepLengths[t.index("Adam")]
        #expect(abs(adam[0] - signStep) < 1e-3 * signStep)
        #expect(mean(Array(adam.suffix(13))) < signStep / 10, "Adam's last epoch of steps")

        for trainer in t.trainers { #expect(t.evaluation(trainer.label, epoch: 13).train.accuracy > 0.99, "\(trainer.label)") }
        let adamLosses = (0...30).map { t.evaluation("Adam", epoch: $0).train.loss }
        #expect(zip(adamLosses, adamLosses.dropFirst()).allSatisfy { $1 < $0 })
        let signum = (0...30).map { t.evaluation("Signum", epoch: $0).train.loss }
        #expect(zip(signum, signum.dropFirst()).filter { $1 > 2 * $0 }.count >= 3, "again and again")
    }
}

/// √E‖g_B − g‖²: the size of the minibatch noise at θ, the mean over `draws` batches of B
/// distinct training samples of the squared distance of their gradient from the full gradient.
func minibatchNoise(_ problem: TrainingProblem, at theta: [Double], batchSize: Int, draws: Int = 200) -> Double {
    let train = problem.data.train
    var full: [Double] = []
    _ = problem.lossAndGradient(theta, on: train, gradient: &full)
    var generator = Xoshiro256(seed: 1)
    var sum = 0.0
    for _ in 0..<draws {
        let batch = Array(0..<train.count).shuffled(using: &generator).prefix(batchSize)
        var g: [Double] = []
        _ = problem.lossAndGradient(theta, on: train.subset(batch), gradient: &g)
        sum += euclideanDistance(g, full) * euclideanDistance(g, full)
    }
    return (sum / Double(draws)).squareRoot()
}
