import ArgumentParser
import DescentCore
import DescentRender
import DescentTUI
import Foundation

/// `descent record`: a lesson played without a terminal, written as an asciicast v2 file.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a lesson or race as an asciicast v2 file (asciinema), without a terminal.",
        discussion: """
            Plays what 'descent play' would show for the same arguments at --size, --fps \
            frames a second at the lesson's own speed, holding the frame at each pausing \
            note long enough to read its caption and at the end; the recording ends on the \
            lesson's last frame (the horizon, --steps for a race). The same input gives the \
            same bytes. Play it with 'asciinema play FILE.cast' or put it on a page with \
            asciinema-player.
            """)

    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var display: DisplayOptions
    @OptionGroup var training: TrainingRaceOptions

    @Option(help: ArgumentHelp("The file to write (asciicast v2, e.g. lesson.cast).", valueName: "FILE"))
    var out: String

    @Option(help: ArgumentHelp("The terminal size of the recording in cells.", valueName: "WxH"))
    var size = "120x40"

    @Option(help: "Frames a second (1 to 60).")
    var fps = 10

    @Option(help: "The longest recording in seconds (1 to 3600).")
    var maxSeconds: Double = 600

    @Flag(name: .customLong("training"), help: "Record the training view.")
    var startInTraining = false

    @Argument(help: "Optimizer specs (default: the six-optimizer race), or one scene FILE.toml.")
    var optimizers: [String] = []

    func validate() throws {
        _ = try parseFrameSize(size)
        guard (1...60).contains(fps) else { throw ValidationError("--fps must be from 1 to 60, got \(fps)") }
        guard maxSeconds.isFinite, (1...3600).contains(maxSeconds) else {
            throw ValidationError("--max-seconds must be from 1 to 3600")
        }
    }

    func run() throws {
        let (width, height) = try parseFrameSize(size)
        let content = try display.makeContent(simulation, training, specs: optimizers,
                                              registry: try simulation.extensions.registry())
        let depth = display.color.depth ?? .truecolor
        let view = AppView(glyphs: Glyphs.select(ascii: display.ascii), hasColors: depth != .none)
        let model = AppModel(lesson: content.lesson, startInTraining: startInTraining, width: width, height: height)
        guard FileManager.default.createFile(atPath: out, contents: nil), let file = FileHandle(forWritingAtPath: out) else {
            throw CommandError("--out \(Sanitizer.quoted(out)): cannot write the file")
        }
        defer { try? file.close() }
        LessonRecorder(fps: fps, depth: depth, maximumSeconds: maxSeconds)
            .record(model, view: view, title: content.recordingTitle) { file.write(Data($0.utf8)) }
    }
}
