import DescentCore
import Testing

/// A streamed run is the run a single ``Run`` records, step for step and bit for bit.
@Suite struct RunStreamTests {
    @Test(arguments: ["adam(lr=0.05)", "noise(sigma=0.1) | sgd(lr=0.01, momentum=0.9)", "sgd(lr=1)"])
    func streamingInChunksKeepsTheTrajectory(_ spec: String) throws {
        let surface = try Registry.builtin.surface("beale")
        let schedule = try Registry.builtin.schedule("cosine(t_max=700)")
        func fresh() throws -> Run {
            let configured = try Registry.builtin.optimizer(spec, seed: 5)
            return Run(label: spec, spec: spec, optimizer: configured.optimizer, schedule: schedule, oracle: surface.oracle,
                       start: [1, 1.5], recordsState: false)
        }
        var whole = try fresh()
        whole.advance(toStep: 1000)
        var streamed: [RunStep] = []
        let ending = RunStream.forEachStep(of: try fresh(), oracle: surface.oracle, steps: 1000, chunk: 97) { streamed.append($0) }
        #expect(ending?.divergedAt == whole.divergedAt)
        #expect(streamed.count == whole.count)
        for (k, s) in streamed.enumerated() {
            #expect(s.step == k && s.point == whole.point(k) && s.loss == whole.losses[k] && s.gradientNorm == whole.gradientNorms[k])
            #expect(s.learningRate == (k < whole.learningRates.count ? whole.learningRates[k] : nil))
        }
    }

    /// With `recordsState`, every streamed step carries the state a recording run holds after the
    /// step that produced its point, across chunk boundaries (a distributed optimizer's workers).
    @Test func streamingCarriesTheStates() throws {
        let surface = try Registry.builtin.surface("quadratic")
        func fresh() throws -> Run {
            let optimizer = try Registry.builtin.optimizer("downpour(workers=3, noise=1, push=2, fetch=3)", seed: 2).optimizer
            return Run(label: "d", spec: "d", optimizer: optimizer, oracle: surface.oracle, start: [1, 1], recordsState: true)
        }
        var whole = try fresh()
        whole.advance(toStep: 300)
        var streamed: [RunStep] = []
        RunStream.forEachStep(of: try fresh(), oracle: surface.oracle, steps: 300, chunk: 37, recordsState: true) { streamed.append($0) }
        #expect(streamed.count == 301 && streamed[0].state.isEmpty)
        for k in 1...300 { #expect(streamed[k].state == whole.states[k - 1], "step \(k)") }
    }
}
