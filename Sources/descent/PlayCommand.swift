import ArgumentParser
import DescentCore
import DescentRender
import DescentScenes
import DescentTUI
import Foundation

/// `--color`: how many colours to draw with.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, never
    case eight = "8"
    case xterm256 = "256"
    case truecolor

    /// The depth asked for, nil for `auto` (the environment and terminal decide).
    var depth: ColorDepth? {
        switch self {
        case .auto: nil
        case .never: ColorDepth.none
        case .eight: .eight
        case .xterm256: .xterm256
        case .truecolor: .truecolor
        }
    }
}

/// The options `play` and `render` share beyond the simulation ones: tolerance, glyphs,
/// colours and the layout.
struct DisplayOptions: ParsableArguments {
    @Option(name: .customLong("tol"), help: "Distance to a known minimum that counts as arrived (the leaderboard).")
    var tolerance: Double = 0.01

    @Flag(help: "Plain ASCII instead of Unicode blocks, braille and box drawing.")
    var ascii = false

    @Option(help: "Colours: auto, never, 8, 256 or truecolor (NO_COLOR in the environment also turns them off).")
    var color: ColorChoice = .auto

    @Flag(help: "Start in grid mode: one small plot per optimizer (o/v toggles).")
    var grid = false

    @Option(help: ArgumentHelp("Play a scene file (scenes/*.toml) instead of optimizer specs; a single FILE.toml argument does the same. "
                               + "The scene sets the surface, starts, optimizers, steps, tolerance, speed and captions.",
                               valueName: "FILE"))
    var scene: String?

    func validate() throws {
        guard tolerance.isFinite, tolerance > 0 else { throw ValidationError("--tol must be a positive number") }
    }

    /// The race to show: a scene (``scenePath(specs:)``), the optimizer specs given, or the default race (six classic optimizers
    /// on Beale from (1, 1.5)) when there are none.
    func makeSetup(_ simulation: SimulationOptions, specs: [String]) throws -> RaceSetup {
        if let path = try scenePath(specs: specs) { return try sceneSetup(path) }
        let isDefaultRace = specs.isEmpty
        let surface = try simulation.resolveSurface()
        let isDefaultScene = isDefaultRace && simulation.start == nil && simulation.surface == RaceSetup.defaultSurface
        let start = isDefaultScene ? RaceSetup.defaultStart : try simulation.resolveStart(on: surface)
        let entries = try (isDefaultRace ? RaceSetup.defaultSpecs : specs).map { spec in
            let configured = try configuredOptimizer(spec, seed: simulation.seed)
            return RaceSetup.Entry(spec: configured.spec, optimizer: configured.optimizer)
        }
        return RaceSetup(surface: surface, start: start, entries: entries, schedule: try simulation.resolveSchedule(),
                         steps: simulation.steps, tolerance: tolerance, layout: grid ? .grid : .overlay,
                         view: isDefaultScene ? RaceSetup.defaultView : nil)
    }
}

extension DisplayOptions {
    /// The scene file to show: `--scene FILE`, or a single positional argument ending in
    /// `.toml`; nil for a race of optimizer specs.
    func scenePath(specs: [String]) throws -> String? {
        if let scene {
            guard specs.isEmpty else { throw CommandError("give either --scene or optimizer specs, not both") }
            return scene
        }
        return specs.count == 1 && specs[0].lowercased().hasSuffix(".toml") ? specs[0] : nil
    }

    /// The race of the scene file at `path` (with `--grid`, in grid layout). A bad scene prints
    /// its diagnostics to stderr, one `FILE:LINE:COLUMN: message` per line, and fails with exit
    /// status 1 (before any terminal is touched).
    func sceneSetup(_ path: String) throws -> RaceSetup {
        let loaded: Scene
        do {
            loaded = try Scene.load(path: path)
        } catch {
            FileHandle.standardError.write(Data(error.diagnostics.map { "\($0)\n" }.joined().utf8))
            throw ExitCode(1)
        }
        do {
            var setup = try RaceSetup(scene: loaded)
            if grid { setup.layout = .grid }
            return setup
        } catch {
            throw CommandError("scene \(path): \(error.message)")
        }
    }
}

/// `descent play` (the default command): the full-screen visualizer.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Watch optimizers race across a surface in the terminal (the default command).",
        discussion: """
            With no optimizer specs: sgd, momentum, nesterov, adagrad, rmsprop and adam on \
            Beale's function from (1, 1.5). Playback pauses at --steps (the horizon); space \
            there plays on for another --steps. 'descent play FILE.toml' (or --scene FILE) \
            plays a scene: its captions show on screen and playback pauses at its marked \
            notes. Press ? for every key. Needs an interactive \
            terminal: for files and pipes use 'descent render', 'trace' or 'race'.
            """)

    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var display: DisplayOptions

    @Flag(help: "Start playing at once.")
    var autoplay = false

    @Flag(help: "Choose a lesson from --scenes first (what 'descent' with no arguments does).")
    var pick = false

    @Option(help: ArgumentHelp("The folder of scene files the picker lists.", valueName: "DIR"))
    var scenes = "scenes"

    @Option(help: .hidden)
    var exitAfter: Double?

    @Argument(help: "Optimizer specs, e.g. sgd(lr=0.01) 'adam(lr=0.1)' (default: the six-optimizer race), or one scene FILE.toml.")
    var optimizers: [String] = []

    func validate() throws {
        if let exitAfter { guard exitAfter.isFinite, exitAfter > 0 else { throw ValidationError("--exit-after must be positive") } }
    }

    func run() throws {
        // `descent` alone (or --pick) offers the lessons in --scenes, when there are any.
        let choices = pick || CommandLine.arguments.count == 1 ? SceneCatalog.entries(in: scenes) : []
        let preset = choices.count > 1 ? nil : try display.makeSetup(simulation, specs: optimizers)
        var environment = ProcessInfo.processInfo.environment
        if display.color == .never { environment["NO_COLOR"] = "1" }
        if display.color == .truecolor { environment["COLORTERM"] = "truecolor" }
        let terminal = try startInteractiveTerminal(
            for: "descent play", alternatives: "'descent render' (one frame as text), 'descent trace' or 'descent race'",
            environment: environment, colorDepthLimit: display.color.depth ?? .truecolor)
        defer { terminal.stop() }
        let glyphs = Glyphs.select(ascii: display.ascii || !terminal.supportsUnicode)
        let setup: RaceSetup
        if let preset {
            setup = preset
        } else {
            guard let choice = runPicker(choices, on: terminal, glyphs: glyphs) else { return }
            setup = try choice.path.map(display.sceneSetup) ?? display.makeSetup(simulation, specs: [])
        }
        let size = terminal.size()
        var loop = EventLoop(state: AppState(setup: setup, width: size.width, height: size.height),
                             composer: FrameComposer(glyphs: glyphs, hasColors: terminal.colorDepth != .none))
        loop.run(on: terminal, for: exitAfter.map { .milliseconds(Int64($0 * 1000)) },
                 initialActions: autoplay ? [.togglePlay] : [])
    }
}
