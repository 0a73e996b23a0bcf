import DescentCore

extension Scene {
    /// A surface race built from values instead of a file: what the command line's flags and the
    /// default race describe (`descent play 'adam(lr=0.1)' --surface rosenbrock`), so that the
    /// app takes a scene whatever it came from. No notes, noise, cloud, data or training race;
    /// the caller has checked the values against ``Limits`` as the scene reader would.
    public init(file: String, title: String, description: String = "", surface: SceneSurface, view: ViewBox,
                start: [Double], optimizers: [SceneOptimizer], schedule: String?, steps: Int, tolerance: Double,
                speed: Double, layout: SceneLayout, seed: UInt64) {
        self.init(file: file, title: title, description: description, order: nil, surface: surface, view: view, start: start,
                  optimizers: optimizers, schedule: schedule, noise: nil, steps: steps, tolerance: tolerance, speed: speed,
                  layout: layout, seed: seed, notes: [], cloud: nil, data: nil, training: nil)
    }
}

extension Scene {
    /// A training race alone, built from values instead of a file: what `descent train-view`'s
    /// flags describe. No surface race; the caller has checked the values against ``Limits``.
    public init(file: String, title: String, training: SceneTraining, seed: UInt64) {
        self.init(file: file, title: title, description: "", order: nil, surface: nil, view: ViewBox(x: -1...1, y: -1...1), start: [],
                  optimizers: [], schedule: nil, noise: nil, steps: 1, tolerance: 0, speed: 1, layout: .overlay, seed: seed,
                  notes: [], cloud: nil, data: nil, training: training)
    }
}

extension SceneTraining {
    /// A training race built from values instead of a `[training]` table (the command line's
    /// net flags): no captions.
    public init(dataset: String, recipe: TrainingRecipe, problem: TrainingProblem, epochs: Int?, evaluateEvery: Int?,
                walk: WalkSettings, optimizers: [SceneTrainingOptimizer]) {
        self.init(dataset: dataset, recipe: recipe, problem: problem, epochs: epochs, evaluateEvery: evaluateEvery, walk: walk,
                  optimizers: optimizers, notes: [])
    }
}

extension SceneTrainingOptimizer {
    /// An optimizer of a training race built from values, with the recipe's batch size, labelled
    /// `label` (nil: its spec).
    public init(spec: String, label: String?, color: SceneColor?, schedule: String?) {
        self.init(spec: spec, label: label ?? spec, color: color, schedule: schedule, batchSize: nil, hasOwnLabel: label != nil)
    }
}

extension SceneOptimizer {
    /// The optimizer `spec`, labelled with the spec, from the scene's start with the scene's
    /// schedule and the exact gradient.
    public init(spec: String) {
        self.init(spec: spec, label: spec, hasOwnLabel: false, color: nil, start: nil, schedule: nil, gradient: .minibatch)
    }
}
