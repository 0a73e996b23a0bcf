import Testing
@testable import DescentCore

/// A run's optimizer changed from a step on (the live spec editor): the history before it is
/// kept, the same optimizer keeps its state with the new hyperparameters, another one starts
/// fresh from the current point.
@Suite struct RunChangeTests {
    private let oracle = HandOracles.quadratic

    private func run(_ spec: String, steps: Int = 0) throws -> Run {
        var run = Run(label: spec, spec: spec, optimizer: try Registry.builtin.optimizer(spec).optimizer,
                      oracle: oracle, start: [1.5, -1.2])
        run.advance(toStep: steps)
        return run
    }

    private func change(_ run: Run, at step: Int, to spec: String) throws -> Run {
        let configured = try Registry.builtin.optimizer(spec)
        return try run.changed(OptimizerChange(step: step, to: configured, from: run.spec), oracle: oracle)
    }

    @Test func theSameOptimizerIsConfiguredIntoItsRunningState() throws {
        let before = try run("adam(lr=0.05)", steps: 30)
        var after = try change(before, at: 12, to: "adam(lr=0.02, betas=(0.8, 0.99))")
        #expect(after.spec == "adam(lr=0.02, betas=(0.8, 0.99))")
        #expect(after.steps == 12)
        #expect(Array(after.points[0..<(13 * 2)]) == Array(before.points[0..<(13 * 2)]))
        after.advance(toStep: 20)
        // By hand: adam for 12 steps, then the new hyperparameters into the same state (m, v, t).
        var optimizer = try Registry.builtin.optimizer("adam(lr=0.05)").optimizer
        var x = [1.5, -1.2]
        for k in 0..<20 {
            if k == 12 { try optimizer.configure(try Registry.builtin.optimizer("adam(lr=0.02, betas=(0.8, 0.99))").configuration) }
            _ = try OptimizerStep.take(&optimizer, schedule: ConstantSchedule(), step: k, params: &x, gradient: oracle.gradient(at: x), oracle: oracle)
            #expect(after.point(k + 1) == x, "step \(k + 1)")
        }
    }

    @Test func anotherOptimizerStartsFreshFromTheCurrentPoint() throws {
        let before = try run("adam(lr=0.05)", steps: 10)
        var after = try change(before, at: 10, to: "sgd(lr=0.01, momentum=0.9)")
        after.advance(toStep: 15)
        var fresh = try run("sgd(lr=0.01, momentum=0.9)")
        fresh = Run(label: "", spec: "", optimizer: fresh.optimizer, oracle: oracle, start: before.point(10))
        fresh.advance(toStep: 5)
        for k in 0...5 { #expect(after.point(10 + k) == fresh.point(k)) }
    }

    @Test func aLaterChangeReplaysTheEarlierOnesAndAnEarlierOneRewritesTheFuture() throws {
        let base = try run("sgd(lr=0.01)", steps: 40)
        var once = try change(base, at: 10, to: "sgd(lr=0.02)")
        once.advance(toStep: 40)
        var twice = try change(once, at: 25, to: "sgd(lr=0.005)")
        #expect(twice.changes.map(\.step) == [10, 25])
        #expect(Array(twice.points[0..<(26 * 2)]) == Array(once.points[0..<(26 * 2)]))
        twice.advance(toStep: 40)
        let rewritten = try change(twice, at: 5, to: "sgd(lr=0.03)")
        #expect(rewritten.changes.map(\.step) == [5])
        #expect(rewritten.steps == 5)
        // A restart keeps the spec in force, from the start, with no changes to replay.
        let restarted = twice.restarted(from: [1.5, -1.2])
        #expect(restarted.spec == "sgd(lr=0.005)" && restarted.changes.isEmpty && restarted.steps == 0)
    }

    @Test func refusedHyperparametersLeaveTheRunAlone() throws {
        let before = try run("sgd(lr=0.01, momentum=0.9)", steps: 5)
        let configured = try Registry.builtin.optimizer("sgd(lr=0.01)")
        var bad = configured.configuration
        bad.values["nesterov"] = .flag(true)
        #expect(throws: SpecError.self) {
            _ = try before.changed(OptimizerChange(step: 5, spec: "sgd(nesterov=true)", replacement: .configure(bad)), oracle: oracle)
        }
        #expect(before.spec == "sgd(lr=0.01, momentum=0.9)" && before.steps == 5)
    }

    @Test func specSettingRewritesTheLastLinkOfAChain() throws {
        #expect(try specSetting("clip_norm(max_norm=1) | adam(lr=0.05, betas=(0.9, 0.99))", "lr", to: 0.075)
                == "clip_norm(max_norm=1) | adam(lr=0.075, betas=(0.9, 0.99))")
        #expect(try specSetting("adam", "lr", to: 0.01) == "adam(lr=0.01)")
    }
}
