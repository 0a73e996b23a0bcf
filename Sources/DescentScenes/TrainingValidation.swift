import DescentCore
import TOMLKit

/// A minibatch size as written in a scene: B samples, or `"full"`, the whole training set (every
/// step a full-batch gradient-descent step).
enum WrittenBatchSize: Equatable {
    case samples(Int)
    case full

    /// B for a training set of n samples.
    func resolved(trainingSetSize n: Int) -> Int {
        switch self {
        case .samples(let b): b
        case .full: n
        }
    }
}

extension SceneValidator {
    static let trainingKeys = ["dataset", "samples", "noise", "validation", "net", "activation", "loss", "init",
                               "batch_size", "epochs", "eval_every", "walk_every", "seed", "optimizer", "notes", "images", "labels",
                               "validation_images", "validation_labels", "tune"]
    static let trainingOptimizerKeys = ["spec", "label", "color", "schedule", "batch_size", "tune"]

    /// The `[training]` table: the data set, its split, the net, loss and initialisation (built
    /// once into a ``TrainingProblem``), the minibatch size, the epochs, the measurements, the seed
    /// (default `run.seed`), the `[[training.optimizer]]`s, the `[[training.notes]]` and the
    /// learning-rate search `tune` (``trainingTune(_:training:)``).
    /// nil when there is none or something required could not be read (the reader holds why).
    mutating func training(_ root: TOMLTable, seed runSeed: UInt64) -> SceneTraining? {
        guard let table = reader.table(root, "training", in: "") else { return nil }
        reader.checkKeys(table, at: "training", allowed: Self.trainingKeys)
        let seed = reader.seed(table, "seed", in: "training") ?? runSeed
        let built = trainingProblem(table, seed: seed)
        let trainingSetSize = built?.problem.data.train.count
        let batch = batchSize(table, in: "training", required: "a training race needs batch_size: an integer >= 1, or \"full\" (the whole training set)")
        let epochs = reader.integer(table, "epochs", in: "training", range: 1...Limits.epochs.upperBound,
                                    required: "a training race needs epochs (playback pauses after them)")
        let evaluateEvery = reader.integer(table, "eval_every", in: "training", range: 1...Limits.steps.upperBound)
        let walkEvery = reader.integer(table, "walk_every", in: "training", range: 0...Limits.steps.upperBound) ?? 0
        let optimizers = trainingOptimizers(table, seed: seed, trainingSetSize: trainingSetSize)
        let notes = captions(table, in: "training", at: "epoch", last: epochs ?? Limits.epochs.upperBound)

        guard let built, let trainingSetSize, let batch, let epochs, !optimizers.isEmpty else { return nil }
        var recipe = built.recipe
        recipe.batchSize = batch.resolved(trainingSetSize: trainingSetSize)
        checkTrainingBudget(epochs: epochs, trainingSetSize: trainingSetSize, batchSizes: optimizers.map { $0.batchSize ?? recipe.batchSize })
        var training = SceneTraining(
            dataset: built.dataset, recipe: recipe, problem: built.problem, epochs: epochs, evaluateEvery: evaluateEvery,
            walk: WalkSettings(every: walkEvery), optimizers: optimizers,
            notes: notes.map { SceneTrainingNote(epoch: $0.at, text: $0.text, pause: $0.pause) })
        training.tune = trainingTune(table, training: training)
        return training
    }

    /// The data set, split, net, loss and initialisation as a recipe (its batch size still to be
    /// set) and the problem it makes. A net that does not fit the data is reported at `net`.
    private mutating func trainingProblem(_ table: TOMLTable, seed: UInt64) -> (dataset: String, recipe: TrainingRecipe, problem: TrainingProblem)? {
        let names = SyntheticDataset.allCases.map(\.rawValue) + ["idx"]
        let name = reader.string(table, "dataset", in: "training", required: "a training race needs dataset = one of \(names.joined(separator: ", "))")
        var set: SyntheticDataset?
        if let name, name != "idx" {
            set = SyntheticDataset(rawValue: name)
            if set == nil { reportUnknown("training.dataset", kind: "data set", name: name, valid: names) }
        }
        let idxKeys = ["images", "labels", "validation_images", "validation_labels"]
        if name != "idx" {
            for key in idxKeys where table[key] != nil { reader.reportKey("training." + key, "goes with dataset = \"idx\"") }
        } else {
            for key in ["samples", "noise"] where table[key] != nil { reader.reportKey("training." + key, "is for a generated data set, not dataset = \"idx\"") }
        }
        let samples = reader.integer(table, "samples", in: "training", range: Limits.samples) ?? 1000
        let noise = reader.number(table, "noise", in: "training", range: 0...10)
        let idx = name == "idx" ? idxSource(table) : nil
        let validation = validationFraction(table, samples: idx?.count ?? samples)
        let activation = reader.choice(table, "activation", in: "training", as: Activation.self) ?? .tanh
        let loss = reader.choice(table, "loss", in: "training", as: LossFunction.self) ?? .crossEntropy
        let initialization = reader.choice(table, "init", in: "training", as: Initialization.self)
        let net = self.net(table, activation: activation)
        guard let name, let validation, let net else { return nil }
        let source: TrainingRecipe.Source
        if let set {
            source = .synthetic(set, samples: samples, noise: noise)
        } else if let idx {
            source = idx.source
        } else {
            return nil
        }
        let recipe = TrainingRecipe(source: source, validationFraction: validation, net: net, loss: loss, initialization: initialization, seed: seed)
        do {
            return (name, recipe, try recipe.makeProblem())
        } catch {
            reader.report("training.net", error.message)
            return nil
        }
    }

    /// The samples of `dataset = "idx"`: `images` and `labels` (IDX files, paths relative to the
    /// scene's folder), split by `validation`, or with `validation_images` and `validation_labels`
    /// the validation set those hold (its classes counted as the training set's). `count` is the
    /// number of samples the `validation` fraction splits.
    private mutating func idxSource(_ table: TOMLTable) -> (source: TrainingRecipe.Source, count: Int)? {
        let what = "dataset = \"idx\" needs"
        let images = reader.string(table, "images", in: "training", required: "\(what) images = \"FILE\": an IDX image file, relative to the scene's folder")
        let labels = reader.string(table, "labels", in: "training", required: "\(what) labels = \"FILE\": the IDX label file of the images")
        let validationImages = reader.string(table, "validation_images", in: "training")
        let validationLabels = reader.string(table, "validation_labels", in: "training")
        if (validationImages == nil) != (validationLabels == nil) {
            let given = validationImages == nil ? "validation_labels" : "validation_images"
            reader.reportKey("training." + given, "validation_images and validation_labels go together")
        }
        guard let images, let labels, let train = idxDataset(images: images, labels: labels, at: "training.images") else { return nil }
        guard let validationImages, let validationLabels else { return (.loaded(train), train.count) }
        guard let held = idxDataset(images: validationImages, labels: validationLabels, at: "training.validation_images") else { return nil }
        do throws(TrainingError) {
            guard held.featureCount == train.featureCount else {
                throw TrainingError("\(held.featureCount) pixels per validation image, but \(train.featureCount) per training image")
            }
            let validation = try Dataset(features: held.features, labels: held.labels, featureCount: held.featureCount,
                                         classCount: max(held.classCount, train.classCount))
            return (.split(TrainingData(train: train, validation: validation)), train.count + validation.count)
        } catch {
            reader.report("training.validation_images", error.message)
            return nil
        }
    }

    /// The data set of an IDX image file and its label file (``Dataset/idx(images:labels:)``),
    /// each at most ``Limits/idxFileBytes``; problems reported at `key`.
    private mutating func idxDataset(images: String, labels: String, at key: String) -> Dataset? {
        func array(_ path: String) throws -> IDXArray {
            let resolved = reader.resolve(path)
            do {
                return try IDXArray(bytes: try BoundedFile.read(resolved, limit: Limits.idxFileBytes))
            } catch let error as FileReadError {
                throw TrainingError("\(Sanitizer.quoted(resolved)): \(error.message)")
            } catch let error as TrainingError {
                throw TrainingError("\(Sanitizer.quoted(resolved)): \(error.message)")
            }
        }
        do {
            return try Dataset.idx(images: try array(images), labels: try array(labels))
        } catch let error as TrainingError {
            reader.report(key, error.message)
        } catch {
            reader.report(key, "\(error)")
        }
        return nil
    }

    /// `validation` (default 0.2): strictly between 0 and 1, and holding out ⌈fraction·n⌉ samples
    /// (as ``Dataset/split(validationFraction:seed:)`` does) must leave some to train on.
    private mutating func validationFraction(_ table: TOMLTable, samples n: Int) -> Double? {
        let written = reader.number(table, "validation", in: "training", range: 0...1)
        guard let fraction = written ?? (table["validation"] == nil ? 0.2 : nil) else { return nil }
        guard fraction > 0, fraction < 1 else {
            reader.report("training.validation", "must lie strictly between 0 and 1, got \(formatNumber(fraction))")
            return nil
        }
        let held = Int((fraction * Double(n)).rounded(.up))
        guard held < n else {
            reader.report("training.validation", "holds out ⌈\(formatNumber(fraction))·\(n)⌉ = \(held) of the \(n) samples, leaving none to train on")
            return nil
        }
        return fraction
    }

    /// `net` (default 2-16-16-2): widths joined by '-', within the net limits of ``Limits``.
    private mutating func net(_ table: TOMLTable, activation: Activation) -> MLP? {
        guard let text = reader.string(table, "net", in: "training") ?? (table["net"] == nil ? "2-16-16-2" : nil) else { return nil }
        do {
            return try MLP(text, activation: activation)
        } catch {
            reader.report("training.net", error.message)
            return nil
        }
    }

    /// `batch_size`: an integer B ≥ 1, or `"full"`.
    private mutating func batchSize(_ table: TOMLTable, in parent: String, required: String? = nil) -> WrittenBatchSize? {
        let path = SceneReader.path(parent, "batch_size")
        guard let value = table["batch_size"] else {
            if let required { reader.reportMissing(path, required) }
            return nil
        }
        if let b = value.int, Limits.batch.contains(b) { return .samples(b) }
        if value.string == "full" { return .full }
        let got = value.int.map(String.init) ?? value.string.map { "'\($0)'" } ?? SceneReader.describe(value)
        reader.report(path, "must be an integer from 1 to \(Limits.batch.upperBound) or \"full\", got \(got)")
        return nil
    }

    /// The `[[training.optimizer]]` tables: a spec (built in the registry with the training seed),
    /// an optional label, colour, schedule, batch size ("full" resolved against the training set)
    /// and `tune = false`.
    private mutating func trainingOptimizers(_ table: TOMLTable, seed: UInt64, trainingSetSize: Int?) -> [SceneTrainingOptimizer] {
        let tables = optimizerTables(table, "optimizer", in: "training",
                                     required: "a training race needs at least one [[training.optimizer]] with a spec")
        var result: [SceneTrainingOptimizer] = []
        for (i, t) in tables.enumerated() {
            let path = "training.optimizer[\(i)]"
            reader.checkKeys(t, at: path, allowed: Self.trainingOptimizerKeys)
            let spec = optimizerSpec(t, at: path, seed: seed)
            let label = text(t, "label", in: path, maxLength: Limits.titleLength, singleLine: true)
            let color = self.color(t, at: path)
            let schedule = scheduleSpec(t, in: path)
            let batch = batchSize(t, in: path)
            let tune = reader.bool(t, "tune", in: path) ?? true
            guard let spec, let trainingSetSize else { continue }
            result.append(SceneTrainingOptimizer(spec: spec, label: label ?? spec, color: color, schedule: schedule,
                                                 batchSize: batch?.resolved(trainingSetSize: trainingSetSize), tune: tune,
                                                 hasOwnLabel: label != nil))
        }
        return result
    }

    /// Every trainer records one step record per step, and all take the same number of steps:
    /// `epochs` epochs of the smallest batch B, ⌈n/B⌉ steps each. Together at most
    /// ``Limits/recordedPoints`` records.
    private mutating func checkTrainingBudget(epochs: Int, trainingSetSize n: Int, batchSizes: [Int]) {
        let stepsPerEpoch = MinibatchOrder.stepsPerEpoch(samples: n, batchSize: batchSizes.min() ?? n)
        if epochs * stepsPerEpoch * batchSizes.count > Limits.recordedPoints {
            reader.report("training.epochs", "\(epochs) epochs × \(stepsPerEpoch) steps × \(batchSizes.count) optimizers is more than "
                          + "\(Limits.recordedPoints) recorded steps; use fewer epochs, samples or optimizers, or larger batches")
        }
    }
}
