/// What the training view can be asked to do (from a key, or `frame` from the clock).
public enum TrainingAction: Equatable, Sendable {
    case togglePlay
    /// One optimizer step of every trainer.
    case stepOnce
    /// One frame of playback: ``TrainingState/stepsPerFrame`` steps of every trainer.
    case frame
    /// Double / halve the steps per frame.
    case faster, slower
    /// Multiply / divide the selected trainer's base learning rate η by ``TrainingState/learningRateFactor``.
    case raiseLearningRate, lowerLearningRate
    /// Select the next optimizer (wrapping).
    case selectNext
    case toggleHelp
    case quit
}
