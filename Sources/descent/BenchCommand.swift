import ArgumentParser

/// `descent bench`: the performance figures, each printed with what was measured.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure optimizer steps per second, frame times and playback CPU use (run with -c release).",
        discussion: """
            optimizers: steps per second on Beale, built-in and as an expression (--repeats loops of \
            --steps steps, timed in runs of 20,000 steps from a fresh optimizer; the fastest run). frame: composing one 200x50 frame of the default race from the \
            cached field, and the frame after a zoom (field resampled). playback: CPU seconds used \
            while the default race plays for --seconds at 30 frames per second, and while paused, \
            in the surface view and in the training view (the default training race).
            """)

    /// One group of figures.
    enum Part: String, ExpressibleByArgument, CaseIterable {
        case optimizers, frame, playback, training
    }

    @Argument(help: "What to measure: optimizers, frame, playback, training (default: all).")
    var parts: [Part] = Part.allCases

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
            case .optimizers: try OptimizerBench(steps: steps, repeats: repeats).run()
            case .frame: try FrameBench(repeats: max(repeats, 20)).run()
            case .playback: try PlaybackBench(seconds: seconds).run()
            case .training: try TrainBench(repeats: repeats).run()
            }
        }
    }
}

extension String {
    /// The string padded with spaces to at least `width` characters.
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
