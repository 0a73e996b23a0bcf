import ArgumentParser
import DescentCore
import DescentRender
import DescentScenes
import DescentTUI
import Foundation

/// `descent train-view`: the training of `descent train` live in the terminal — a legend, the
/// loss and accuracy curves, the "Walk with SGD" measurements and (for 2D data) the decision
/// boundary, one line per optimizer.
struct TrainViewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-view",
        abstract: "Watch several optimizers train a small neural net, live in the terminal.",
        discussion: """
            The same data, net, initial weights and minibatch order as 'descent train'. \
            Space plays and pauses, '.' takes one step, + and - change the steps per frame, \
            u and d multiply and divide the selected optimizer's learning rate by 1.5, b and B \
            halve and double its batch size, Tab selects, v shows the next panel (curves, walk \
            with SGD, decision boundary), ? lists the keys, q quits. 'descent play' has this \
            view too, behind n. Needs an interactive terminal: for files and pipes use \
            'descent train'. \
            Example: descent train-view --dataset moons --net 2-16-16-2 --batch 32 \
            'adam(lr=0.01)' 'sgd(lr=0.1, momentum=0.9)'
            """)

    @OptionGroup var training: TrainingOptions
    @OptionGroup var view: TrainingViewOptions

    @Flag(help: "Plain ASCII instead of braille and box drawing.")
    var ascii = false

    @Option(help: .hidden)
    var exitAfter: Double?

    func validate() throws {
        guard !training.specs.isEmpty else { throw ValidationError("give at least one optimizer spec, e.g. 'descent train-view adam(lr=0.01)'") }
        try checkOptimizerCount(training.specs.count)
        if let exitAfter { guard exitAfter.isFinite, exitAfter > 0 else { throw ValidationError("--exit-after must be positive") } }
    }

    func run() throws {
        let registry = try training.extensions.registry()
        let scene = try training.scene(evaluateEvery: view.evaluateEvery, walk: view.walk, defaultBudget: 5,
                                       limit: Limits.sceneTrainingTuneSteps, registry: registry)
        let setup: TrainingSetup
        do {
            setup = try scene.trainingSetup(registry: registry)
        } catch {
            throw CommandError(error.message)
        }
        let terminal = try startInteractiveTerminal(for: "descent train-view", alternatives: "'descent train'")
        defer { terminal.stop() }
        let view = AppView(glyphs: Glyphs.select(ascii: ascii || !terminal.supportsUnicode), hasColors: terminal.colorDepth != .none)
        let size = terminal.size()
        var loop = AppLoop(model: AppModel(lesson: LessonContent(race: nil, training: setup), width: size.width, height: size.height),
                           view: view)
        let exit = loop.run(on: terminal, for: exitAfter.map { .milliseconds(Int64($0 * 1000)) })
        terminal.stop()
        if case .signal(let signal) = exit { throw ExitCode(128 + signal) }
    }
}
