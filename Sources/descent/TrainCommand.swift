import ArgumentParser
import DescentCore
import DescentScenes
import Foundation

/// `descent train`: several optimizers train copies of one net on one data set, from the same
/// initial weights on the same minibatch order; one row per optimizer and epoch.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a small neural net with several optimizers and print per-epoch loss and accuracy.",
        discussion: """
            Every optimizer trains its own copy of the net from the same initial weights (drawn \
            with --seed + 1) on the same minibatch order (reshuffled every epoch, drawn with \
            --seed + 2); the data are generated with --seed. Epoch 0 is the untrained net. \
            Data sets: moons, circles, spirals, xor, blobs (3 classes), checkerboard, or idx \
            with --idx-images and --idx-labels (MNIST or Fashion-MNIST files, uncompressed). \
            The net's first width must be the number of features (2, or 784 for MNIST) and its \
            last the number of classes (or 1 for binary-cross-entropy or mse on two classes). \
            Example: descent train --dataset spirals --net 2-32-32-2 --epochs 50 \
            'adam(lr=0.01)' 'sgd(lr=0.1, momentum=0.9)'
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, markdown, csv, json, jsonl }

    @OptionGroup var training: TrainingOptions

    @Option(help: "Epochs to train.")
    var epochs: Int = 20

    @Option(help: "Output format: table, markdown, csv, json (one document at the end) or jsonl (one line per evaluation, as it happens).")
    var format: Format = .table

    func validate() throws {
        guard !training.specs.isEmpty else { throw ValidationError("give at least one optimizer spec, e.g. 'descent train adam(lr=0.01)'") }
        try checkOptimizerCount(training.specs.count)
        try checkLimit(epochs, Limits.epochs, option: "--epochs")
    }

    func run() throws {
        let registry = try training.extensions.registry()
        let scene = try training.scene(defaultBudget: epochs, limit: Limits.tuneSteps, registry: registry)
        var trainers: [Trainer]
        do {
            trainers = try scene.makeTrainers(registry: registry)
        } catch {
            throw CommandError(error.message)
        }
        var rows: [[EpochRow]] = trainers.map { [EpochRow(epoch: 0, trainer: $0)] }
        // Every format but the single JSON document is written one evaluation at a time.
        var out = StreamedOutput()
        let style: Table.Style = format == .markdown ? .markdown : format == .csv ? .csv : .plain
        let widths = [trainers.map(\.label.count).max() ?? 9, 5, 6, 10, 9, 10, 7, 8].enumerated().map { max($1, Self.header[$0].count) }
        func emit(_ row: EpochRow, of trainer: Trainer) {
            guard format != .json else { return }
            if format == .jsonl {
                out.line(JSON.object([("optimizer", .string(trainer.label))] + row.fields).text)
            } else {
                out.line(Self.table.line(cells(row, of: trainer), style, widths: widths))
            }
            out.flush()
        }
        if format != .json, format != .jsonl { Self.table.headLines(style, widths: widths).forEach { out.line($0) } }
        for (trainer, row) in zip(trainers, rows) { emit(row[0], of: trainer) }
        for epoch in stride(from: 1, through: epochs, by: 1) {
            for i in trainers.indices where trainers[i].isActive {
                trainers[i].train(epochs: epoch)
                let row = EpochRow(epoch: epoch, trainer: trainers[i])
                if format == .json { rows[i].append(row) } else { emit(row, of: trainers[i]) }
            }
        }
        if let race = scene.training, format == .json { print(json(race, trainers, rows)) }
    }

    static let header = ["optimizer", "epoch", "steps", "train loss", "train acc", "val loss", "val acc", "diverged"]
    static let table = Table(header: header, rows: [], numeric: [1, 2, 3, 4, 5, 6])

    /// The table cells of one evaluation.
    private func cells(_ row: EpochRow, of trainer: Trainer) -> [String] {
        [trainer.label, String(row.epoch), String(row.steps), compact(row.score.train.loss),
         percent(row.score.train.accuracy), compact(row.score.validation.loss), percent(row.score.validation.accuracy),
         row.failure.map { "failed: \($0)" } ?? row.divergedAt.map { "at step \($0)" } ?? "no"]
    }

    /// The whole run as one JSON document: the problem, and per optimizer its spec (with --tuned
    /// the tuned one, at full precision), the winning trial of its tuning, and every epoch's scores.
    private func json(_ race: SceneTraining, _ trainers: [Trainer], _ rows: [[EpochRow]]) -> String {
        let problem = race.problem
        return JSON.object([
                ("dataset", .string(training.data.datasetName)),
                ("net", .string(problem.net.description)),
                ("activation", .string(problem.net.activation.rawValue)),
                ("loss", .string(problem.loss.rawValue)),
                ("parameters", .number(Double(problem.net.parameterCount))),
                ("train_samples", .number(Double(problem.data.train.count))),
                ("validation_samples", .number(Double(problem.data.validation.count))),
                ("batch", .number(Double(training.data.batch))),
                ("epochs", .number(Double(epochs))),
                ("seed", .number(Double(training.seed))),
                ("results", .array(zip(race.optimizers, zip(trainers, rows)).map { optimizer, run in
                    let (trainer, rows) = run
                    return .object([
                        ("optimizer", .string(trainer.label)),
                        ("spec", .string(optimizer.spec)),
                        ("tuned", optimizer.tuned.map { best in
                            .object([("lr", .number(best.learningRate)), ("also", best.also.map(JSON.number) ?? .null),
                                     ("figure", best.figure.map(JSON.number) ?? .null)])
                        } ?? .null),
                        ("diverged_at", .integer(trainer.divergedAt)),
                        ("failed", trainer.failure.map { .string($0.reason) } ?? .null),
                        ("epochs", .array(rows.map { .object($0.fields) })),
                    ])
                })),
            ]).text
    }

    private func percent(_ v: Double) -> String { String(format: "%.2f%%", 100 * v) }
}

/// The scores of one trainer after an epoch.
private struct EpochRow {
    var epoch: Int
    var steps: Int
    var score: Evaluation
    var divergedAt: Int?
    var failure: String?

    init(epoch: Int, trainer: Trainer) {
        self.epoch = epoch
        steps = trainer.stepCount
        score = trainer.evaluate()
        divergedAt = trainer.divergedAt
        failure = trainer.failure?.reason
    }

    /// The evaluation as JSON fields.
    var fields: [(String, JSON)] {
        [
            ("epoch", .number(Double(epoch))), ("steps", .number(Double(steps))),
            ("train_loss", .number(score.train.loss)), ("train_accuracy", .number(score.train.accuracy)),
            ("validation_loss", .number(score.validation.loss)), ("validation_accuracy", .number(score.validation.accuracy)),
            ("diverged", .bool(divergedAt != nil)),
        ]
    }
}
