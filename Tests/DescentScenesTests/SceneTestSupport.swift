import DescentCore
import Foundation
import Testing
@testable import DescentScenes

/// The repository's scenes/ folder.
let scenesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scenes")

/// Every scene file in scenes/, sorted.
func sceneFiles() throws -> [URL] {
    try FileManager.default.contentsOfDirectory(at: scenesDirectory, includingPropertiesForKeys: nil)
        .filter { $0.pathExtension == "toml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
}

/// A scene played headless for its full length, with its runs by label.
struct PlayedScene {
    let scene: Scene
    let surface: Surface
    let runs: [Run]

    /// Loads `scenes/NAME.toml` and plays every optimizer for the scene's steps (recording the
    /// optimizers' states when asked: distributed methods keep their workers there).
    init(_ name: String, recordsState: Bool = false) throws {
        scene = try Scene.load(path: scenesDirectory.appendingPathComponent(name + ".toml").path, registry: .builtin)
        surface = try #require(scene.surface).surface
        var race = try #require(try scene.makeRace(registry: .builtin, recordsState: recordsState))
        race.advance(toStep: scene.steps)
        runs = race.runs
    }

    /// The run labelled `label`.
    func run(_ label: String) -> Run {
        guard let run = runs.first(where: { $0.label == label }) else {
            Issue.record("no run labelled \(label)")
            return runs[0]
        }
        return run
    }

    /// x_k of the run labelled `label`.
    func point(_ label: String, _ k: Int) -> [Double] { run(label).point(k) }

    /// The first step at which the run is within the scene's tolerance of a known minimum.
    func arrival(_ label: String) -> Int? {
        RaceResult(run: run(label), surface: surface, tolerance: scene.tolerance).stepsToTolerance
    }

    /// Σ‖x_{k+1} − x_k‖ over the run.
    func pathLength(_ label: String) -> Double {
        RaceResult(run: run(label), surface: surface, tolerance: scene.tolerance).pathLength
    }

    /// The first step k ≥ `from` at which ‖x_k − centre‖ > radius, or nil.
    func firstExit(_ label: String, radius: Double, center: [Double] = [0, 0], from: Int = 0) -> Int? {
        let r = run(label)
        return (from..<r.count).first { k in hypot(r.point(k)[0] - center[0], r.point(k)[1] - center[1]) > radius }
    }

    /// ‖x_k − p‖.
    func distance(_ label: String, _ k: Int, to p: [Double]) -> Double {
        let x = point(label, k)
        return hypot(x[0] - p[0], x[1] - p[1])
    }
}

/// A scene's training race trained headless the way the training view plays it: every active
/// trainer takes one step per tick, and epoch e is complete once every active trainer has
/// completed e epochs (the one with the smallest batch finishes last).
struct TrainedScene {
    let scene: Scene
    let training: SceneTraining
    private(set) var trainers: [Trainer]
    /// `evaluations[e][i]`: trainer i when epoch e was complete (e = 0: at θ₀).
    private(set) var evaluations: [[Evaluation]]
    /// `steps[e]`: the steps every trainer had taken when epoch e was complete.
    private(set) var steps: [Int] = [0]
    /// `stepLengths[i][t]`: ‖θ_{t+1} − θ_t‖ of trainer i.
    private(set) var stepLengths: [[Double]]

    /// Loads `scenes/NAME.toml` and trains its race for `epochs` epochs (default: the scene's).
    init(_ name: String, epochs: Int? = nil) throws {
        try self.init(Scene.load(path: scenesDirectory.appendingPathComponent(name + ".toml").path, registry: .builtin), epochs: epochs)
    }

    /// Trains the race of `scene` for `epochs` epochs (default: the scene's).
    init(_ scene: Scene, epochs: Int? = nil) throws {
        self.scene = scene
        training = try #require(scene.training)
        trainers = try scene.makeTrainers(registry: .builtin)
        evaluations = [trainers.map { $0.evaluate() }]
        stepLengths = trainers.map { _ in [] }
        train(epochs: try #require(epochs ?? training.epochs, "epochs, or a scene that has them"))
    }

    /// Epochs completed by every active trainer.
    var epoch: Int {
        let active = trainers.filter(\.isActive)
        return (active.isEmpty ? trainers : active).map(\.completedEpochs).min() ?? 0
    }

    private mutating func train(epochs: Int) {
        var step = 0
        while epoch < epochs, trainers.contains(where: \.isActive) {
            for i in trainers.indices where trainers[i].isActive {
                let before = trainers[i].parameters
                if trainers[i].step() { stepLengths[i].append(euclideanDistance(before, trainers[i].parameters)) }
            }
            step += 1
            while evaluations.count <= epoch {
                evaluations.append(trainers.map { $0.evaluate() })
                steps.append(step)
            }
        }
    }

    /// The index of the trainer labelled `label`.
    func index(_ label: String) -> Int {
        guard let i = trainers.firstIndex(where: { $0.label == label }) else {
            Issue.record("no trainer labelled \(label)")
            return 0
        }
        return i
    }

    /// The trainer labelled `label`.
    func trainer(_ label: String) -> Trainer { trainers[index(label)] }

    /// The scores of the trainer labelled `label` when epoch `e` was complete.
    func evaluation(_ label: String, epoch e: Int) -> Evaluation { evaluations[e][index(label)] }

    /// The sharpness of the profiles of `label` measured after step `from`.
    func sharpness(_ label: String, after from: Int) -> [Double] {
        trainer(label).profiles.filter { $0.step >= from }.compactMap(\.sharpness)
    }
}

/// The median of `values` (the mean of the middle two for an even count).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/// The mean of `values`.
func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

/// ‖a − b‖.
func euclideanDistance(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
}
