import DescentCore
import Testing
@testable import DescentTUI

/// The live view's walk measurements: every K steps while stepping, at most one per
/// ``TrainingState/walkInterval`` while playing, whatever the steps per frame.
@Suite struct TrainingWalkCadenceTests {
    private let walk = WalkSettings(every: 4, segmentPieces: 4, powerIterations: 3)

    @Test func steppingMeasuresEveryKSteps() throws {
        var state = TrainingState(setup: try trainingSetup(walk: walk))
        for _ in 0..<12 { state.apply(.stepForward) }
        for trainer in state.trainers { #expect(trainer.profiles.map(\.step) == [3, 7, 11]) }
    }

    @Test func playingFastMeasuresAtMostOncePerInterval() throws {
        var state = TrainingState(setup: try trainingSetup(walk: walk))
        while state.stepsPerFrame < TrainingState.maximumStepsPerFrame { state.apply(.faster) }
        state.apply(.togglePlay)
        // Two intervals at 30 frames per second, 256 steps per frame: a K-th step 64 times a frame.
        let frames = Int(2 * TrainingState.walkInterval * 30)
        for _ in 0..<frames { state.tick(seconds: 1.0 / 30) }
        #expect(state.step == frames * TrainingState.maximumStepsPerFrame)
        for trainer in state.trainers {
            #expect((2...3).contains(trainer.profiles.count), "\(trainer.profiles.map(\.step))")
            #expect(trainer.profiles.allSatisfy { ($0.step + 1) % walk.every == 0 }, "on multiples of K")
        }
        // The points carry the latest measurement.
        #expect(state.history[0].last?.sharpness == state.trainers[0].profiles.last?.sharpness)
    }

    @Test func headlessTrainersStillMeasureInEveryStep() throws {
        var trainer = try trainingSetup(walk: walk).trainers[0]
        for _ in 0..<8 { trainer.step() }
        #expect(trainer.profiles.map(\.step) == [3, 7])
        trainer.measureWalk()
        #expect(trainer.profiles.map(\.step) == [3, 7, 7])
    }
}
