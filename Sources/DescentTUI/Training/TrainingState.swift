import DescentCore

/// The training view's state: the trainers (one optimizer each, same net, data, θ₀ and
/// minibatch order), their evaluations so far, and what the viewer chose (playing, speed,
/// selected optimizer, help). Changed only by ``apply(_:)``.
///
/// Every trainer is evaluated (full train and validation passes) at step 0 and then every
/// ``evaluateEvery`` steps, so evaluation k of every optimizer is at step k·``evaluateEvery``.
public struct TrainingState {
    /// The most steps of every trainer one frame of playback takes.
    public static let maximumStepsPerFrame = 256
    /// What `u` multiplies and `d` divides the selected learning rate by.
    public static let learningRateFactor = 1.5

    public private(set) var trainers: [Trainer]
    /// Per trainer, its evaluations in order (the first at step 0); a diverged trainer's list stops.
    public private(set) var history: [[Evaluation]]
    /// Steps between evaluations.
    public let evaluateEvery: Int
    /// Steps every trainer takes per frame while playing, 1…``maximumStepsPerFrame``.
    public private(set) var stepsPerFrame: Int
    public private(set) var isPlaying = false
    /// The trainer `u`, `d` act on.
    public private(set) var selected = 0
    public private(set) var showsHelp = false
    public private(set) var isQuitting = false
    /// Steps taken by every (active) trainer.
    public private(set) var step = 0

    /// A view of `trainers` (which should be fresh), evaluated every `evaluateEvery` steps
    /// (at least 1), playing `stepsPerFrame` steps per frame.
    public init(trainers: [Trainer], evaluateEvery: Int, stepsPerFrame: Int = 4) {
        self.trainers = trainers
        self.evaluateEvery = max(1, evaluateEvery)
        self.stepsPerFrame = min(max(1, stepsPerFrame), Self.maximumStepsPerFrame)
        history = trainers.map { [$0.evaluate()] }
    }

    /// Epochs completed by the first trainer (all share the minibatch order).
    public var epoch: Int { trainers.first?.completedEpochs ?? 0 }

    /// Applies `action`.
    public mutating func apply(_ action: TrainingAction) {
        switch action {
        case .togglePlay: isPlaying.toggle()
        case .stepOnce:
            isPlaying = false
            advance(steps: 1)
        case .frame: if isPlaying { advance(steps: stepsPerFrame) }
        case .faster: stepsPerFrame = min(stepsPerFrame * 2, Self.maximumStepsPerFrame)
        case .slower: stepsPerFrame = max(stepsPerFrame / 2, 1)
        case .raiseLearningRate: scaleSelectedLearningRate(by: Self.learningRateFactor)
        case .lowerLearningRate: scaleSelectedLearningRate(by: 1 / Self.learningRateFactor)
        case .selectNext: if !trainers.isEmpty { selected = (selected + 1) % trainers.count }
        case .toggleHelp: showsHelp.toggle()
        case .quit: isQuitting = true
        }
    }

    private mutating func scaleSelectedLearningRate(by factor: Double) {
        guard trainers.indices.contains(selected) else { return }
        trainers[selected].learningRate *= factor
    }

    /// `steps` steps of every active trainer, evaluating every ``evaluateEvery`` steps; stops
    /// playing once every trainer has diverged.
    private mutating func advance(steps: Int) {
        for _ in 0..<steps {
            var anyActive = false
            for i in trainers.indices where trainers[i].isActive {
                anyActive = trainers[i].step() || anyActive
            }
            guard anyActive else {
                isPlaying = false
                return
            }
            step += 1
            if step % evaluateEvery == 0 {
                for i in trainers.indices where trainers[i].isActive { history[i].append(trainers[i].evaluate()) }
            }
        }
    }
}
