import ArgumentParser
import DescentCore
import DescentTUI

/// The options of the live training view (`train-view`, and `play` for its `n` view): how
/// often to evaluate and to take the "Walk with SGD" measurements.
struct TrainingViewOptions: ParsableArguments {
    @Option(name: .customLong("eval-every"), help: "Steps between evaluations on the full training and validation sets (default: a quarter epoch).")
    var evaluateEvery: Int?

    @Option(name: .customLong("walk-every"),
            help: "Steps between 'Walk with SGD' measurements (loss along the last step, sharpness); 0 turns them off.")
    var walkEvery: Int = TrainingSetup.defaultWalk.every

    func validate() throws {
        if let evaluateEvery { try checkLimit(evaluateEvery, 1...Limits.steps.upperBound, option: "--eval-every") }
        try checkLimit(walkEvery, Limits.steps, option: "--walk-every")
    }

    /// ``TrainingSetup/defaultWalk`` every `--walk-every` steps.
    var walk: WalkSettings {
        var settings = TrainingSetup.defaultWalk
        settings.every = walkEvery
        return settings
    }
}
