/// What the training view can be asked to do (from a key, or `frame` from the clock).
public enum TrainingAction: Equatable, Sendable {
    /// Play or pause; at the epoch horizon, play on for another ``TrainingSetup/epochs``.
    case togglePlay
    /// One optimizer step of every trainer.
    case stepOnce
    /// One frame of playback: ``TrainingState/stepsPerFrame`` steps of every trainer.
    case frame
    /// Double / halve the steps per frame.
    case faster, slower
    /// Multiply / divide the selected trainer's base learning rate η by ``TrainingState/learningRateFactor``.
    case raiseLearningRate, lowerLearningRate
    /// Double / halve the selected trainer's minibatch size B (1 … the training set).
    case largerBatch, smallerBatch
    /// Select the next optimizer (wrapping).
    case selectNext
    /// Show the next panel: curves, the walk measurements, the decision boundary (2D data).
    case nextPanel
    /// Back to the surface view (when the session has one).
    case switchView
    case toggleHelp
    case quit
}
