import ArgumentParser
import DescentCore
import DescentScenes
import Foundation

/// What a training race learns: the data set, the net and the minibatch size, from flags
/// (`train`, `train-view`, and `play` for its training view).
struct NetOptions: ParsableArguments {
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

    /// Checks the ranges.
    func validate() throws {
        try checkLimit(batch, Limits.batch, option: "--batch")
        try checkLimit(samples, Limits.samples, option: "--samples")
        guard validation > 0, validation < 1 else { throw ValidationError("--validation must lie strictly between 0 and 1, got \(validation)") }
        if let noise, !(noise.isFinite && noise >= 0) { throw ValidationError("--noise must be a finite number >= 0") }
        if let idxLimit { try checkLimit(idxLimit, Limits.samples, option: "--idx-limit") }
    }

    /// The data set's name as given or implied (moons, or idx with --idx-images).
    var datasetName: String { dataset ?? (idxImages != nil || idxLabels != nil ? "idx" : "moons") }

    /// The recipe of the flags with `seed`, and its problem (data generated or loaded, split, net checked).
    func makeProblem(seed: UInt64) throws -> (recipe: TrainingRecipe, problem: TrainingProblem) {
        let activation = try parse(activation, as: Activation.self, option: "--activation")
        let loss = try parse(loss, as: LossFunction.self, option: "--loss")
        let initialization = try self.initialization.map { try parse($0, as: Initialization.self, option: "--init") }
        let mlp: MLP
        do { mlp = try MLP(net, activation: activation) } catch { throw CommandError("--net: \(error.message)") }
        let recipe = TrainingRecipe(source: try loadSource(), validationFraction: validation, net: mlp, loss: loss,
                                    initialization: initialization, batchSize: batch, seed: seed)
        do { return (recipe, try recipe.makeProblem()) } catch { throw CommandError(error.message) }
    }

    private func loadSource() throws -> TrainingRecipe.Source {
        let name = datasetName
        if name == "idx" {
            guard let idxImages, let idxLabels else { throw CommandError("--dataset idx needs both --idx-images PATH and --idx-labels PATH") }
            let images = try readIDX(idxImages, option: "--idx-images")
            let labels = try readIDX(idxLabels, option: "--idx-labels")
            do {
                let data = try Dataset.idx(images: images, labels: labels)
                guard let idxLimit, idxLimit < data.count else { return .loaded(data) }
                return .loaded(data.subset(0..<idxLimit))
            } catch {
                throw CommandError("IDX files '\(idxImages)', '\(idxLabels)': \(error.message)")
            }
        }
        guard idxImages == nil, idxLabels == nil else {
            throw CommandError("--idx-images and --idx-labels go with --dataset idx, not '\(name)'")
        }
        let set = try parse(name, as: SyntheticDataset.self, option: "--dataset", extra: ["idx"])
        return .synthetic(set, samples: samples, noise: noise)
    }

    private func readIDX(_ path: String, option: String) throws -> IDXArray {
        let bytes: [UInt8]
        do {
            bytes = try BoundedFile.read(path, limit: Limits.idxFileBytes)
        } catch {
            throw CommandError("\(option) \(Sanitizer.quoted(path)): cannot read the file: \(error.message)")
        }
        if bytes.starts(with: [0x1F, 0x8B]) {
            throw CommandError("\(option) '\(path)': the file is gzip-compressed; decompress it first (gunzip)")
        }
        do {
            return try IDXArray(bytes: bytes)
        } catch {
            throw CommandError("\(option) '\(path)': \(error.message)")
        }
    }


    private func parse<T: RawRepresentable & CaseIterable>(_ text: String, as: T.Type, option: String, extra: [String] = []) throws -> T
    where T.RawValue == String {
        if let value = T(rawValue: text) { return value }
        let valid = T.allCases.map(\.rawValue) + extra
        throw CommandError("\(option) '\(text)': expected one of \(valid.joined(separator: ", "))")
    }
}

/// The options `train` and `train-view` share: the net options, the schedule, the seed and the
/// optimizer specs, and the trainers they make.
struct TrainingOptions: ParsableArguments {
    @OptionGroup var data: NetOptions

    @Option(help: "A learning-rate schedule spec, stepped once per optimizer step, e.g. 'cosine(t_max=500)'.")
    var schedule: String?

    @Option(help: "The seed for the data, the initial weights and the minibatch order.")
    var seed: UInt64 = 0

    @OptionGroup(title: "Your own optimizers") var extensions: ExtensionOptions

    @Option(name: .customLong("optimizer"), help: "An optimizer spec (repeatable; same as a positional SPEC).")
    var optimizerOptions: [String] = []

    @Argument(help: ArgumentHelp("Optimizer specs, e.g. 'adam(lr=0.01)' 'sgd(lr=0.1, momentum=0.9)'.", valueName: "spec"))
    var optimizers: [String] = []

    @Flag(help: "Tune each optimizer's learning rate on this net first (as 'descent tune --dataset' does, with the options below; --budget counts epochs) and train at the rates found; labels say 'tuned'.")
    var tuned = false

    @OptionGroup(title: "Tuning (with --tuned)") var tuning: TuneOptions

    var specs: [String] { optimizerOptions + optimizers }

    /// The training race of these flags as a scene (``NetOptions/training(_:seed:evaluateEvery:walk:registry:)``):
    /// every spec trains a copy of the net from the same θ₀ (drawn with seed + 1) on the same
    /// minibatch order (seed + 2), the data generated and split with seed. With `--tuned`, every
    /// optimizer at the rate the search on this net finds for `--budget` epochs per trial
    /// (default `defaultBudget`), at most `limit` optimizer steps in all.
    func scene(evaluateEvery: Int? = nil, walk: WalkSettings = .off, defaultBudget: Int, limit: Int, registry: Registry) throws -> Scene {
        let optimizers = specs.map { SceneTrainingOptimizer(spec: $0, label: nil, color: nil, schedule: schedule) }
        let scene = Scene(file: "(command line)", title: "",
                          training: try data.training(optimizers, seed: seed, evaluateEvery: evaluateEvery, walk: walk,
                                                      refusesSamplers: true, registry: registry),
                          seed: seed)
        guard tuned else { return scene }
        guard tuning.by != .steps else { throw CommandError("--by steps needs a surface with known minima; on a net use --by final or area") }
        return try tuning.tuned(scene, budget: 0, epochs: tuning.budget ?? defaultBudget, seed: seed, registry: registry, trainingLimit: limit)
    }
}

extension NetOptions {
    /// A training race of `optimizers` on the net and data of these flags, seeded with `seed`,
    /// as a scene's `[training]` holds it (no epoch pause, no captions). Each spec is checked
    /// here with its schedule, so an error names the spec as given; the specs are kept in their
    /// canonical form (an optimizer labelled by its spec is labelled by the canonical spec). An
    /// optimizer that draws a finite sum's samples (Hogwild!) cannot train a net: refused when
    /// `refusesSamplers` (a race of nets alone), else kept out of the race's tuning (the training
    /// view of a surface race, where its run fails, saying why).
    func training(_ optimizers: [SceneTrainingOptimizer], seed: UInt64, evaluateEvery: Int?, walk: WalkSettings,
                  refusesSamplers: Bool = false, registry: Registry) throws -> SceneTraining {
        let (recipe, problem) = try makeProblem(seed: seed)
        let checked = try optimizers.map { optimizer in
            let schedule = try resolvedSchedule(optimizer.schedule, registry: registry)
            let configured = try configuredOptimizer(optimizer.spec, seed: seed, registry: registry, schedule: schedule)
            let spec = configured.spec
            var canonical = optimizer
            if configured.optimizer.drawsSamples {
                guard !refusesSamplers else {
                    throw CommandError("optimizer '\(Sanitizer.clean(optimizer.spec))': it draws single samples of a finite sum, which a net is not; "
                                       + "race it on one: descent race --surface 'sparse_least_squares(overlap=0.1)' '\(Sanitizer.clean(optimizer.spec))'")
                }
                canonical.tune = false
            }
            canonical.spec = spec
            if !optimizer.hasOwnLabel { canonical.label = spec }
            return canonical
        }
        return SceneTraining(dataset: datasetName, recipe: recipe, problem: problem, epochs: nil,
                             evaluateEvery: evaluateEvery, walk: walk, optimizers: checked)
    }
}
