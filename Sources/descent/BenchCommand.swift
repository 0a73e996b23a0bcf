import ArgumentParser
import DescentPlugin

/// `descent bench`: the performance figures, each printed with what was measured.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure optimizer steps per second, frame times and playback CPU use (run with -c release).",
        discussion: """
            optimizers: steps per second on Beale, built-in and as an expression (--repeats loops of \
            --steps steps, timed in runs of 20,000 steps from a fresh optimizer; the fastest run), and \
            the update alone on a vector of 101,770 parameters (the 784-128-10 net's) for the \
            torch.optim methods nets train with. frame: composing one 200x50 frame of the default race from the \
            cached field, the frame after a zoom (field resampled), and the frame at step 1,000 beside step \
            1,000,000 (ratio). playback: CPU seconds used \
            while the default race plays for --seconds at 30 frames per second, and while paused, \
            in the surface view and in the training view (the default training race). \
            plugin: time per step of momentum as a plugin process (--plugin-command) beside the built-in, \
            on Beale and on a 2-16-16-2 net (wall clock; not part of 'all').
            """)

    /// One group of figures.
    enum Part: String, ExpressibleByArgument, CaseIterable {
        case optimizers, frame, playback, training, plugin
    }

    @Argument(help: "What to measure: optimizers, frame, playback, training, plugin (default: all but plugin).")
    var parts: [Part] = Part.allCases.filter { $0 != .plugin }

    @Option(help: ArgumentHelp("The plugin 'bench plugin' measures: heavy-ball momentum with keys lr and momentum.", valueName: "command"))
    var pluginCommand = "python3 scenes/plugins/momentum.py"

    @Option(help: "Optimizer steps per timed loop.")
    var steps: Int = 5_000_000

    @Option(help: "Timed loops per figure; the best is reported.")
    var repeats: Int = 3

    @Option(help: "Seconds of playback (and of pause) for the CPU figures.")
    var seconds: Double = 10

    func validate() throws {
        guard steps > 0, repeats > 0 else { throw ValidationError("--steps and --repeats must be positive") }
        guard seconds.isFinite, seconds > 0 else { throw ValidationError("--seconds must be positive") }
    }

    func run() throws {
        for part in Part.allCases where parts.contains(part) {
            switch part {
            case .optimizers:
                try OptimizerBench(steps: steps, repeats: repeats).run()
                try VectorOptimizerBench(repeats: repeats).run()
            case .frame: try FrameBench(repeats: max(repeats, 20)).run()
            case .playback: try PlaybackBench(seconds: seconds).run()
            case .training: try TrainBench(repeats: repeats).run()
            case .plugin:
                do {
                    let command = try PluginCommandLine.words(pluginCommand)
                    guard !command.isEmpty else { throw CommandError("--plugin-command: no program") }
                    try PluginBench(repeats: repeats, command: command).run()
                } catch let fault as PluginFault {
                    throw CommandError("--plugin-command: \(fault.reason)")
                }
            }
        }
    }
}

extension String {
    /// The string padded with spaces to at least `width` characters.
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
