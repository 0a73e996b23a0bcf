import ArgumentParser
import DescentCore

/// `descent trace`: one optimizer's trajectory as JSON or CSV.
struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Print one optimizer's trajectory on a surface.",
        discussion: """
            JSON: one object with 'trajectory' (the start first, one [x, y] per step), 'loss', \
            'gradient_norm', 'learning_rate' (one per step taken) and 'diverged_at' (null, or the \
            step at which a value became non-finite; the trajectory stops before it). \
            CSV: step,x,y,loss,gradient_norm,learning_rate.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv }

    @OptionGroup var simulation: SimulationOptions

    @Option(help: "The optimizer spec, e.g. 'adam(lr=0.05)' ('descent list optimizers').")
    var optimizer: String

    @Option(help: "Output format: json or csv.")
    var format: Format = .json

    func run() throws {
        let surface = try simulation.resolveSurface()
        let start = try simulation.resolveStart(on: surface)
        var run = try simulation.makeRun(optimizer, surface: surface, start: start, schedule: try simulation.resolveSchedule())
        run.advance(toStep: simulation.steps)
        print(format == .json ? json(run, surface: surface) : csv(run))
    }

    private func json(_ run: Run, surface: Surface) -> String {
        let trajectory = (0..<run.count).map { k in JSON.array(run.point(k).map(JSON.number)) }
        return JSON.object([
            ("surface", .string(surface.name)),
            ("optimizer", .string(run.spec)),
            ("schedule", simulation.schedule.map(JSON.string) ?? .null),
            ("seed", .number(Double(simulation.seed))),
            ("start", .array(run.count > 0 ? run.point(0).map(JSON.number) : [])),
            ("steps", .number(Double(run.steps))),
            ("trajectory", .array(trajectory)),
            ("loss", .array(run.losses.map(JSON.number))),
            ("gradient_norm", .array(run.gradientNorms.map(JSON.number))),
            ("learning_rate", .array(run.learningRates.map(JSON.number))),
            ("diverged_at", .integer(run.divergedAt)),
        ]).text
    }

    private func csv(_ run: Run) -> String {
        var lines = ["step,x,y,loss,gradient_norm,learning_rate"]
        for k in 0..<run.count {
            let p = run.point(k)
            let lr = k < run.learningRates.count ? "\(run.learningRates[k])" : ""
            lines.append("\(k),\(p[0]),\(p[1]),\(run.losses[k]),\(run.gradientNorms[k]),\(lr)")
        }
        return lines.joined(separator: "\n")
    }
}
