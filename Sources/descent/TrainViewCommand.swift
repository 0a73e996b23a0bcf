import ArgumentParser
import DescentCore
import DescentRender
import DescentTUI
import Foundation

/// `descent train-view`: the training of `descent train` live in the terminal — a legend, the
/// train and validation loss curves and the validation accuracy, one line per optimizer.
struct TrainViewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-view",
        abstract: "Watch several optimizers train a small neural net, live in the terminal.",
        discussion: """
            The same data, net, initial weights and minibatch order as 'descent train'. \
            Space plays and pauses, '.' takes one step, + and - change the steps per frame, \
            u and d multiply and divide the selected optimizer's learning rate by 1.5, Tab \
            selects, ? lists the keys, q quits. Needs an interactive terminal: for files and \
            pipes use 'descent train'. \
            Example: descent train-view --dataset moons --net 2-16-16-2 --batch 32 \
            'adam(lr=0.01)' 'sgd(lr=0.1, momentum=0.9)'
            """)

    @OptionGroup var training: TrainingOptions

    @Option(name: .customLong("eval-every"), help: "Steps between evaluations on the full training and validation sets (default: a quarter epoch).")
    var evaluateEvery: Int?

    @Flag(help: "Plain ASCII instead of braille and box drawing.")
    var ascii = false

    func validate() throws {
        guard !training.specs.isEmpty else { throw ValidationError("give at least one optimizer spec, e.g. 'descent train-view adam(lr=0.01)'") }
        if let evaluateEvery { guard evaluateEvery >= 1 else { throw ValidationError("--eval-every must be at least 1, got \(evaluateEvery)") } }
    }

    func run() throws {
        let setup = try training.makeTrainers()
        let stepsPerEpoch = (setup.problem.data.train.count + training.batch - 1) / training.batch
        let state = TrainingState(trainers: setup.trainers, evaluateEvery: evaluateEvery ?? max(1, stepsPerEpoch / 4))
        let terminal = try startInteractiveTerminal(for: "descent train-view", alternatives: "'descent train'")
        defer { terminal.stop() }
        let composer = TrainingComposer(glyphs: Glyphs.select(ascii: ascii || !terminal.supportsUnicode),
                                        hasColors: terminal.colorDepth != .none)
        _ = runTraining(on: terminal, state: state, composer: composer)
    }
}
