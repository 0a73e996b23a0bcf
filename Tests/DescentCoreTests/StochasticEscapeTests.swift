import Testing
@testable import DescentCore

@Suite struct StochasticEscapeTests {
    static let saddle = try! Registry.builtin.surface("saddle")
    static let monkeySaddle = try! Registry.builtin.surface("monkey_saddle")

    @Test func startCloudIsUniformInTheDisc() {
        let cloud = StartCloud(count: 4000, center: [1, -2], radius: 0.5, seed: 3)
        let points = cloud.points
        #expect(points.count == 4000)
        #expect(points == cloud.points)  // seeded
        #expect(points != StartCloud(count: 4000, center: [1, -2], radius: 0.5, seed: 4).points)
        let radii = points.map { distance($0, [1, -2]) }
        #expect(radii.allSatisfy { $0 <= 0.5 })
        // Uniform in area: P(r ≤ ρ/√2) = ½; 5 standard errors of a proportion, 5·√(¼/N).
        let inner = Double(radii.filter { $0 <= 0.5 / 2.0.squareRoot() }.count) / 4000
        #expect(Swift.abs(inner - 0.5) < 5 * (0.25 / 4000).squareRoot())
        // Upper half-plane: also ½.
        let upper = Double(points.filter { $0[1] > -2 }.count) / 4000
        #expect(Swift.abs(upper - 0.5) < 5 * (0.25 / 4000).squareRoot())
        #expect(StartCloud(count: 3, center: [0, 0], radius: 0, seed: 1).points == [[0, 0], [0, 0], [0, 0]])
    }

    /// On x² − y², GD with η = 0.1 maps (x, y) to (0.8x, 1.2y): from the stable manifold y = 0
    /// it converges to the saddle and never escapes.
    @Test func gradientDescentOnTheStableManifoldNeverEscapes() throws {
        var cloud = try EscapeCloud(spec: "sgd(lr=0.1)", registry: .builtin, starts: [[1, 0], [-0.5, 0], [0.3, 0], [0, 0]],
                                    oracle: Self.saddle.oracle, center: [0, 0], escapeRadius: 1, seed: 1)
        cloud.advance(toStep: 300)
        #expect(cloud.step == 300 && cloud.fractions.count == 301)
        #expect(cloud.fractions.allSatisfy { $0 == 0 })
        #expect(cloud.escapedAt.allSatisfy { $0 == nil })
        #expect(cloud.runs.allSatisfy { distance($0.current, [0, 0]) < 1e-20 })
    }

    /// Random init (Lee et al. 2016): 1000 starts uniform in the disc of radius 0.1. GD's
    /// iterates are x_k = 0.8ᵏx₀, y_k = 1.2ᵏy₀, so run i has escaped R = 1 by step k iff
    /// max_{j≤k} (0.8ʲx₀)² + (1.2ʲy₀)² > 1 — the fraction per step computed here from that closed
    /// form. Every start with y₀ ≠ 0 escapes; after 300 steps that is all of them.
    @Test func randomInitGradientDescentEscapesForAlmostAllStarts() throws {
        let starts = StartCloud(count: 1000, center: [0, 0], radius: 0.1, seed: 17)
        var scenario = try Cloud(surface: Self.saddle, optimizers: [("sgd(lr=0.1)", "GD")], starts: starts,
                                        escapeRadius: 1, seed: 17, registry: .builtin)
        let clock = ContinuousClock()
        let elapsed = clock.measure { scenario.advance(toStep: 300) }
        print("1000 starts × 300 steps: \(elapsed)")
        let cloud = scenario.clouds[0]
        #expect(cloud.label == "GD" && cloud.count == 1000 && scenario.step == 300)
        let firstEscape = starts.points.map { p -> Int? in
            var x = p[0], y = p[1]
            for k in 0...300 {
                if x * x + y * y > 1 { return k }
                x *= 0.8
                y *= 1.2
            }
            return nil
        }
        for k in [0, 10, 20, 25, 30, 40, 60, 300] {
            let expected = firstEscape.filter { $0 != nil && $0! <= k }.count
            #expect(Swift.abs(cloud.escapedCounts[k] - expected) <= 1, "step \(k): \(cloud.escapedCounts[k]) vs \(expected)")
        }
        #expect(cloud.fraction(at: 300) == 1)
        #expect(cloud.fraction(at: 0) == 0)
        #expect(zip(cloud.fractions, cloud.fractions.dropFirst()).allSatisfy { $0 <= $1 })
    }

    /// Noise of standard deviation σ in front of GD, every start exactly on the saddle. GD on
    /// x² − y² is linear, so from the origin the iterates are σ times a σ-free walk driven by the
    /// same draws (the seeds are shared): a larger σ escapes no later, run by run. Without noise
    /// nothing moves; with any σ > 0 every run escapes within 300 steps.
    @Test func escapeFractionRisesWithNoise() throws {
        let sigmas = [0, 1e-6, 1e-4, 1e-2, 1.0]
        let starts = StartCloud(count: 200, center: [0, 0], radius: 0, seed: 5)
        var scenario = try Cloud(
            surface: Self.saddle, optimizers: sigmas.map { ("noise(sigma=\($0)) | sgd(lr=0.1)", nil) },
            starts: starts, escapeRadius: 1, seed: 5, registry: .builtin)
        scenario.advance(toStep: 300)
        let clouds = scenario.clouds
        #expect(clouds[0].fractions.allSatisfy { $0 == 0 })
        for cloud in clouds.dropFirst() { #expect(cloud.fraction(at: 300) == 1, "\(cloud.label)") }
        for (quiet, loud) in zip(clouds, clouds.dropFirst()) {
            #expect(zip(quiet.fractions, loud.fractions).allSatisfy { $0 <= $1 }, "\(quiet.label) vs \(loud.label)")
            for (a, b) in zip(quiet.escapedAt, loud.escapedAt) where a != nil { #expect(b != nil && b! <= a!) }
        }
        // The mean escape step falls by about log(100)/log(1.2) ≈ 25 steps per factor 100 in σ.
        let meanSteps = clouds.dropFirst().map { c in Double(c.escapedAt.reduce(0) { $0 + $1! }) / Double(c.count) }
        #expect(zip(meanSteps, meanSteps.dropFirst()).allSatisfy { $0 - $1 > 15 && $0 - $1 < 35 }, "\(meanSteps)")
    }

    /// Ge et al. 2015: noisy SGD escapes from the stable manifold (and from the saddle point
    /// itself), where plain GD converges to the saddle and stays.
    @Test func noisySGDEscapesWhereGradientDescentIsStuck() throws {
        let onManifold = (1...50).map { [Double($0) / 50, 0] } + [[0, 0]]
        let oracle = Self.saddle.oracle
        var gd = try EscapeCloud(spec: "sgd(lr=0.1)", registry: .builtin, starts: onManifold, oracle: oracle, center: [0, 0], escapeRadius: 1, seed: 2)
        var noisy = try EscapeCloud(spec: "noisy_sgd(lr=0.1, noise=0.1)", label: "noisy", registry: .builtin, starts: onManifold, oracle: oracle,
                                    center: [0, 0], escapeRadius: 1, seed: 2)
        gd.advance(toStep: 300)
        noisy.advance(toStep: 300)
        #expect(gd.fraction(at: 300) == 0)
        #expect(noisy.fraction(at: 300) == 1)
        // Escaped noisy runs head down the unstable direction y: f < 0 there.
        #expect(noisy.runs.allSatisfy { $0.losses.last! < -1 })
        // Different runs draw different noise (own seeds): they do not all leave the same way.
        #expect(Set(noisy.runs.map { $0.current[1] > 0 }).count == 2)
    }

    /// The monkey saddle x³ − 3xy² = r³cos 3θ: the ridges θ = 0, ±2π/3 are invariant and lead GD
    /// into the (degenerate) saddle; off them GD drifts into a valley θ = π, ±π/3 and escapes,
    /// then diverges (x' = x − 3ηx² on the negative x axis blows up), which counts as escaped.
    @Test func monkeySaddleRandomInit() throws {
        let starts = StartCloud(count: 1000, center: [0, 0], radius: 0.5, seed: 9)
        var scenario = try Cloud(surface: Self.monkeySaddle, optimizers: [("sgd(lr=0.1)", nil)], starts: starts,
                                        escapeRadius: 1, seed: 9, registry: .builtin)
        scenario.advance(toStep: 300)
        let cloud = scenario.clouds[0]
        print("monkey saddle, random init: escaped \(cloud.fraction(at: 300)) after 300 steps, \(cloud.fraction(at: 50)) after 50")
        #expect(cloud.fraction(at: 300) > 0.9)
        #expect(zip(cloud.fractions, cloud.fractions.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(cloud.runs.contains { $0.divergedAt != nil })
        // Diverged runs count as escaped no later than they diverged, and have no dot after.
        for (run, escaped) in zip(cloud.runs, cloud.escapedAt) {
            if let d = run.divergedAt { #expect(escaped != nil && escaped! <= d) }
        }
        let dots = cloud.positions(at: 300)
        #expect(zip(dots, cloud.runs).allSatisfy { ($0 == nil) == ($1.divergedAt != nil) })
        // Starts on the three ridges never escape.
        let s = 0.25 * 3.0.squareRoot()
        var stuck = try EscapeCloud(spec: "sgd(lr=0.1)", registry: .builtin, starts: [[0.5, 0], [-0.25, s], [-0.25, -s]],
                                    oracle: Self.monkeySaddle.oracle, center: [0, 0], escapeRadius: 1, seed: 1)
        stuck.advance(toStep: 300)
        #expect(stuck.fraction(at: 300) == 0)
        #expect(stuck.runs.allSatisfy { distance($0.current, [0, 0]) < 0.05 })
    }

    /// "Once escaped, stays escaped": on the bowl x² + y² a start outside R counts as escaped at
    /// step 0 even though GD then brings it inside.
    @Test func escapeIsPermanent() throws {
        let bowl = try Registry.builtin.surface("x^2 + y^2")
        var cloud = try EscapeCloud(spec: "sgd(lr=0.1)", registry: .builtin, starts: [[2, 0], [0.5, 0]], oracle: bowl.oracle, center: [0, 0],
                                    escapeRadius: 1, seed: 1)
        cloud.advance(toStep: 20)
        #expect(distance(cloud.runs[0].current, [0, 0]) < 1)
        #expect(cloud.escapedAt == [0, nil])
        #expect(cloud.fractions.allSatisfy { $0 == 0.5 })
        #expect(cloud.positions(at: 0).compactMap { $0 } == [[2, 0], [0.5, 0]])
    }
}
