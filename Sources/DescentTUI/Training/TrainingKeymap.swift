import DescentRender

/// One row of the training view's keymap: the keys, how help names them, what they do.
public struct TrainingKeyBinding: Sendable {
    /// The keys as the help lists them (`u d`).
    public let label: String
    /// What the keys do, for the help.
    public let summary: String
    /// The status line's hint (nil: not hinted).
    public let hint: StatusBar.Hint?
    /// Each key and the action it triggers.
    public let mappings: [(key: Key, action: TrainingAction)]
}

/// The training view's keymap: the single source for key handling (``action(for:)``), the help
/// and the status hints.
public enum TrainingKeymap {
    private static func bind(_ label: String, _ summary: String, hint: String? = nil,
                             _ mappings: [(key: Key, action: TrainingAction)]) -> TrainingKeyBinding {
        TrainingKeyBinding(label: label, summary: summary, hint: hint.map { StatusBar.Hint(key: label, action: $0) }, mappings: mappings)
    }

    public static let bindings: [TrainingKeyBinding] = [
        bind("space", "play / pause (at the epoch horizon: train on)", hint: "play", [(.character(" "), .togglePlay)]),
        bind("n", "back to the surface view", hint: "surface", [(.character("n"), .switchView)]),
        bind(".", "one optimizer step of every optimizer", hint: "step", [(.character("."), .stepOnce)]),
        bind("+ -", "more / fewer steps per frame (1 to \(TrainingState.maximumStepsPerFrame))", hint: "speed",
             [(.character("+"), .faster), (.character("="), .faster), (.character("-"), .slower), (.character("_"), .slower)]),
        bind("u d", "learning rate of the selected optimizer ×1.5 / ÷1.5", hint: "lr",
             [(.character("u"), .raiseLearningRate), (.character("d"), .lowerLearningRate)]),
        bind("b B", "minibatch size of the selected optimizer ÷2 / ×2 (full batch: gradient descent)", hint: "batch",
             [(.character("b"), .smallerBatch), (.character("B"), .largerBatch)]),
        bind("Tab", "select the next optimizer", hint: "select", [(.tab, .selectNext)]),
        bind("v", "next panel: curves, walk with SGD, decision boundary", hint: "panel", [(.character("v"), .nextPanel)]),
        bind("?", "show / hide this help", hint: "help", [(.character("?"), .toggleHelp)]),
        bind("q", "quit", hint: "quit", [(.character("q"), .quit), (.ctrl("c"), .quit)]),
    ]

    /// The action of `event`, nil for keys without one (an interrupt quits).
    public static func action(for event: InputEvent) -> TrainingAction? {
        switch event {
        case .interrupt: return .quit
        case .key(let key):
            for binding in bindings {
                if let mapping = binding.mappings.first(where: { $0.key == key }) { return mapping.action }
            }
            return nil
        case .mouse, .resize: return nil
        }
    }
}
