import Testing
@testable import DescentCore

/// The "Walk with SGD" measurements: per-step records, segment profiles and sharpness.
@Suite struct TrainingWalkTests {
    static func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }

    @Test func recordsFollowTheirDefinitions() throws {
        let problem = try TrainingTests.problem(.moons, count: 100, net: "2-6-2")
        var trainer = try TrainingTests.trainer(problem, "sgd(lr=0.2)", batch: 10)
        var order = trainer.sampler
        var batches: [[Int]] = []
        for _ in 0..<5 {
            batches.append(Array(order.nextBatch()))
            trainer.step()
        }
        // Replay the SGD steps with independently computed minibatch gradients.
        var theta = trainer.initialParameters
        var gradients: [[Double]] = []
        for batch in batches {
            var g: [Double] = []
            _ = problem.lossAndGradient(theta, on: problem.data.train.subset(batch), gradient: &g)
            gradients.append(g)
            theta = zip(theta, g).map { $0 - 0.2 * $1 }
        }
        #expect(trainer.history[0].gradientCosine == nil)
        for t in 1..<5 {
            let (g, h) = (gradients[t], gradients[t - 1])
            let expected = Self.dot(g, h) / (Self.dot(g, g) * Self.dot(h, h)).squareRoot()
            #expect(abs(try #require(trainer.history[t].gradientCosine) - expected) < 1e-12)
            #expect(abs(trainer.history[t].gradientNorm - Self.dot(g, g).squareRoot()) < 1e-12)
        }
        let d = zip(theta, trainer.initialParameters).map { $0 - $1 }
        #expect(abs(trainer.history[4].distanceFromStart - Self.dot(d, d).squareRoot()) < 1e-12)
    }

    @Test func segmentProfileReportsFloorHeightsAndBarriers() {
        let valley = SegmentProfile(step: 0, losses: [3, 1, 0.5, 2])
        #expect(valley.valleyFloor == 0.5 && valley.heightBefore == 2.5 && valley.heightAfter == 1.5)
        #expect(!valley.crossesBarrier)
        #expect(SegmentProfile(step: 0, losses: [1, 2.5, 2]).crossesBarrier)
    }

    @Test func profilesAreTakenEveryKStepsAtTheIterates() throws {
        let problem = try TrainingTests.problem(.xor, count: 80, net: "2-6-2")
        var trainer = try TrainingTests.trainer(problem, "sgd(lr=2)", batch: 4,
                                                walk: WalkSettings(every: 3, segmentPieces: 4, powerIterations: 0))
        var before: [[Double]] = []
        for _ in 0..<9 {
            before.append(trainer.parameters)
            trainer.step()
        }
        #expect(trainer.profiles.map(\.step) == [2, 5, 8])
        let last = try #require(trainer.profiles.last)
        #expect(last.losses.count == 5 && last.sharpness == nil)
        #expect(abs(last.losses[0] - problem.score(before[8], on: problem.data.train).loss) < 1e-12)
        #expect(abs(last.losses[4] - trainer.evaluate().train.loss) < 1e-12)
        #expect(trainer.barriersCrossed == trainer.profiles.filter(\.crossesBarrier).count)
    }

    @Test func sharpnessIsTheTopHessianEigenvalue() throws {
        // A linear model (net 2-1) under squared error: L = mean (w·x + b − y)², whose Hessian
        // (2/N) Σ [x 1][x 1]ᵀ is exact and constant; its top eigenvalue by dense power iteration.
        let problem = try TrainingTests.problem(.moons, count: 60, net: "2-1", loss: .meanSquaredError)
        var trainer = try TrainingTests.trainer(problem, "sgd(lr=0.01)", batch: 8,
                                                walk: WalkSettings(every: 1, segmentPieces: 2, powerIterations: 60))
        trainer.step()
        let measured = try #require(trainer.profiles.first?.sharpness)
        let train = problem.data.train
        var h = [Double](repeating: 0, count: 9)
        for i in 0..<train.count {
            let v = [train.features[2 * i], train.features[2 * i + 1], 1]
            for r in 0..<3 { for c in 0..<3 { h[3 * r + c] += 2 * v[r] * v[c] / Double(train.count) } }
        }
        var v = [1.0, 0.5, 0.25], lambda = 0.0
        for _ in 0..<500 {
            let w = (0..<3).map { r in (0..<3).reduce(0) { $0 + h[3 * r + $1] * v[$1] } }
            lambda = Self.dot(v, w) / Self.dot(v, v)
            let norm = Self.dot(w, w).squareRoot()
            v = w.map { $0 / norm }
        }
        #expect(abs(measured - lambda) < 1e-6 * lambda, "power iteration \(measured), dense \(lambda)")
    }
}
