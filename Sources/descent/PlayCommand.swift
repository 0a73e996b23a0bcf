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
    case sixteen = "16"
    case xterm256 = "256"
    case truecolor

    /// The depth asked for, nil for `auto` (the environment and terminal decide).
    var depth: ColorDepth? {
        switch self {
        case .auto: nil
        case .never: ColorDepth.none
        case .eight: .eight
        case .sixteen: .sixteen
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

    @Option(help: "Colours: auto, never, 8, 16, 256 or truecolor (NO_COLOR in the environment also turns them off).")
    var color: ColorChoice = .auto

    @Flag(help: "Start in grid mode: one small plot per optimizer (o/v toggles).")
    var grid = false

    @Option(help: ArgumentHelp("Play a scene file (scenes/*.toml) instead of optimizer specs; a single FILE.toml argument does the same. "
                               + "The scene sets the surface, starts, optimizers, steps, tolerance, speed and captions.",
                               valueName: "FILE"))
    var scene: String?

    @Option(help: "The title shown on screen and in a recording (a scene file's 'title' does the same).")
    var title: String?

    @Option(help: "The caption shown under the plot (a scene file's 'description' does the same).")
    var description: String?

    @Flag(help: "Tune each optimizer's learning rate first (as 'descent tune' does, with the options below; budget, by default --steps) and race at the rates found; labels say 'tuned'. The training view's race is tuned on its own net, for --tune-epochs. A scene tunes with its own tune = { … }.")
    var tuned = false

    @OptionGroup(title: "Tuning (with --tuned)") var tuning: TuneOptions

    func validate() throws {
        guard tolerance.isFinite, tolerance > 0 else { throw ValidationError("--tol must be a positive number") }
        try Self.checkText(title, option: "--title", maxLength: Limits.titleLength)
        try Self.checkText(description, option: "--description", maxLength: Limits.textLength)
    }

    /// A text option: one line of at most `maxLength` characters, no control characters.
    private static func checkText(_ text: String?, option: String, maxLength: Int) throws {
        guard let text else { return }
        if text.count > maxLength || text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw ValidationError("\(option) must be one line of at most \(maxLength) characters without control characters")
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
            notes. n switches to the training view, where the same optimizers train a small \
            neural net (the net options below, or a scene's [training] table), and back; \
            --training starts there. Press ? for every key. Needs an interactive \
            terminal: for files and pipes use 'descent render', 'trace' or 'race'.
            """)

    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var display: DisplayOptions
    @OptionGroup var training: TrainingRaceOptions

    @Flag(help: "Start playing at once.")
    var autoplay = false

    @Flag(name: .customLong("training"), help: "Start in the training view (n switches between the two views).")
    var startInTraining = false

    @Flag(help: "Choose a lesson from the lesson list first (what 'descent' with no arguments does).")
    var pick = false

    @Option(help: ArgumentHelp("The folder of lessons (scene files) the list shows (default: ./scenes, else an installed "
                               + "copy in PREFIX/share/descent/scenes beside PREFIX/bin/descent).", valueName: "DIR"))
    var scenes: String?

    @Option(help: ArgumentHelp("Also record what the screen shows to FILE, as an asciicast v2 file (asciinema).",
                               valueName: "FILE.cast"))
    var record: String?

    @Option(help: .hidden)
    var exitAfter: Double?

    @Argument(help: "Optimizer specs, e.g. sgd(lr=0.01) 'adam(lr=0.1)' (default: the six-optimizer race), or one scene FILE.toml.")
    var optimizers: [String] = []

    func validate() throws {
        if let exitAfter { guard exitAfter.isFinite, exitAfter > 0 else { throw ValidationError("--exit-after must be positive") } }
    }

    func run() throws {
        let registry = try simulation.extensions.registry()
        // `descent` alone (or --pick) shows the lesson list.
        let list = pick || (scenes != nil && optimizers.isEmpty) || CommandLine.arguments.count == 1
            ? SceneCatalog.list(directory: scenes, registry: registry, plugins: simulation.extensions.scenePlugins) : nil
        let preset = list != nil ? nil : try display.makeContent(simulation, training, specs: optimizers, registry: registry)
        var environment = ProcessInfo.processInfo.environment
        if display.color == .never { environment["NO_COLOR"] = "1" }
        if display.color == .truecolor { environment["COLORTERM"] = "truecolor" }
        let terminal = try startInteractiveTerminal(
            for: "descent play", alternatives: "'descent render' (one frame as text), 'descent trace' or 'descent race'",
            environment: environment, colorDepthLimit: display.color.depth ?? .truecolor)
        defer { terminal.stop() }
        let view = AppView(glyphs: Glyphs.select(ascii: display.ascii || !terminal.supportsUnicode),
                           hasColors: terminal.colorDepth != .none)
        let size = terminal.size()
        let model = preset.map {
            AppModel(lesson: $0.lesson, startInTraining: startInTraining, width: size.width, height: size.height)
        } ?? AppModel(lessons: list ?? LessonList(lessons: []), width: size.width, height: size.height)
        let (display, simulation, training) = (display, simulation, training)
        var loop = AppLoop(model: model, view: view) { lesson in
            Result {
                try (lesson.path.map { try display.sceneContent($0, simulation, training, registry: registry) }
                    ?? display.makeContent(simulation, training, specs: [], registry: registry)).lesson
            }.mapError { LessonError(Descent.message(for: $0)) }
        }
        let recording = try record.map { path -> (RecordingTerminal, FileHandle) in
            guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
                throw CommandError("--record \(Sanitizer.quoted(path)): cannot write the file")
            }
            let title = preset?.recordingTitle ?? "descent"
            return (RecordingTerminal(recording: terminal, depth: terminal.colorDepth, title: title) { file.write(Data($0.utf8)) }, file)
        }
        defer { try? recording?.1.close() }
        let screen = CrashOnKeyTerminal.wrapping(recording?.0 ?? terminal, environment: ProcessInfo.processInfo.environment)
        let exit = loop.run(on: screen, for: exitAfter.map { .milliseconds(Int64($0 * 1000)) },
                            initialMessages: autoplay ? [.action(.togglePlay)] : [])
        terminal.stop()
        if case .signal(let signal) = exit { throw ExitCode(128 + signal) }
    }
}
