import Testing
@testable import DescentCore

@Suite struct RunTests {
    static let quadratic = try! BuiltinSurfaces.all.first { $0.name == "quadratic" }!.make([])

    @Test func recordsHistoryFromTheStart() {
        var run = Run(label: "gd", spec: "gd", optimizer: GradientDescentForTests(learningRate: 0.1),
                      oracle: Self.quadratic.oracle, start: [1, 1])
        run.advance(toStep: 2)
        #expect(run.steps == 2 && run.count == 3)
        #expect(run.point(0) == [1, 1])
        #expect(run.gradient(0) == [12, 8])
        // x1 = (1, 1) - 0.1 (12, 8) = (-0.2, 0.2); ∇f(x1) = (10x + 2y, 2x + 6y) = (-1.6, 0.8)
        #expect(isClose(run.point(1), [-0.2, 0.2]))
        #expect(isClose(run.gradient(1), [-1.6, 0.8]))
        #expect(isClose([run.losses[1]], [5 * 0.04 + 2 * -0.04 + 3 * 0.04]))
        #expect(run.learningRates == [0.1, 0.1])
        #expect(run.divergedAt == nil)
    }

    @Test func divergenceEndsTheRunBeforeTheNonFiniteStep() {
        // lr 10 on 5x²+...: |x| grows ~50x per step and overflows after a few hundred steps.
        var run = Run(label: "gd", spec: "gd", optimizer: GradientDescentForTests(learningRate: 10),
                      oracle: Self.quadratic.oracle, start: [1, 1])
        run.advance(toStep: 10_000)
        let diverged = try! #require(run.divergedAt)
        #expect(run.count == diverged)
        #expect(run.points.allSatisfy(\.isFinite) && run.losses.allSatisfy(\.isFinite))
        #expect(run.learningRates.count == run.count - 1)
        let advanced = run.advance()
        #expect(!advanced)
    }

    /// A plugin whose step drops a parameter.
    struct ShrinkingOptimizer: Optimizer {
        var learningRate = 0.1
        mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) {
            params.removeLast()
        }
        mutating func configure(_ configuration: Configuration) throws(SpecError) {}
        mutating func reset() {}
    }

    @Test func aStepThatChangesTheDimensionEndsTheRunWithoutACrash() {
        var run = Run(label: "bad", spec: "bad", optimizer: ShrinkingOptimizer(), oracle: Self.quadratic.oracle, start: [1, 1])
        let advanced = run.advance()
        #expect(!advanced)
        #expect(run.divergedAt == 1 && run.count == 1 && run.points == [1, 1])
    }

    @Test func nonFiniteStartIsDivergedAtZero() {
        let run = Run(label: "gd", spec: "gd", optimizer: GradientDescentForTests(learningRate: 0.1),
                      oracle: Self.quadratic.oracle, start: [.nan, 1])
        #expect(run.divergedAt == 0 && run.count == 0)
    }

    @Test func raceTracksArrivalsAsItGrowsAndForgetsThemOnRestart() throws {
        func run(_ lr: Double) -> Run {
            Run(label: "gd", spec: "gd", optimizer: GradientDescentForTests(learningRate: lr), oracle: Self.quadratic.oracle, start: [1, 1])
        }
        var race = Race(surface: Self.quadratic, runs: [run(0.1), run(0.01)], tolerance: 1e-3)
        for target in stride(from: 5, through: 50, by: 5) { race.advance(toStep: target) }  // checked stretch by stretch
        let arrival = try #require(race.arrivals[0])
        #expect(arrival.step == RaceResult(run: race.runs[0], surface: Self.quadratic, tolerance: 1e-3).stepsToTolerance)
        #expect(race.arrivals[1] == nil)
        #expect(race.leaderboard(atStep: 50, among: 0..<2).map(\.index) == [0])
        #expect(race.leaderboard(atStep: arrival.step - 1, among: 0..<2).isEmpty)
        race.restart(run: 0, with: run(0.01))
        #expect(race.arrivals[0] == nil && race.runs[0].steps == 0)
    }

    @Test func raceScoresArrivalAndPath() {
        var race = Race(surface: Self.quadratic, runs: [
            Run(label: "slow", spec: "gd", optimizer: GradientDescentForTests(learningRate: 0.01), oracle: Self.quadratic.oracle, start: [1, 1]),
            Run(label: "fast", spec: "gd", optimizer: GradientDescentForTests(learningRate: 0.1), oracle: Self.quadratic.oracle, start: [1, 1]),
        ])
        race.advance(toStep: 50)
        #expect(race.step == 50)
        let slow = RaceResult(run: race.runs[0], surface: Self.quadratic, tolerance: 1e-3)
        let fast = RaceResult(run: race.runs[1], surface: Self.quadratic, tolerance: 1e-3)
        #expect(slow.stepsToTolerance == nil)
        let arrived = try! #require(fast.stepsToTolerance)
        #expect(euclideanNorm(race.runs[1].point(arrived)) <= 1e-3)
        #expect(euclideanNorm(race.runs[1].point(arrived - 1)) > 1e-3)
        #expect(fast.nearest?.kind == .globalMinimum)
        #expect(fast.pathLength >= euclideanNorm([1, 1]) - 1e-3)
    }

    @Test func normIsRobust() {
        // The naive Σv² overflows (or underflows) here; the scaled norm is right to rounding.
        #expect(isClose([euclideanNorm([3e200, 4e200])], [5e200], tolerance: 1e-15))
        #expect(isClose([euclideanNorm([3e-200, 4e-200]) * 1e200], [5], tolerance: 1e-15))
        #expect(euclideanNorm([]) == 0)
        #expect(euclideanNorm([1, .nan]).isNaN)
    }
}

/// Elementwise |a − b| ≤ 1e-12 (1 + |b|).
func isClose(_ a: [Double], _ b: [Double], tolerance: Double = 1e-12) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { Swift.abs($0 - $1) <= tolerance * (1 + Swift.abs($1)) }
}
