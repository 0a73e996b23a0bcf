/// The choices that make a training race, from the CLI's flags or a scene's `[training]` table:
/// where the data come from, the split, the net, the loss, the initialisation, the minibatch
/// size and the seed. ``makeProblem()`` builds the data and the net, ``makeTrainers(_:problem:walk:)``
/// one trainer per optimizer.
///
/// Seeds: the data are generated and split with `seed`, θ₀ is drawn with `seed + 1` and the
/// minibatch order with `seed + 2`, so every trainer starts from the same θ₀ and (at the same
/// batch size) sees the same minibatches in the same order.
public struct TrainingRecipe: Sendable {
    /// Where the samples come from.
    public enum Source: Sendable, Equatable {
        /// `samples` points of a generated set, with the set's default noise when `noise` is nil.
        case synthetic(SyntheticDataset, samples: Int, noise: Double?)
        /// Samples already loaded (e.g. from IDX files), split with the recipe's fraction and seed.
        case loaded(Dataset)
        /// A training set and a validation set already split (e.g. two pairs of IDX files).
        case split(TrainingData)
    }

    /// One optimizer of the race.
    public struct Entry {
        public var label: String
        public var optimizer: any Optimizer
        public var schedule: any Schedule
        /// Its own minibatch size (nil: the recipe's); a different size means a different order.
        public var batchSize: Int?

        public init(label: String, optimizer: any Optimizer, schedule: any Schedule = ConstantSchedule(), batchSize: Int? = nil) {
            self.label = label
            self.optimizer = optimizer
            self.schedule = schedule
            self.batchSize = batchSize
        }
    }

    public var source: Source
    /// The fraction of the samples held out for validation, in (0, 1).
    public var validationFraction: Double
    public var net: MLP
    public var loss: LossFunction
    /// nil: ``Initialization/standard(for:)`` of the net's activation.
    public var initialization: Initialization?
    /// B, at least 1 (≥ the training set: full-batch gradient descent).
    public var batchSize: Int
    public var seed: UInt64

    public init(source: Source, validationFraction: Double = 0.2, net: MLP, loss: LossFunction = .crossEntropy,
                initialization: Initialization? = nil, batchSize: Int = 32, seed: UInt64 = 0) {
        self.source = source
        self.validationFraction = validationFraction
        self.net = net
        self.loss = loss
        self.initialization = initialization
        self.batchSize = batchSize
        self.seed = seed
    }

    /// The data (generated or given, split with `seed` unless given split) and the net under the loss, checked to
    /// fit together (see ``TrainingProblem/init(net:loss:data:)``).
    public func makeProblem() throws(TrainingError) -> TrainingProblem {
        let samples: Dataset
        switch source {
        case let .synthetic(set, count, noise): samples = set.generate(count: count, noise: noise, seed: seed)
        case .loaded(let data): samples = data
        case .split(let data): return try TrainingProblem(net: net, loss: loss, data: data)
        }
        return try TrainingProblem(net: net, loss: loss, data: try samples.split(validationFraction: validationFraction, seed: seed))
    }

    /// θ₀: the recipe's initialisation drawn with `seed + 1`.
    public func initialParameters(for problem: TrainingProblem) -> [Double] {
        problem.initialParameters(initialization ?? .standard(for: net.activation), seed: seed &+ 1)
    }

    /// One trainer per entry on `problem` (from ``makeProblem()``), all from the same θ₀, each
    /// with its minibatch order seeded with `seed + 2`.
    public func makeTrainers(_ entries: [Entry], problem: TrainingProblem, walk: WalkSettings = .off) -> [Trainer] {
        let theta0 = initialParameters(for: problem)
        return entries.map { entry in
            Trainer(label: entry.label, problem: problem, optimizer: entry.optimizer, schedule: entry.schedule,
                    initialParameters: theta0, batchSize: entry.batchSize ?? batchSize, seed: seed &+ 2, walk: walk)
        }
    }
}
