/// One optimizer training its own copy of a net, one optimizer step at a time, with the
/// measurements a live view needs after every step.
///
/// Step t (``step()``): take the next minibatch B_t from the ``MinibatchOrder``; evaluate
/// L_B(θ_t) and g_t = ∇L_B(θ_t); then the one ``OptimizerStep`` of every simulation:
/// η_t = schedule(t, base η); θ_{t+1} = optimizer.step(θ_t, g_t, η_t), where the optimizer's oracle (for SAM, look-ahead methods) evaluates the same minibatch at any
/// point; record a ``StepRecord``; every K steps (``WalkSettings``) also a ``SegmentProfile``.
/// A non-finite loss, gradient or parameter ends training: ``divergedAt`` records the step and θ
/// stays at the last finite iterate.
///
/// Trainers built from the same initial parameters and seed see the same minibatches in the
/// same order whatever their optimizers, so their curves compare like for like. After the first
/// step, stepping allocates nothing but the amortised growth of ``history`` (and the profile
/// every K steps).
///
/// A value: the scratch buffers (``TrainerEngine``) are copied on write, so a copy of a trainer
/// (or of a screen holding one) steps on its own without touching the original's buffers.
public struct Trainer {
    /// Shown in legends and tables.
    public var label: String
    public let problem: TrainingProblem
    public private(set) var optimizer: any Optimizer
    public var schedule: any Schedule
    public private(set) var sampler: MinibatchOrder
    /// θ_0.
    public let initialParameters: [Double]
    /// The seed of the minibatch order (and the power iteration's start).
    public let seed: UInt64
    /// θ_t.
    public private(set) var parameters: [Double]
    /// t: the number of steps taken.
    public private(set) var stepCount = 0
    /// The step at which a value became non-finite, or nil.
    public private(set) var divergedAt: Int?
    /// Why the optimizer could not take a step (a plugin's fault, not a divergence), or nil.
    public private(set) var failure: OptimizerFailure?
    /// The step the optimizer failed to take.
    public private(set) var failedAt: Int?
    /// One record per step taken.
    public private(set) var history: [StepRecord] = []
    /// When set (the live training view), ``history`` (and ``profiles``) keeps every step of this many last steps
    /// and thins the older ones (``Swift/Array/thinOlder(keepingLast:)``), so its memory does not
    /// grow with the run; nil keeps every step (headless training, tests).
    public var historyWindow: Int?
    public let walkSettings: WalkSettings
    /// Whether ``step()`` takes the walk measurements itself, every K steps of ``walkSettings``
    /// (headless training). The live view turns this off and calls ``measureWalk()`` on a
    /// cadence of its own, so that their cost per second stays bounded at any playback speed.
    public var measuresWalkEveryK = true
    /// The segment profiles measured so far, every K steps.
    public private(set) var profiles: [SegmentProfile] = []
    /// How many profiles crossed a barrier.
    public private(set) var barriersCrossed = 0

    /// Scratch buffers only (nothing in them outlives a call); copied before a step when shared.
    private(set) var engine: TrainerEngine
    /// The minibatch oracle on `engine` (holding it unowned, so that `engine` stays uniquely
    /// referenced by this trainer until the trainer is copied).
    private var oracle: GradientOracle
    private var gradient: [Double]
    private var previousGradient: [Double]
    private var previousParameters: [Double]
    /// The power iteration's vector, warm-started from one profile to the next.
    private var eigenvector: [Double]

    /// A trainer of `optimizer` from `initialParameters` (θ's length must be the net's parameter
    /// count) with minibatches of `batchSize` drawn by a sampler seeded with `seed`.
    public init(label: String, problem: TrainingProblem, optimizer: any Optimizer, schedule: any Schedule = ConstantSchedule(),
                initialParameters: [Double], batchSize: Int, seed: UInt64, walk: WalkSettings = .off) {
        precondition(initialParameters.count == problem.net.parameterCount, "θ₀ has the wrong length for the net")
        self.label = label
        self.problem = problem
        self.optimizer = optimizer
        self.schedule = schedule
        self.initialParameters = initialParameters
        self.seed = seed
        parameters = initialParameters
        sampler = MinibatchOrder(sampleCount: problem.data.train.count, batchSize: batchSize, seed: seed)
        walkSettings = walk
        let engine = TrainerEngine(problem: problem, batchSize: batchSize, walk: walk)
        self.engine = engine
        oracle = Self.oracle(on: engine)
        let n = initialParameters.count
        gradient = [Double](repeating: 0, count: n)
        previousGradient = gradient
        previousParameters = initialParameters
        var generator = Xoshiro256(seed: seed ^ 0x5EED_E16E_5EED_E16E)
        eigenvector = walk.powerIterations > 0 ? (0..<n).map { _ in generator.gaussian() } : []
    }

    /// The trainer with `replacement` from the next step on (the live spec editor): the same
    /// optimizer configured with new hyperparameters (its state goes on), or another optimizer
    /// from a fresh state at the current θ. Throws if the hyperparameters are refused (then
    /// nothing changed).
    public mutating func change(to replacement: OptimizerChange.Replacement) throws(SpecError) {
        switch replacement {
        case .configure(let configuration): try optimizer.configure(configuration)
        case .optimizer(let fresh):
            var fresh = fresh
            do { try fresh.reset() } catch {
                failure = error
                failedAt = stepCount
            }
            optimizer = fresh
        }
    }

    /// A fresh trainer like this one (problem, θ₀, batch size, seed, walk) with `optimizer`
    /// under `schedule`: the same minibatches from step 0.
    public func restarted(label: String, optimizer: any Optimizer, schedule: any Schedule) -> Trainer {
        var trainer = Trainer(label: label, problem: problem, optimizer: optimizer, schedule: schedule,
                              initialParameters: initialParameters, batchSize: batchSize, seed: seed, walk: walkSettings)
        trainer.historyWindow = historyWindow
        return trainer
    }

    /// Whether another step can be taken.
    public var isActive: Bool { divergedAt == nil && failure == nil }
    /// Epochs finished.
    public var completedEpochs: Int { sampler.completedEpochs }
    /// The minibatch size B; a change takes effect at the next step.
    public var batchSize: Int {
        get { sampler.batchSize }
        set { sampler.batchSize = newValue }
    }
    /// The base learning rate η of the optimizer (before the schedule).
    public var learningRate: Double {
        get { optimizer.learningRate }
        set { optimizer.learningRate = newValue }
    }
    /// L_B(θ_{t−1}) of the last step, nan before the first.
    public var minibatchLoss: Double { history.last?.minibatchLoss ?? .nan }

    /// Takes one optimizer step; returns false (doing nothing) once training has diverged.
    @discardableResult
    public mutating func step() -> Bool {
        guard isActive, sampler.sampleCount > 0 else { return false }
        let t = stepCount
        ownEngine()
        engine.select(sampler.nextBatch())
        swap(&gradient, &previousGradient)
        let loss = engine.minibatchLossAndGradient(parameters, &gradient)
        let norm = fastNorm(gradient)
        guard loss.isFinite, norm.isFinite else {
            divergedAt = t
            return false
        }
        swapCopy(from: parameters, into: &previousParameters)
        let stepped: Double?
        do {
            stepped = try OptimizerStep.take(&optimizer, schedule: schedule, step: t, params: &parameters, gradient: gradient,
                                             loss: loss, oracle: oracle)
        } catch {
            parameters = previousParameters
            failure = error
            failedAt = t + 1
            return false
        }
        guard let lr = stepped else {
            parameters = previousParameters
            divergedAt = t + 1
            return false
        }
        stepCount = t + 1
        history.append(StepRecord(
            step: t, epoch: sampler.epoch, learningRate: lr, minibatchLoss: loss, gradientNorm: norm,
            gradientCosine: history.last.flatMap { cosine(gradient, previousGradient, norms: norm, $0.gradientNorm) },
            distanceFromStart: euclideanDistance(parameters, initialParameters)))
        if let historyWindow { history.thinOlder(keepingLast: historyWindow) }
        if measuresWalkEveryK, walkSettings.every > 0, stepCount % walkSettings.every == 0 { measureProfile(step: t) }
        return true
    }

    /// Takes the walk measurements of the last step now (its ``SegmentProfile`` and the
    /// sharpness), whatever the step count; nothing before the first step, after training
    /// ended, or with the measurements off (``WalkSettings/every`` 0).
    public mutating func measureWalk() {
        guard isActive, stepCount > 0, walkSettings.every > 0 else { return }
        ownEngine()
        measureProfile(step: stepCount - 1)
    }

    /// Makes the scratch buffers this trainer's own (a copy shares them until it steps).
    private mutating func ownEngine() {
        guard !isKnownUniquelyReferenced(&engine) else { return }
        engine = TrainerEngine(problem: problem, batchSize: sampler.batchSize, walk: walkSettings)
        oracle = Self.oracle(on: engine)
    }

    /// Takes steps until `epochs` epochs are complete or training diverges.
    public mutating func train(epochs: Int) {
        while completedEpochs < epochs, step() {}
    }

    /// Loss and accuracy of θ_t on the training and validation sets (full passes).
    public func evaluate() -> Evaluation {
        Evaluation(train: engine.evaluator.score(parameters, problem.data.train),
                   validation: engine.evaluator.score(parameters, problem.data.validation))
    }

    /// L_B and ∇L_B on the minibatch `engine` has selected.
    private static func oracle(on engine: TrainerEngine) -> GradientOracle {
        GradientOracle { [unowned engine] x, g in engine.minibatchLossAndGradient(x, &g) }
    }

    private mutating func measureProfile(step t: Int) {
        let m = walkSettings.segmentPieces
        let losses = (0...m).map { j in
            engine.fullLoss(along: previousParameters, parameters, at: Double(j) / Double(m))
        }
        var profile = SegmentProfile(step: t, losses: losses)
        if walkSettings.powerIterations > 0 {
            profile.sharpness = engine.sharpness(at: parameters, vector: &eigenvector, iterations: walkSettings.powerIterations)
        }
        if profile.crossesBarrier { barriersCrossed += 1 }
        profiles.append(profile)
        if let historyWindow { profiles.thinOlder(keepingLast: historyWindow) }
    }
}

/// Train and validation scores at one moment.
public struct Evaluation: Sendable, Equatable {
    public var train: Score
    public var validation: Score
}

/// Copies `source` into `target` of the same length without reallocating.
private func swapCopy(from source: [Double], into target: inout [Double]) {
    for i in target.indices { target[i] = source[i] }
}

/// ‖v‖ as √(Σvᵢ²), falling back to the overflow-safe ``euclideanNorm(_:)`` when the sum
/// overflows or underflows to zero.
private func fastNorm(_ v: [Double]) -> Double {
    let sum = v.withUnsafeBufferPointer { VectorKernels.sumOfSquares($0.baseAddress!, v.count) }
    return sum.isFinite && sum > 0 ? sum.squareRoot() : euclideanNorm(v)
}

/// a·b / (‖a‖‖b‖) given ‖a‖ and ‖b‖, nil when either is zero.
private func cosine(_ a: [Double], _ b: [Double], norms normA: Double, _ normB: Double) -> Double? {
    let dot = a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { VectorKernels.dot(a.baseAddress!, $0.baseAddress!, a.count) } }
    let denominator = normA * normB
    return denominator > 0 ? dot / denominator : nil
}

/// ‖a − b‖, without the temporary array of ``distance(_:_:)``.
private func euclideanDistance(_ a: [Double], _ b: [Double]) -> Double {
    a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { VectorKernels.squaredDistance(a.baseAddress!, $0.baseAddress!, a.count) }
    }.squareRoot()
}
