import ArgumentParser
import DescentCore
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

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, markdown, csv, json }

    @Option(help: "moons, circles, spirals, xor, blobs, checkerboard or idx (default: moons, or idx with --idx-images).")
    var dataset: String?

    @Option(help: "Samples to generate for a synthetic data set (split into training and validation).")
    var samples: Int = 1000

    @Option(help: "Standard deviation of the Gaussian noise on a synthetic data set (default: per data set).")
    var noise: Double?

    @Option(help: "Fraction of the samples held out for validation.")
    var validation: Double = 0.2

    @Option(name: .customLong("idx-images"), help: "An IDX image file (e.g. train-images-idx3-ubyte).")
    var idxImages: String?

    @Option(name: .customLong("idx-labels"), help: "The matching IDX label file (e.g. train-labels-idx1-ubyte).")
    var idxLabels: String?

    @Option(name: .customLong("idx-limit"), help: "Use only the first N samples of the IDX files.")
    var idxLimit: Int?

    @Option(help: "Layer widths joined by '-', inputs first: 2-16-16-2.")
    var net: String = "2-16-16-2"

    @Option(help: "Hidden activation: tanh, relu, sigmoid or gelu.")
    var activation: String = "tanh"

    @Option(help: "Loss: cross_entropy, binary_cross_entropy or mse.")
    var loss: String = "cross_entropy"

    @Option(name: .customLong("init"), help: "Weight initialisation: he or glorot (default: he for relu/gelu, glorot otherwise).")
    var initialization: String?

    @Option(help: "Minibatch size (at least the training set size: full-batch gradient descent).")
    var batch: Int = 32

    @Option(help: "Epochs to train.")
    var epochs: Int = 20

    @Option(help: "A learning-rate schedule spec, stepped once per optimizer step, e.g. 'cosine(t_max=500)'.")
    var schedule: String?

    @Option(help: "The seed for the data, the initial weights and the minibatch order.")
    var seed: UInt64 = 0

    @Option(help: "Output format: table, markdown, csv or json.")
    var format: Format = .table

    @Option(name: .customLong("optimizer"), help: "An optimizer spec (repeatable; same as a positional SPEC).")
    var optimizerOptions: [String] = []

    @Argument(help: ArgumentHelp("Optimizer specs, e.g. 'adam(lr=0.01)' 'sgd(lr=0.1, momentum=0.9)'.", valueName: "spec"))
    var optimizers: [String] = []

    var specs: [String] { optimizerOptions + optimizers }

    func validate() throws {
        guard !specs.isEmpty else { throw ValidationError("give at least one optimizer spec, e.g. 'descent train adam(lr=0.01)'") }
        guard batch >= 1 else { throw ValidationError("--batch must be at least 1, got \(batch)") }
        guard (0...100_000).contains(epochs) else { throw ValidationError("--epochs must be between 0 and 100000, got \(epochs)") }
        guard (2...1_000_000).contains(samples) else { throw ValidationError("--samples must be between 2 and 1000000, got \(samples)") }
        guard validation > 0, validation < 1 else { throw ValidationError("--validation must lie strictly between 0 and 1, got \(validation)") }
        if let noise, !(noise.isFinite && noise >= 0) { throw ValidationError("--noise must be a finite number >= 0") }
        if let idxLimit, idxLimit < 2 { throw ValidationError("--idx-limit must be at least 2, got \(idxLimit)") }
    }

    func run() throws {
        let problem = try makeProblem()
        let initialization = try parse(self.initialization ?? Initialization.standard(for: problem.net.activation).rawValue,
                                       as: Initialization.self, option: "--init")
        let theta0 = problem.initialParameters(initialization, seed: seed &+ 1)
        let schedule = try resolveSchedule()
        var trainers = try specs.map { spec in
            let configured = try configuredOptimizer(spec)
            return Trainer(label: configured.spec, problem: problem, optimizer: configured.optimizer, schedule: schedule,
                           initialParameters: theta0, batchSize: batch, seed: seed &+ 2)
        }
        var rows: [[EpochRow]] = trainers.map { [EpochRow(epoch: 0, trainer: $0)] }
        for epoch in stride(from: 1, through: epochs, by: 1) {
            for i in trainers.indices where trainers[i].isActive {
                trainers[i].train(epochs: epoch)
                rows[i].append(EpochRow(epoch: epoch, trainer: trainers[i]))
            }
        }
        print(render(problem, trainers, rows))
    }

    private func makeProblem() throws -> TrainingProblem {
        let activation = try parse(activation, as: Activation.self, option: "--activation")
        let loss = try parse(loss, as: LossFunction.self, option: "--loss")
        let mlp: MLP
        do { mlp = try MLP(net, activation: activation) } catch { throw CommandError("--net: \(error.message)") }
        do {
            return try TrainingProblem(net: mlp, loss: loss, data: try loadData().split(validationFraction: validation, seed: seed))
        } catch let error as TrainingError {
            throw CommandError(error.message)
        }
    }

    private func loadData() throws -> Dataset {
        let name = dataset ?? (idxImages != nil || idxLabels != nil ? "idx" : "moons")
        if name == "idx" {
            guard let idxImages, let idxLabels else { throw CommandError("--dataset idx needs both --idx-images PATH and --idx-labels PATH") }
            let images = try readIDX(idxImages, option: "--idx-images")
            let labels = try readIDX(idxLabels, option: "--idx-labels")
            do {
                let data = try Dataset.idx(images: images, labels: labels)
                guard let idxLimit, idxLimit < data.count else { return data }
                return data.subset(0..<idxLimit)
            } catch {
                throw CommandError("IDX files '\(idxImages)', '\(idxLabels)': \(error.message)")
            }
        }
        guard idxImages == nil, idxLabels == nil else {
            throw CommandError("--idx-images and --idx-labels go with --dataset idx, not '\(name)'")
        }
        let set = try parse(name, as: SyntheticDataset.self, option: "--dataset", extra: ["idx"])
        return set.generate(count: samples, noise: noise, seed: seed)
    }

    private func readIDX(_ path: String, option: String) throws -> IDXArray {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError("\(option) '\(path)': cannot read the file")
        }
        let bytes = [UInt8](data)
        if bytes.starts(with: [0x1F, 0x8B]) {
            throw CommandError("\(option) '\(path)': the file is gzip-compressed; decompress it first (gunzip)")
        }
        do {
            return try IDXArray(bytes: bytes)
        } catch {
            throw CommandError("\(option) '\(path)': \(error.message)")
        }
    }

    private func configuredOptimizer(_ spec: String) throws -> ConfiguredOptimizer {
        do {
            return try Registry.builtin.optimizer(spec, seed: seed)
        } catch {
            throw CommandError(error, in: "optimizer", text: spec)
        }
    }

    private func resolveSchedule() throws -> any Schedule {
        guard let text = schedule else { return ConstantSchedule() }
        do {
            return try Registry.builtin.schedule(text)
        } catch {
            throw CommandError(error, in: "--schedule", text: text)
        }
    }

    private func parse<T: RawRepresentable & CaseIterable>(_ text: String, as: T.Type, option: String, extra: [String] = []) throws -> T
    where T.RawValue == String {
        if let value = T(rawValue: text) { return value }
        let valid = T.allCases.map(\.rawValue) + extra
        throw CommandError("\(option) '\(text)': expected one of \(valid.joined(separator: ", "))")
    }

    private func render(_ problem: TrainingProblem, _ trainers: [Trainer], _ rows: [[EpochRow]]) -> String {
        if format == .json {
            return JSON.object([
                ("dataset", .string(dataset ?? (idxImages != nil ? "idx" : "moons"))),
                ("net", .string(problem.net.description)),
                ("activation", .string(problem.net.activation.rawValue)),
                ("loss", .string(problem.loss.rawValue)),
                ("parameters", .number(Double(problem.net.parameterCount))),
                ("train_samples", .number(Double(problem.data.train.count))),
                ("validation_samples", .number(Double(problem.data.validation.count))),
                ("batch", .number(Double(batch))),
                ("epochs", .number(Double(epochs))),
                ("seed", .number(Double(seed))),
                ("results", .array(zip(trainers, rows).map { trainer, rows in
                    .object([
                        ("optimizer", .string(trainer.label)),
                        ("diverged_at", .integer(trainer.divergedAt)),
                        ("epochs", .array(rows.map(\.json))),
                    ])
                })),
            ]).text
        }
        let table = Table(
            header: ["optimizer", "epoch", "steps", "train loss", "train acc", "val loss", "val acc", "diverged"],
            rows: zip(trainers, rows).flatMap { trainer, rows in
                rows.map { row in
                    [trainer.label, String(row.epoch), String(row.steps), compact(row.score.train.loss),
                     percent(row.score.train.accuracy), compact(row.score.validation.loss), percent(row.score.validation.accuracy),
                     row.divergedAt.map { "at step \($0)" } ?? "no"]
                }
            },
            numeric: [1, 2, 3, 4, 5, 6])
        return table.render(format == .markdown ? .markdown : format == .csv ? .csv : .plain)
    }

    private func percent(_ v: Double) -> String { String(format: "%.2f%%", 100 * v) }
}

/// The scores of one trainer after an epoch.
private struct EpochRow {
    var epoch: Int
    var steps: Int
    var score: Evaluation
    var divergedAt: Int?

    init(epoch: Int, trainer: Trainer) {
        self.epoch = epoch
        steps = trainer.stepCount
        score = trainer.evaluate()
        divergedAt = trainer.divergedAt
    }

    var json: JSON {
        .object([
            ("epoch", .number(Double(epoch))), ("steps", .number(Double(steps))),
            ("train_loss", .number(score.train.loss)), ("train_accuracy", .number(score.train.accuracy)),
            ("validation_loss", .number(score.validation.loss)), ("validation_accuracy", .number(score.validation.accuracy)),
            ("diverged", .bool(divergedAt != nil)),
        ])
    }
}
