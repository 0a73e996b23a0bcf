import Testing
@testable import DescentCore

/// The oracle evaluations a run's optimizer had made by each step (L-BFGS counts them).
@Suite struct RunEvaluationsTests {
    static let rosenbrock = try! Registry.builtin.surface("rosenbrock")

    private func run(_ spec: String, steps: Int) throws -> Run {
        let optimizer = try Registry.builtin.optimizer(spec).optimizer
        var run = Run(label: spec, spec: spec, optimizer: optimizer, oracle: Self.rosenbrock.oracle, start: [-1.5, 2])
        run.advance(toStep: steps)
        return run
    }

    @Test func lbfgsCountsAtEveryStepAsARunStoppedThereDoes() throws {
        let spec = "lbfgs(lr=1, max_iter=5, line_search_fn=strong_wolfe)"
        let long = try run(spec, steps: 6)
        #expect(long.steps == 6)
        #expect(long.functionEvaluations(atStep: 0) == 0)
        for k in 1...6 {
            let short = try run(spec, steps: k)
            #expect(long.functionEvaluations(atStep: k) == short.optimizer.functionEvaluations, "step \(k)")
        }
        let counts = (0...6).compactMap { long.functionEvaluations(atStep: $0) }
        #expect(counts.count == 7 && zip(counts, counts.dropFirst()).allSatisfy { $0 < $1 }, "\(counts)")
    }

    @Test func restartingForgetsTheCount() throws {
        let restarted = try run("lbfgs(lr=1)", steps: 3).restarted(from: [-1.5, 2])
        #expect(restarted.optimizer.functionEvaluations == 0)
        #expect(restarted.functionEvaluations(atStep: 0) == 0)
    }

    @Test func optimizersThatDoNotCountHaveNone() throws {
        #expect(try run("adam(lr=0.1)", steps: 3).functionEvaluations(atStep: 2) == nil)
        #expect(try run("clip_norm(max_norm=1) | lbfgs(lr=1)", steps: 2).functionEvaluations(atStep: 2) != nil, "a chain counts as its optimizer")
    }
}
