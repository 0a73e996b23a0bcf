import ArgumentParser
import DescentCore

/// `descent race`: several optimizers from one start, one result row each.
struct RaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "race",
        abstract: "Race optimizers on a surface and print one row per optimizer.",
        discussion: """
            Columns: steps until the point is within --tol of a known minimum (or 'never'), \
            the final loss and point, the nearest known critical point and its distance, the \
            path length, and the step at which the run diverged (if it did).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, markdown, csv, json }

    @OptionGroup var simulation: SimulationOptions

    @Flag(help: "Tune each optimizer's learning rate first (as 'descent tune' does, with the options below) and race at the rates found for --budget steps; labels say 'tuned'.")
    var tuned = false

    @OptionGroup(title: "Tuning (with --tuned)") var tuning: TuneOptions

    @Option(name: .customLong("tol"), help: "Distance to a known minimum that counts as arrived.")
    var tolerance: Double = 1e-3

    @Option(help: "Output format: table, markdown, csv or json.")
    var format: Format = .table

    @Argument(help: "Optimizer specs, e.g. sgd(lr=0.01) 'adam(lr=0.1)'.")
    var optimizers: [String] = []

    func validate() throws {
        guard !optimizers.isEmpty else { throw ValidationError("give at least one optimizer spec, e.g. 'descent race adam sgd(lr=0.01)'") }
        try checkOptimizerCount(optimizers.count)
        guard tolerance.isFinite, tolerance > 0 else { throw ValidationError("--tol must be a positive number") }
    }

    func run() throws {
        let registry = try simulation.extensions.registry()
        let surface = try simulation.resolveSurface(registry)
        let start = try simulation.resolveStart(on: surface)
        let schedule = try simulation.resolveSchedule(registry)
        let runs = try racedSpecs(surface: surface, start: start, registry: registry).map { spec, label in
            var run = try simulation.makeRun(spec, surface: surface, start: start, schedule: schedule, registry: registry)
            if let label { run.label = label }
            return run
        }
        // Each run is streamed and scored as it goes (the runs are independent), so memory does
        // not grow with --steps.
        let results = runs.map { run in
            var score = RaceResult.Score(label: run.label, surface: surface, tolerance: tolerance)
            let ending = RunStream.forEachStep(of: run, oracle: surface.oracle, steps: steps) { score.add($0.point, loss: $0.loss) }
            return score.result(divergedAt: ending?.divergedAt, failure: ending?.failure)
        }
        print(render(results))
    }

    /// Steps of each run: --steps, or with --tuned the tuning budget (which defaults to --steps).
    private var steps: Int { tuned ? tuning.budget ?? simulation.steps : simulation.steps }

    /// The specs to race with their labels: as given, or (with --tuned) at the tuned rates
    /// and labelled so.
    private func racedSpecs(surface: Surface, start: [Double], registry: Registry) throws -> [(String, String?)] {
        guard tuned else { return optimizers.map { ($0, nil) } }
        let setup = try tuning.setup(simulation, surface: surface, start: start, tolerance: tolerance, optimizers: optimizers.count,
                                     registry: registry)
        return try tuning.tunedSpecs(optimizers, setup).map { ($0.spec, $0.label) }
    }

    private func render(_ results: [RaceResult]) -> String {
        if format == .json {
            return JSON.object([
                ("surface", .string(simulation.surface)),
                ("steps", .number(Double(steps))),
                ("tolerance", .number(tolerance)),
                ("results", .array(results.map(json))),
            ]).text
        }
        let table = Table(
            header: ["optimizer", "steps to tol", "final loss", "final point", "nearest critical point", "distance", "path length", "diverged"],
            rows: results.map { r in
                [r.label,
                 r.stepsToTolerance.map(String.init) ?? "never",
                 compact(r.finalLoss),
                 r.finalPoint.isEmpty ? "-" : "(" + r.finalPoint.map(compact).joined(separator: ", ") + ")",
                 r.nearest.map { "\($0.kind.rawValue) (\(compact($0.x)), \(compact($0.y)))" } ?? "-",
                 r.nearestDistance.map(compact) ?? "-",
                 compact(r.pathLength),
                 r.failure.map { "failed: \($0)" } ?? r.divergedAt.map { "at step \($0)" } ?? "no"]
            },
            numeric: [1, 2, 5, 6])
        return table.render(format == .markdown ? .markdown : format == .csv ? .csv : .plain)
    }

    private func json(_ r: RaceResult) -> JSON {
        .object([
            ("optimizer", .string(r.label)),
            ("steps_to_tolerance", .integer(r.stepsToTolerance)),
            ("final_loss", .number(r.finalLoss)),
            ("final_point", .array(r.finalPoint.map(JSON.number))),
            ("nearest_critical_point", r.nearest.map { p in
                .object([("kind", .string(p.kind.rawValue)), ("x", .number(p.x)), ("y", .number(p.y))])
            } ?? .null),
            ("nearest_distance", r.nearestDistance.map(JSON.number) ?? .null),
            ("path_length", .number(r.pathLength)),
            ("steps", .number(Double(r.steps))),
            ("diverged", .bool(r.divergedAt != nil)),
            ("diverged_at", .integer(r.divergedAt)),
            ("failed", r.failure.map(JSON.string) ?? .null),
        ])
    }
}
