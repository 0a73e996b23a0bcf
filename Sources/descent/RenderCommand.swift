import ArgumentParser
import DescentCore
import DescentRender
import DescentTUI
import Foundation

/// `descent render`: one frame of the visualizer printed to stdout, without ncurses.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print one frame of the visualizer (for docs, tests and scripts).",
        discussion: """
            The same frame 'descent play' shows at step --at (default: --steps, or the \
            scene's steps with --scene FILE, whose caption at that step is shown), drawn at \
            --size and printed with ANSI colours (or plain text with --color never; auto \
            means colours only when stdout is a terminal).
            """)

    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var display: DisplayOptions

    @Option(help: ArgumentHelp("The frame size in cells.", valueName: "WxH"))
    var size = "120x40"

    @Option(help: "The step shown (default: --steps).")
    var at: Int?

    @Flag(help: "Show the help overlay.")
    var keys = false

    @Argument(help: "Optimizer specs, e.g. sgd(lr=0.01) 'adam(lr=0.1)' (default: the six-optimizer race), or one scene FILE.toml.")
    var optimizers: [String] = []

    func validate() throws {
        _ = try frameSize()
        if let at { guard at >= 0 else { throw ValidationError("--at must be >= 0, got \(at)") } }
    }

    /// `--size` as (width, height): two whole numbers from 1 to 1000 joined by `x`.
    func frameSize() throws -> (width: Int, height: Int) {
        let parts = size.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
              (1...1000).contains(width), (1...1000).contains(height) else {
            throw ValidationError("--size '\(size)': expected WIDTHxHEIGHT with each from 1 to 1000, e.g. 120x40")
        }
        return (width, height)
    }

    func run() throws {
        let (width, height) = try frameSize()
        let setup = try display.makeSetup(simulation, specs: optimizers)
        var state = AppState(setup: setup, width: width, height: height)
        state.seek(toStep: at ?? setup.steps)
        if keys { _ = state.apply(.toggleHelp) }
        let depth = depth()
        let frame = FrameComposer(glyphs: Glyphs.select(ascii: display.ascii), hasColors: depth != .none).compose(state)
        print(AnsiSerializer(depth: depth).serialize(frame))
    }

    /// The colour depth: as asked, or for `auto` the environment's when stdout is a terminal
    /// and none otherwise.
    private func depth() -> ColorDepth {
        if let depth = display.color.depth { return depth }
        guard isatty(STDOUT_FILENO) == 1 else { return .none }
        return ColorDepth.detect(environment: ProcessInfo.processInfo.environment, colorsReported: nil)
    }
}
