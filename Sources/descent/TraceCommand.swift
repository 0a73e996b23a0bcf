import ArgumentParser
import DescentCore
import Foundation

/// `descent trace`: one optimizer's trajectory as JSON or CSV, written as it is computed.
struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Print one optimizer's trajectory on a surface.",
        discussion: """
            JSON: one object with 'trajectory' (the start first, one [x, y] per step), 'loss', \
            'gradient_norm', 'learning_rate' (one per step taken), 'steps' (taken) and \
            'diverged_at' (null, or the step at which a value became non-finite; the trajectory \
            stops before it) and 'failed' (null, or why the optimizer could not take a step, e.g. \
            a plugin that exited; also said on standard error). With --workers (a distributed \
            optimizer: sync_sgd, async_sgd, downpour, hogwild, easgd) also 'workers': after each step, every \
            worker's [x, y] (they all start at the start), and 'worker_states': the workers' names \
            after each step as the inspector shows them (staleness τ, or for EASGD the distance ↔ \
            to the centre). \
            CSV: step,x,y,loss,gradient_norm,learning_rate. Both are written \
            as the run is computed, in memory that does not grow with --steps (JSON computes \
            the run once per array).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv }

    @OptionGroup var simulation: SimulationOptions

    @Option(help: "The optimizer spec, e.g. 'adam(lr=0.05)' ('descent list optimizers').")
    var optimizer: String

    @Option(help: "Output format: json or csv.")
    var format: Format = .json

    @Flag(help: "JSON only, with a distributed optimizer: also every worker's position and state per step.")
    var workers = false

    func run() throws {
        let registry = try simulation.extensions.registry()
        let surface = try simulation.resolveSurface(registry)
        let start = try simulation.resolveStart(on: surface)
        let schedule = try simulation.resolveSchedule(registry)
        let configured = try configuredOptimizer(optimizer, seed: simulation.seed, registry: registry, oracle: surface.oracle)
        let spec = configured.spec
        if workers {
            guard format == .json else { throw ValidationError("--workers needs --format json") }
            guard configured.optimizer is DistributedOptimizer else {
                throw ValidationError("--workers needs a distributed optimizer (sync_sgd, async_sgd, downpour, hogwild, easgd), got '\(Sanitizer.clean(spec))'")
            }
        }
        /// A fresh run streamed step by step (every pass computes the same trajectory: runs are seeded).
        func stream(_ body: (RunStep) -> Void) throws -> RunEnding? {
            let run = try simulation.makeRun(optimizer, surface: surface, start: start, schedule: schedule, registry: registry,
                                             recordsState: workers)
            return RunStream.forEachStep(of: run, oracle: surface.oracle, steps: simulation.steps, recordsState: workers, body)
        }
        var out = StreamedOutput()
        if format == .csv {
            out.line("step,x,y,loss,gradient_norm,learning_rate")
            let ending = try stream { s in
                out.line("\(s.step),\(s.point[0]),\(s.point[1]),\(s.loss),\(s.gradientNorm),\(s.learningRate.map { "\($0)" } ?? "")")
            }
            out.flush()
            reportFailure(ending, spec: spec)
            return
        }
        out.write("{\"surface\": \(JSONString.quoted(surface.name)), \"optimizer\": \(JSONString.quoted(spec)), "
                  + "\"schedule\": \(simulation.schedule.map(JSONString.quoted) ?? "null"), \"seed\": \(JSON.number(Double(simulation.seed))), "
                  + "\"start\": [\(start.map(JSON.number).joined(separator: ", "))]")
        var steps = 0
        func array(_ key: String, _ element: @escaping (RunStep) -> String?) throws -> RunEnding? {
            out.write(", \(JSONString.quoted(key)): [")
            var first = true
            let ending = try stream { s in
                steps = s.step
                guard let text = element(s) else { return }
                out.write(first ? text : ", " + text)
                first = false
            }
            out.write("]")
            return ending
        }
        let ending = try array("trajectory") { "[" + $0.point.map(JSON.number).joined(separator: ", ") + "]" }
        _ = try array("loss") { JSON.number($0.loss) }
        _ = try array("gradient_norm") { JSON.number($0.gradientNorm) }
        _ = try array("learning_rate") { $0.learningRate.map(JSON.number) }
        if workers {
            func point(_ p: [Double]) -> String { "[" + p.map(JSON.number).joined(separator: ", ") + "]" }
            _ = try array("workers") { s in
                s.step == 0 ? nil : "[" + s.state.map { point($0.values) }.joined(separator: ", ") + "]"
            }
            _ = try array("worker_states") { s in
                s.step == 0 ? nil : "[" + s.state.map { JSONString.quoted($0.name) }.joined(separator: ", ") + "]"
            }
        }
        out.line(", \"steps\": \(steps), \"diverged_at\": \(ending?.divergedAt.map(String.init) ?? "null"), "
                 + "\"failed\": \(ending?.failure.map { JSONString.quoted($0.reason) } ?? "null")}")
        out.flush()
        reportFailure(ending, spec: spec)
    }

    /// A run that failed (a plugin's fault) is said on standard error too.
    private func reportFailure(_ ending: RunEnding?, spec: String) {
        guard case .failed(let step, let failure) = ending else { return }
        FileHandle.standardError.write(Data("descent: \(Sanitizer.clean(spec)) failed at step \(step): \(failure.reason)\n".utf8))
    }
}
