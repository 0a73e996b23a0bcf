import DescentCore
import DescentRender
import DescentScenes

extension TrainingSetup {
    /// The training race of a scene's `[training]` table (nil for a scene without one): one
    /// trainer per `[[training.optimizer]]` with its label, colour, schedule and batch size, the
    /// scene's evaluation interval, walk settings, epochs as the horizon, title, description and
    /// training captions.
    public init?(scene: Scene, registry: Registry) throws(SpecError) {
        guard let training = scene.training else { return nil }
        self.init(trainers: try scene.makeTrainers(registry: registry),
                  colors: training.optimizers.map { $0.color.map(Color.init(scene:)) },
                  evaluateEvery: training.evaluateEvery, epochs: training.epochs, registry: scene.extending(registry))
        specs = training.optimizers.map(\.spec)
        title = scene.title.isEmpty ? nil : scene.title
        description = scene.description.isEmpty ? nil : scene.description
        notes = training.notes.map { TrainingNote(epoch: $0.epoch, text: $0.text, pause: $0.pause) }
        seed = training.recipe.seed
    }
}
