import ArgumentParser
import DescentCore
import Foundation

/// The options shared by every command that runs optimizers on a surface.
struct SimulationOptions: ParsableArguments {
    @Option(help: "A built-in surface ('descent list surfaces') or an expression in x and y.")
    var surface: String = "beale"

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "The start point X,Y (default: a fifth in from the view's top-left corner).",
        valueName: "x,y"))
    var start: String?

    @Option(name: .customLong("steps"), parsing: .unconditional,
            help: "The number of steps (default: 200; for a scene file, its run.steps).")
    var stepsGiven: Int?

    /// `--steps`, 200 when not given.
    var steps: Int { stepsGiven ?? 200 }

    @Option(help: "A learning-rate schedule spec, e.g. 'cosine(t_max=100)' ('descent list schedules').")
    var schedule: String?

    @Option(help: "The seed for everything random (noise, random starts).")
    var seed: UInt64 = 0

    @OptionGroup(title: "Your own optimizers") var extensions: ExtensionOptions

    func validate() throws {
        if let stepsGiven { try checkLimit(stepsGiven, Limits.steps, option: "--steps") }
    }

    /// The surface, or a clear error naming the option.
    func resolveSurface(_ registry: Registry) throws -> Surface {
        do {
            return try registry.surface(surface)
        } catch {
            throw CommandError(error, in: "--surface", text: surface)
        }
    }

    /// The start point, parsed and finite; the default derives from the surface's view box.
    func resolveStart(on surface: Surface) throws -> [Double] {
        guard let text = start else {
            let box = surface.viewBox
            let w = box.x.upperBound - box.x.lowerBound, h = box.y.upperBound - box.y.lowerBound
            return [box.x.lowerBound + 0.2 * w, box.y.upperBound - 0.2 * h]
        }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let x = Double(parts[0]), let y = Double(parts[1]), x.isFinite, y.isFinite else {
            throw CommandError("--start '\(text)': expected two finite numbers X,Y such as -1.5,2")
        }
        return [x, y]
    }

    /// The schedule (constant when none was given).
    func resolveSchedule(_ registry: Registry) throws -> any Schedule {
        try resolvedSchedule(schedule, registry: registry)
    }

    /// A run of the optimizer spec from the start.
    func makeRun(_ spec: String, surface: Surface, start: [Double], schedule: any Schedule,
                 registry: Registry, recordsState: Bool = false) throws -> Run {
        let configured = try configuredOptimizer(spec, seed: seed, registry: registry, schedule: schedule, oracle: surface.oracle)
        return Run(label: configured.spec, spec: configured.spec, optimizer: configured.optimizer,
                   schedule: schedule, oracle: surface.oracle, start: start, recordsState: recordsState)
    }
}
