import DescentCore
import Testing

/// Every built-in optimizer keeps the optimizer contract (``OptimizerConformance``); rule files
/// and plugins are checked by the same function in their own tests.
@Suite struct OptimizerConformanceTests {
    @Test(arguments: Registry.builtin.optimizers.map(\.name))
    func builtinOptimizerConforms(_ name: String) {
        #expect(OptimizerConformance.violations(of: name, in: .builtin) == [])
    }

    /// A checker that finds nothing proves nothing: a copied prototype that is never reset is caught.
    @Test func theCheckerCatchesAnOptimizerWhoseResetKeepsState() throws {
        var registry = Registry.builtin
        try registry.register(OptimizerEntry(
            name: "leaky", summary: "SGD whose reset forgets to clear its momentum", reference: "",
            parameters: [.real("lr", 0.1, .nonNegative, "η")]) { c in LeakyMomentum(learningRate: c.number("lr")) })
        #expect(OptimizerConformance.violations(of: "leaky", in: registry) == ["leaky: reset() does not give a fresh run"])
    }

    /// Heavy-ball momentum whose reset() does nothing.
    struct LeakyMomentum: Optimizer {
        var learningRate: Double
        var buffer: [Double] = []
        mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) {
            if buffer.count != params.count { buffer = [Double](repeating: 0, count: params.count) }
            for i in params.indices {
                buffer[i] = 0.9 * buffer[i] + gradient[i]
                params[i] -= lr * buffer[i]
            }
        }
        var state: [StateVector] { [StateVector("b", buffer)] }
        mutating func configure(_ configuration: Configuration) throws(SpecError) { learningRate = configuration.number("lr") }
        mutating func reset() {}
    }

    @Test func aRestartedRunResetsItsOptimizer() throws {
        let surface = try Registry.builtin.surface("beale")
        let configured = try Registry.builtin.optimizer("adam(lr=0.05)")
        var run = Run(label: "a", spec: "a", optimizer: configured.optimizer, oracle: surface.oracle, start: [1, 1.5])
        run.advance(toStep: 20)
        let first = run.points
        var restarted = run.restarted(from: [1, 1.5])
        #expect(restarted.count == 1)
        restarted.advance(toStep: 20)
        #expect(restarted.points == first)
    }

    @Test func aFailingStepEndsTheRunAsAFailureNotADivergence() {
        struct Failing: Optimizer {
            var learningRate = 0.1
            mutating func step(params: inout [Double], gradient: [Double], lr: Double, oracle: GradientOracle) throws(OptimizerFailure) {
                throw OptimizerFailure("plugin exited with status 1: boom")
            }
            mutating func configure(_ configuration: Configuration) throws(SpecError) {}
            mutating func reset() {}
        }
        var run = Run(label: "f", spec: "f", optimizer: Failing(), oracle: OptimizerConformance.bowl, start: [1, 1, 1])
        let advanced = run.advance()
        #expect(!advanced)
        #expect(run.failure == OptimizerFailure("plugin exited with status 1: boom"))
        #expect(run.failedAt == 1 && run.divergedAt == nil && run.endedAt == 1 && !run.isActive && run.count == 1)
    }
}
