import Foundation
import Testing
@testable import DescentCore

/// The fixture written by Tests/Scripts/generate_torch_schedule_fixtures.py.
struct TorchScheduleFixture: Decodable {
    /// A spec argument as JSON: a number, a flag, a word or a list.
    enum Argument: Decodable {
        case number(Double), flag(Bool), word(String), list([Double])
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let b = try? c.decode(Bool.self) { self = .flag(b) }
            else if let v = try? c.decode(Double.self) { self = .number(v) }
            else if let s = try? c.decode(String.self) { self = .word(s) }
            else { self = .list(try c.decode([Double].self)) }
        }
        var specValue: SpecValue {
            switch self {
            case .number(let v): return .number(v)
            case .flag(let b): return .flag(b)
            case .word(let w): return .word(w)
            case .list(let vs): return .tuple(vs)
            }
        }
    }
    struct Case: Decodable {
        var name: String
        var args: [String: Argument]
        var base_lr: Double
        var lrs: [Double]?
        /// The optimizer of a trajectory, as a spec (`adam(lr=0.1, betas=(0.9, 0.99))`).
        var optimizer: String?
        /// The momentum (or β₁) torch used at every step, for schedules that cycle it.
        var momentums: [Double]?
        var start: [Double]?
        var positions: [[Double]]?
        var label: String { name + "(" + args.keys.sorted().map { "\($0)=\(args[$0]!)" }.joined(separator: ", ") + ")" }
        func schedule() throws -> any Schedule {
            let entry = try #require(Schedules.all.first { $0.name == name })
            return try entry.make(args.map { SpecArgument($0.key, $0.value.specValue) })
        }
    }
    var schedules: [Case]
    var trajectories: [Case]

    static func load() throws -> TorchScheduleFixture {
        let url = try #require(Bundle.module.url(forResource: "torch_schedules", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(TorchScheduleFixture.self, from: Data(contentsOf: url))
    }
}

@Suite struct ScheduleTests {
    @Test func registryHasTheTorchAndLiteratureSchedules() {
        let names = Schedules.all.map(\.name)
        #expect(names == ["constant", "step", "multistep", "exponential", "cosine", "cosine_restarts", "linear",
                          "one_cycle", "cyclic", "trapezoid", "inverse_sqrt"])
    }

    @Test func everyFixtureRateMatchesTorch() throws {
        let fixture = try TorchScheduleFixture.load()
        #expect(fixture.schedules.count >= 20)
        let names = Set(fixture.schedules.map(\.name))
        #expect(names == ["step", "multistep", "exponential", "cosine", "cosine_restarts", "linear", "one_cycle", "cyclic"])
        for c in fixture.schedules {
            let schedule = try c.schedule()
            let lrs = try #require(c.lrs)
            for (t, expected) in lrs.enumerated() {
                let got = schedule.learningRate(at: t, base: c.base_lr)
                #expect(HandOracles.close(got, expected, rel: 1e-9), "\(c.label) step \(t): \(got) vs torch \(expected)")
            }
        }
    }

    /// The optimizer with the schedule, through the one ``OptimizerStep`` (which sets the cycled
    /// momentum), against torch's trajectory; and the momentum of every step against torch's
    /// (`momentum` for SGD and RMSprop, β₁ for Adam), nil where the schedule leaves it alone.
    @Test func optimizerWithScheduleFollowsTorchTrajectory() throws {
        let fixture = try TorchScheduleFixture.load()
        #expect(fixture.trajectories.count >= 5)
        let cycling = fixture.trajectories.filter { $0.momentums != nil }
        #expect(Set(cycling.map(\.name)) == ["one_cycle", "cyclic"])
        #expect(Set(cycling.compactMap { $0.optimizer?.prefix(while: { $0 != "(" }) }) == ["sgd", "adam", "rmsprop"])
        for c in fixture.trajectories {
            let schedule = try c.schedule()
            var optimizer = try Registry.builtin.optimizer(try #require(c.optimizer)).optimizer
            let positions = try #require(c.positions)
            var x = try #require(c.start)
            #expect(x == positions[0])
            #expect(schedule.cyclesMomentum == (c.momentums != nil), "\(c.label)")
            for t in 1..<positions.count {
                if let momentums = c.momentums {
                    let got = try #require(schedule.momentum(at: t - 1))
                    #expect(HandOracles.close(got, momentums[t - 1], rel: 1e-9), "\(c.label) momentum \(t - 1): \(got) vs \(momentums[t - 1])")
                }
                _ = try OptimizerStep.take(&optimizer, schedule: schedule, step: t - 1, params: &x,
                                           gradient: HandOracles.quadratic.gradient(at: x), oracle: HandOracles.quadratic)
                #expect(HandOracles.close(x, positions[t], rel: 1e-9, abs: 1e-12), "\(c.label) step \(t): \(x) vs \(positions[t])")
            }
        }
    }

    /// torch raises for momentum cycling on an optimizer without `momentum` or `betas`; so does
    /// descent, before any step (and a run that gets there anyway fails rather than ignoring it).
    @Test func momentumCyclingNeedsAMomentum() throws {
        let schedule = try Registry.builtin.schedule("one_cycle(max_lr=0.1, total_steps=10)")
        let adagrad = try Registry.builtin.optimizer("adagrad(lr=0.1)").optimizer
        #expect(throws: SpecError.self) { try schedule.checkMomentum(of: adagrad, name: "adagrad") }
        for spec in ["sgd(lr=0.1)", "adam", "rmsprop", "clip_norm(max_norm=1) | nadam", "lion", "signum"] {
            try schedule.checkMomentum(of: try Registry.builtin.optimizer(spec).optimizer, name: spec)
        }
        #expect(throws: SpecError.self) {
            try schedule.checkMomentum(of: try Registry.builtin.optimizer("signsgd").optimizer, name: "signsgd")
        }
        let rateOnly = try Registry.builtin.schedule("one_cycle(max_lr=0.1, total_steps=10, cycle_momentum=false)")
        try rateOnly.checkMomentum(of: adagrad, name: "adagrad")
        var run = Run(label: "adagrad", spec: "adagrad(lr=0.1)", optimizer: adagrad, schedule: schedule,
                      oracle: HandOracles.quadratic, start: [1, 1])
        let advanced = run.advance()
        #expect(!advanced)
        #expect(run.failure?.reason.contains("cycle_momentum=false") == true)
    }

    private func make(_ name: String, _ args: [String: SpecValue]) throws -> any Schedule {
        let entry = try #require(Schedules.all.first { $0.name == name })
        return try entry.make(args.map { SpecArgument($0.key, $0.value) })
    }

    @Test func trapezoidByHand() throws {
        // warmup 2, cooldown 4, total 10, η = 0.5: η·min(1, (t+1)/2, (10 − t)/4), 0 from t = 10.
        let s = try make("trapezoid", ["warmup": .number(2), "cooldown": .number(4), "total": .number(10)])
        let expected: [Double] = [0.25, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.375, 0.25, 0.125, 0, 0]
        for (t, e) in expected.enumerated() {
            #expect(HandOracles.close(s.learningRate(at: t, base: 0.5), e), "step \(t)")
        }
        #expect(s.learningRate(at: 1000, base: 0.5) == 0)
        // No ramps: flat at η for all `total` steps.
        let flat = try make("trapezoid", ["warmup": .number(0), "cooldown": .number(0), "total": .number(3)])
        #expect((0..<3).map { flat.learningRate(at: $0, base: 0.2) } == [0.2, 0.2, 0.2])
    }

    @Test func trapezoidRejectsRampsLongerThanTheRun() throws {
        let entry = try #require(Schedules.all.first { $0.name == "trapezoid" })
        #expect(throws: SpecError.self) {
            try entry.make([SpecArgument("total", .number(25))])  // 10 + 20 > 25
        }
        #expect(throws: SpecError.self) { try entry.make([]) }  // total is required
    }

    @Test func inverseSqrtByHand() throws {
        // w = 4, η = 1: min((t+1)/4, √(4/(t+1))).
        let s = try make("inverse_sqrt", ["warmup": .number(4)])
        #expect(HandOracles.close(s.learningRate(at: 0, base: 1), 0.25))
        #expect(HandOracles.close(s.learningRate(at: 1, base: 1), 0.5))
        #expect(HandOracles.close(s.learningRate(at: 3, base: 1), 1))      // the peak: both branches give 1
        #expect(HandOracles.close(s.learningRate(at: 8, base: 1), 2.0 / 3))  // √(4/9)
        #expect(HandOracles.close(s.learningRate(at: 15, base: 2), 1))     // 2·√(4/16)
        #expect(HandOracles.close(s.learningRate(at: 99, base: 1), 0.2))   // √(4/100)
    }

    @Test func oneCycleHoldsItsFinalRateAndIgnoresTheBase() throws {
        let s = try make("one_cycle", ["max_lr": .number(0.1), "total_steps": .number(50)])
        let last = s.learningRate(at: 49, base: 0.3)
        #expect(HandOracles.close(last, 0.1 / 25 / 1e4))
        #expect(s.learningRate(at: 50, base: 0.3) == last)
        #expect(s.learningRate(at: 5000, base: 7) == last)
        #expect(HandOracles.close(s.learningRate(at: 0, base: 123), 0.1 / 25))
    }

    @Test func oneCycleRejectsZeroLengthPhases() throws {
        let entry = try #require(Schedules.all.first { $0.name == "one_cycle" })
        // pct_start·total_steps = 1: the warm-up phase ends at step 0, where it starts.
        #expect(throws: SpecError.self) {
            try entry.make([SpecArgument("max_lr", .number(0.1)), SpecArgument("total_steps", .number(10)),
                            SpecArgument("pct_start", .number(0.1))])
        }
        #expect(throws: SpecError.self) {
            try entry.make([SpecArgument("max_lr", .number(0.1)), SpecArgument("total_steps", .number(0))])
        }
    }

    @Test func choicesAndListsParse() throws {
        let cyclic = try make("cyclic", ["base_lr": .number(0), "max_lr": .number(1), "step_size_up": .number(2),
                                         "mode": .word("triangular2")])
        // Cycle 1 (amplitude 1): 0, 0.5, 1, 0.5; cycle 2 (amplitude 1/2): 0, 0.25, 0.5.
        #expect((0..<7).map { cyclic.learningRate(at: $0, base: 9) } == [0, 0.5, 1, 0.5, 0, 0.25, 0.5])
        let multistep = try make("multistep", ["milestones": .tuple([3, 1])])
        #expect((0..<5).map { multistep.learningRate(at: $0, base: 1) }
                .enumerated().allSatisfy { HandOracles.close($0.element, [1, 0.1, 0.1, 0.01, 0.01][$0.offset]) })
        let entry = try #require(Schedules.all.first { $0.name == "multistep" })
        #expect(throws: SpecError.self) { try entry.make([SpecArgument("milestones", .tuple([2.5]))]) }
        #expect(throws: SpecError.self) {
            try self.make("cyclic", ["base_lr": .number(0), "max_lr": .number(1), "mode": .word("sawtooth")])
        }
    }

    @Test func cosinePastTMaxClimbsBack() throws {
        let s = try make("cosine", ["t_max": .number(10)])
        #expect(HandOracles.close(s.learningRate(at: 10, base: 1), 0, abs: 1e-15))
        #expect(HandOracles.close(s.learningRate(at: 20, base: 1), 1))
        #expect(HandOracles.close(s.learningRate(at: 15, base: 1), 0.5, rel: 1e-12, abs: 1e-15))
    }
}
