import DescentCore
import Testing
@testable import DescentScenes

/// `[data] kind = "sparse_least_squares"`: every `gradient` works on it as on the other finite
/// sums, and `hogwild` races there (in a `[surface]` of the same sum too) on the same samples.
@Suite struct SparseDataSceneTests {
    static let text = """
        title = "t"
        description = "d"
        [data]
        kind = "sparse_least_squares"
        n = 60
        overlap = 0.3
        seed = 2
        batch_size = 4
        [run]
        start = [-1, 1]
        steps = 80
        seed = 5
        [[optimizer]]
        spec = "sgd(lr=0.1)"
        label = "minibatch"
        [[optimizer]]
        spec = "sgd(lr=0.1)"
        gradient = "full"
        label = "full"
        [[optimizer]]
        spec = "sgd(lr=0.1)"
        gradient = "matched_noise"
        label = "matched"
        [[optimizer]]
        spec = "hogwild(lr=0.1, workers=4)"
        label = "hogwild"
        """

    @Test func everyGradientAndHogwildOnSparseData() throws {
        let scene = try Scene.parse(Self.text, file: "sparse.toml", registry: .builtin)
        let data = try #require(scene.data)
        #expect(data.spec == "sparse_least_squares(n=60, overlap=0.3, seed=2)" && data.batchSize == 4)
        var race = try #require(try scene.makeRace(registry: .builtin))
        race.advance(toStep: 80)
        let runs = Dictionary(uniqueKeysWithValues: race.runs.map { ($0.label, $0) })
        #expect(runs.values.allSatisfy { $0.steps == 80 && $0.divergedAt == nil && $0.failure == nil })
        // Full batch: gradient descent on f; minibatch and matched noise: other, noisy paths.
        var descent = Run(label: "gd", spec: "sgd", optimizer: try SGD(lr: 0.1), oracle: data.objective.fullOracle, start: [-1, 1])
        descent.advance(toStep: 80)
        #expect(try #require(runs["full"]).points == descent.points)
        #expect(try #require(runs["minibatch"]).points != descent.points && (try #require(runs["matched"])).points != descent.points)
        #expect(data.objective.isotropicNoiseStandardDeviation(batchSize: 4) > 0)
        // Hogwild! on the scene's samples is the same run as on the sum's own surface.
        var onSurface = Run(label: "h", spec: "h", optimizer: try Registry.builtin.optimizer("hogwild(lr=0.1, workers=4)", seed: 5).optimizer,
                            oracle: data.objective.surface.oracle, start: [-1, 1])
        onSurface.advance(toStep: 80)
        #expect(try #require(runs["hogwild"]).points == onSurface.points)
        // The same sum as a [surface] races hogwild too.
        let surfaceScene = Self.text.replacingOccurrences(of: "[data]\nkind = \"sparse_least_squares\"", with: "[surface]\nname = \"sparse_least_squares\"")
            .replacingOccurrences(of: "batch_size = 4\n", with: "")
        let lines = surfaceScene.split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.filter { !$0.hasPrefix("gradient") }.joined(separator: "\n")
        let onPlainSurface = try Scene.parse(kept, file: "sparse-surface.toml", registry: .builtin)
        #expect(onPlainSurface.data == nil && onPlainSurface.optimizers.count == 4)
    }
}
