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
    let runs: [Run]

    /// Loads `scenes/NAME.toml` and plays every optimizer for the scene's steps.
    init(_ name: String) throws {
        scene = try Scene.load(path: scenesDirectory.appendingPathComponent(name + ".toml").path)
        var race = try scene.makeRace(recordsState: false)
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
        RaceResult(run: run(label), surface: scene.surface.surface, tolerance: scene.tolerance).stepsToTolerance
    }

    /// Σ‖x_{k+1} − x_k‖ over the run.
    func pathLength(_ label: String) -> Double {
        RaceResult(run: run(label), surface: scene.surface.surface, tolerance: scene.tolerance).pathLength
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
