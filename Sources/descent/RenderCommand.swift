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
            means colours only when stdout is a terminal). --view training draws the \
            training view instead ('n' in the visualizer) after --at optimizer steps \
            (default: the scene's epochs, else 5 epochs), showing --panel (and --boundaries).
            """)

    /// Which view to draw.
    enum View: String, ExpressibleByArgument, CaseIterable { case surface, training }

    /// What to write: ANSI text, or a standalone SVG picture or HTML page (see ``SVGWriter``).
    enum Format: String, ExpressibleByArgument, CaseIterable { case ansi, svg, html }

    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var display: DisplayOptions
    @OptionGroup var training: TrainingRaceOptions

    @Option(help: "The view: surface or training (default: surface, or training for a scene with only [training]).")
    var view: View?

    @Option(help: "The training view's panel: curves, walk or boundary (2D data).")
    var panel: TrainingPanel = .curves

    @Option(help: "The training view's decision boundaries: selected (the first optimizer's, large) or all (every optimizer's, small; key s).")
    var boundaries: BoundaryLayout = .selected

    @Option(help: ArgumentHelp("The frame size in cells.", valueName: "WxH"))
    var size = "120x40"

    @Option(help: "The step shown (default: --steps; for the training view, see above).")
    var at: Int?

    @Option(help: "ansi (text with colour escapes), svg or html (a standalone picture with exact colours; --color defaults to truecolor).")
    var format: Format = .ansi

    @Flag(help: "Show the help overlay.")
    var keys = false

    @Argument(help: "Optimizer specs, e.g. sgd(lr=0.01) 'adam(lr=0.1)' (default: the six-optimizer race), or one scene FILE.toml.")
    var optimizers: [String] = []

    func validate() throws {
        _ = try frameSize()
        if let at { try checkLimit(at, Limits.steps, option: "--at") }
    }

    /// `--size` as (width, height).
    func frameSize() throws -> (width: Int, height: Int) { try parseFrameSize(size) }

    func run() throws {
        let (width, height) = try frameSize()
        let content = try display.makeContent(simulation, training, specs: optimizers,
                                              registry: try simulation.extensions.registry())
        let depth = depth()
        let glyphs = Glyphs.select(ascii: display.ascii)
        let frame: CellBuffer
        if view == .surface, content.race == nil {
            throw CommandError("this scene has only a training race: use --view training")
        }
        if let race = content.race, view != .training {
            if let at, at > race.steps {
                throw CommandError("--at \(at) is past the run's last step, \(race.steps) (--steps or the scene's run.steps)")
            }
            let composer = FrameComposer(glyphs: glyphs, hasColors: depth != .none)
            if let cloud = race.cloud {
                frame = composer.compose(shown(CloudState(setup: race, cloud: cloud, width: width, height: height), at: at ?? race.steps))
            } else {
                frame = composer.compose(shown(SurfaceState(setup: race, width: width, height: height), at: at ?? race.steps))
            }
        } else {
            var state = TrainingState(setup: content.training)
            guard state.panels.contains(panel) else {
                throw CommandError("--panel \(panel.rawValue): the decision boundary needs data with two features")
            }
            let stepsPerEpoch = content.training.trainers.first?.sampler.stepsPerEpoch ?? 0
            let steps = at ?? (content.training.epochs ?? 5) * stepsPerEpoch
            let trainers = max(content.training.trainers.count, 1)
            guard steps <= Limits.recordedPoints / trainers else {
                throw CommandError("--at \(steps): \(trainers) optimizers × \(steps) steps is more than \(Limits.recordedPoints) "
                                   + "recorded steps (the limit); at most \(Limits.recordedPoints / trainers) steps")
            }
            for _ in 0..<steps { state.apply(.stepForward) }
            while state.panel != panel { state.apply(.nextPanel) }
            if state.boundaryLayout != boundaries { state.apply(.toggleBoundaryLayout) }
            if keys { state.apply(.toggleHelp) }
            frame = TrainingComposer(glyphs: glyphs, hasColors: depth != .none).compose(state, width: width, height: height)
        }
        switch format {
        case .ansi: print(AnsiSerializer(depth: depth).serialize(frame))
        case .svg: print(SVGWriter(depth: depth).svg(frame, title: "descent"), terminator: "")
        case .html: print(SVGWriter(depth: depth).html(frame, title: "descent"), terminator: "")
        }
    }

    /// `state` at step `step`, with the help overlay when `--keys` asks for it.
    private func shown<State: PlotScreen>(_ state: State, at step: Int) -> State {
        var state = state
        state.seek(toStep: step)
        if keys { _ = state.apply(.toggleHelp) }
        return state
    }

    /// The colour depth: as asked, or for `auto` the environment's when stdout is a terminal
    /// and none otherwise.
    private func depth() -> ColorDepth {
        if let depth = display.color.depth { return depth }
        if format != .ansi { return .truecolor }
        guard isatty(STDOUT_FILENO) == 1 else { return .none }
        return ColorDepth.detect(environment: ProcessInfo.processInfo.environment, colorsReported: nil)
    }
}

extension TrainingPanel: ExpressibleByArgument {}
extension BoundaryLayout: ExpressibleByArgument {}

/// A `--size` value as (width, height): two whole numbers within ``Limits/frameSide`` joined by `x`.
func parseFrameSize(_ size: String) throws -> (width: Int, height: Int) {
    let parts = size.lowercased().split(separator: "x", omittingEmptySubsequences: false)
    guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
          Limits.frameSide.contains(width), Limits.frameSide.contains(height) else {
        let side = Limits.frameSide
        throw ValidationError("--size '\(size)': expected WIDTHxHEIGHT with each from \(side.lowerBound) to \(side.upperBound), e.g. 120x40")
    }
    return (width, height)
}
