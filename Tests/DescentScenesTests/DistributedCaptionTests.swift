import DescentCore
import Foundation
import Testing
@testable import DescentScenes

/// The claims of the distributed-SGD lessons, checked on the runs the scenes play. A
/// distributed optimizer's state holds its workers' positions (one vector per worker), so
/// `run.states[k − 1][w].values` is worker w after step k.
@Suite struct DistributedCaptionTests {
    /// ‖x_k − m‖ over the last `count` points, root mean square.
    static func tailDistance(_ run: Run, to m: CriticalPoint, last count: Int) -> Double {
        let squares = (run.count - count..<run.count).map { k in
            let p = run.point(k)
            return (p[0] - m.x) * (p[0] - m.x) + (p[1] - m.y) * (p[1] - m.y)
        }
        return (squares.reduce(0, +) / Double(count)).squareRoot()
    }

    @Test func staleGradients() throws {
        let s = try PlayedScene("stale-gradients")
        let stale = ["async, τ = 3", "async, τ geometric, mean 3"], heavyBall = "heavy ball μ = 0.75, η/4"
        // Note 1: 4 workers, 3 updates old.
        #expect(s.scene.optimizers[1].spec.contains("workers=4") && s.scene.optimizers[1].spec.contains("staleness=3"))
        // Note 2: SGD's y stays above 0; both stale runs and heavy ball cross the floor.
        #expect(s.run("SGD").losses.indices.allSatisfy { s.point("SGD", $0)[1] > 0 })
        for label in stale + [heavyBall] {
            let crossing = try #require(s.run(label).losses.indices.first { s.point(label, $0)[1] < 0 })
            #expect(crossing <= 8, "\(label) crosses y = 0 by step 8")
        }
        // Note 3: μ = τ̄/(1 + τ̄) = 0.75, at the rate (1 − μ)η = 0.0075.
        #expect(Staleness.geometric(mean: 3).impliedMomentum == 0.75)
        #expect(s.scene.optimizers[3].spec == "sgd(lr=0.0075, momentum=0.75)")
        // Note 4 (step 200): all arrived; the stale ones within 5% of heavy ball; SGD last.
        let momentum = try #require(s.arrival(heavyBall))
        for label in stale {
            let arrival = try #require(s.arrival(label))
            #expect(abs(Double(arrival - momentum)) <= 0.05 * Double(momentum), "\(label) at \(arrival), heavy ball at \(momentum)")
        }
        let sgd = try #require(s.arrival("SGD"))
        #expect(sgd <= 200 && sgd > ([momentum] + stale.compactMap { s.arrival($0) }).max()!)
    }

    @Test func downpourVsSynchronous() throws {
        let s = try PlayedScene("downpour", recordsState: true)
        let best = try #require(s.surface.criticalPoints.first)
        let sync = "sync SGD, 4 workers", downpour = "Downpour, push/fetch every 5", sgd = "SGD, 1 worker"
        // Note 2: after 5 steps the Downpour server has moved farther than synchronous SGD.
        #expect(s.distance(downpour, 5, to: s.scene.start) > 2 * s.distance(sync, 5, to: s.scene.start))
        // Note 3: Downpour arrives first; sync arrives with one-worker SGD (within 10%) but stays about
        // half as far from the best fit; Downpour's server wanders more than either.
        let arrivals = try [sync, downpour, sgd].map { try #require(s.arrival($0)) }
        #expect(arrivals[1] < arrivals[0] && arrivals[1] < arrivals[2] && arrivals.max()! <= 90)
        #expect(abs(Double(arrivals[0] - arrivals[2])) <= 0.1 * Double(arrivals[2]))
        let tail = [sync, downpour, sgd].map { Self.tailDistance(s.run($0), to: best, last: 60) }
        #expect(tail[0] < 0.6 * tail[2] && tail[0] > 0.3 * tail[2])
        #expect(tail[1] > tail[2] && tail[1] > tail[0])
        // The workers' copies drift apart between fetches.
        let workers = s.run(downpour).states.map { $0.map(\.values) }
        #expect(workers.contains { w in hypot(w[0][0] - w[1][0], w[0][1] - w[1][1]) > 0.5 })
        #expect(s.run(downpour).states[3].map(\.name).allSatisfy { $0.contains("τ") })
    }

    @Test func elasticAveraging() throws {
        let s = try PlayedScene("easgd", recordsState: true)
        let strong = "EASGD α = 0.05", weak = "EASGD α = 0.01", noisy = "noisy SGD, 1 worker"
        // Note 2: the centre's path is shorter than every worker's and than noisy SGD's: by step 100
        // (most of it the descent itself), and by more than half once they all hover near the minimum.
        for (range, factor) in [(1...100, 1.0), ((101...s.scene.steps), 0.5)] {
            func length(_ run: Run) -> Double { range.reduce(0.0) { $0 + hypot(run.point($1)[0] - run.point($1 - 1)[0], run.point($1)[1] - run.point($1 - 1)[1]) } }
            func workerLength(_ run: Run, _ w: Int) -> Double {
                range.reduce(0.0) { total, k in
                    let a = run.states[k - 1][w].values, b = k >= 2 ? run.states[k - 2][w].values : s.scene.start
                    return total + hypot(b[0] - a[0], b[1] - a[1])
                }
            }
            for label in [strong, weak] {
                let centre = length(s.run(label))
                #expect(centre < factor * length(s.run(noisy)), "\(label) over \(range)")
                for w in 0..<4 { #expect(centre < factor * workerLength(s.run(label), w), "\(label) worker \(w) over \(range)") }
            }
        }
        // Note 3: the weaker pull keeps the workers farther from the centre, and its centre arrives later.
        func meanDistance(_ label: String) -> Double {
            let run = s.run(label)
            let all = run.states.enumerated().flatMap { k, workers in
                workers.map { hypot($0.values[0] - run.point(k + 1)[0], $0.values[1] - run.point(k + 1)[1]) }
            }
            return all.reduce(0, +) / Double(all.count)
        }
        #expect(meanDistance(weak) > 2 * meanDistance(strong))
        #expect(try #require(s.arrival(weak)) > 2 * (try #require(s.arrival(strong))))
        // The centre settles lower than noisy SGD: mean loss over the last 100 steps.
        func tailLoss(_ label: String) -> Double { s.run(label).losses.suffix(100).reduce(0, +) / 100 }
        #expect(tailLoss(strong) < 0.25 * tailLoss(noisy))
        #expect(s.run(strong).states[10].map(\.name).allSatisfy { $0.contains("↔") })
    }

    // MARK: Hogwild!

    /// The largest eigenvalue of the Hessian at the surface's minimum (a quadratic: everywhere).
    static func largestCurvature(_ s: PlayedScene) throws -> Double {
        let m = try #require(s.surface.criticalPoints.first)
        let h = s.surface.hessian(m.x, m.y)
        return (h.xx + h.yy) / 2 + (((h.xx - h.yy) / 2) * ((h.xx - h.yy) / 2) + h.xy * h.xy).squareRoot()
    }

    /// Delayed gradient descent x_{t+1} = x_t − a·x_{t−τ} is stable iff a < 2 sin(π/(4τ + 2)).
    static func delayBound(_ tau: Int) -> Double { 2 * sin(Double.pi / Double(4 * tau + 2)) }

    /// `x` to `digits` significant digits, as a caption writes it.
    static func shown(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)g", x) }

    /// The first step at which the run is outside the scene's view.
    static func exit(_ s: PlayedScene, _ label: String) -> Int? {
        let run = s.run(label)
        return (0..<run.count).first { !s.scene.view.x.contains(run.point($0)[0]) || !s.scene.view.y.contains(run.point($0)[1]) }
    }

    /// The largest distance from the fit over the steps `range`.
    static func widest(_ s: PlayedScene, _ label: String, _ range: Range<Int>) throws -> Double {
        let m = try #require(s.surface.criticalPoints.first)
        return range.map { hypot(s.point(label, $0)[0] - m.x, s.point(label, $0)[1] - m.y) }.max() ?? 0
    }

    /// The full loss f(x) at the run's last point (the legend shows the sampled one).
    static func finalLoss(_ s: PlayedScene, _ label: String) -> Double {
        let p = s.run(label).point(s.run(label).count - 1)
        return s.surface.value(p[0], p[1])
    }

    static func samples(_ s: PlayedScene) throws -> FiniteSumObjective { try #require(s.scene.data).objective }

    @Test func hogwildOnSparseData() throws {
        let s = try PlayedScene("hogwild", recordsState: true)
        let data = try Self.samples(s)
        let sgd = "SGD", eight = "Hogwild! ×8", many = "Hogwild! ×32"
        // Description and note 1: 200 samples, 4 touch both parameters, the others one; one sample per step.
        let both = (0..<data.count).filter { data.support($0) == [0, 1] }.count
        #expect(data.count == 200 && both == 4 && (0..<data.count).allSatisfy { data.support($0).count >= 1 })
        #expect(try #require(s.scene.data).batchSize == 1 && s.scene.optimizers[0].spec == "sgd(lr=0.12)")
        // Reads K − 1 updates old, as the inspector says.
        #expect(s.run(eight).states[20].map(\.name) == (1...8).map { "w\($0) τ7" })
        #expect(s.run(many).states[70].map(\.name) == (1...32).map { "w\($0) τ31" })
        // Note 2: 32 workers carry the path past the fit (the offset from it turns against the
        // start's) and out of the view by the note's step, swinging ever wider.
        let m = try #require(s.surface.criticalPoints.first), from = s.scene.start
        let past = (0...s.scene.notes[1].step).contains { k in
            (s.point(many, k)[0] - m.x) * (from[0] - m.x) + (s.point(many, k)[1] - m.y) * (from[1] - m.y) < 0
        }
        #expect(past)
        #expect(try #require(Self.exit(s, many)) <= s.scene.notes[1].step)
        #expect(try Self.widest(s, many, 0..<100) < Self.widest(s, many, 200..<301))
        #expect(s.run(many).divergedAt == nil && s.arrival(many) == nil)
        // Note 3: 8 workers arrived no later than SGD, both by the note's step; 8 updates per
        // sample time, so in sample times at least 8 times sooner.
        let arrivals = (try #require(s.arrival(eight)), try #require(s.arrival(sgd)))
        #expect(arrivals.0 <= arrivals.1 && arrivals.1 <= s.scene.notes[2].step)
        let sampleTimes = (hogwild: Double(arrivals.0) / 8, sgd: Double(arrivals.1))
        #expect(s.scene.optimizers[1].spec == "hogwild(lr=0.12, workers=8)" && sampleTimes.sgd / sampleTimes.hogwild >= 8)
        // The description's "fails": 32 workers end a hundred times higher than SGD.
        #expect(Self.finalLoss(s, many) > 100 * Self.finalLoss(s, sgd))
        // Note 4: λ = 0.70, η·λ = 0.084 between the bounds 0.050 (τ = 31) and 0.21 (τ = 7).
        let lambda = try Self.largestCurvature(s), eta = 0.12
        #expect(Self.shown(lambda, 2) == "0.7" && Self.shown(eta * lambda, 2) == "0.084")
        #expect(Self.shown(Self.delayBound(7), 2) == "0.21" && Self.shown(Self.delayBound(31), 2) == "0.05")
        #expect(Self.delayBound(31) < eta * lambda && eta * lambda < Self.delayBound(7))
    }

    @Test func hogwildWhenSamplesCollide() throws {
        let s = try PlayedScene("hogwild-collisions", recordsState: true)
        let data = try Self.samples(s)
        let sgd = "SGD", eight = "Hogwild! ×8", half = "Hogwild! ×8, η/2"
        // Description and note 1: every one of 200 samples touches both parameters; τ7.
        #expect(data.count == 200 && (0..<data.count).allSatisfy { data.support($0) == [0, 1] })
        #expect(s.scene.optimizers.map(\.spec) == ["sgd(lr=0.12)", "hogwild(lr=0.12, workers=8)", "hogwild(lr=0.06, workers=8)"])
        #expect(s.run(half).states[20].map(\.name) == (1...8).map { "w\($0) τ7" })
        // Note 2: across the valley floor (the line through the fit along the flat direction: the
        // offset along the steep direction v changes sign) and out of the view by the note's step,
        // swinging wider and wider; the server driven away.
        let m = try #require(s.surface.criticalPoints.first), h = s.surface.hessian(m.x, m.y)
        let v = (h.xy, try Self.largestCurvature(s) - h.xx)
        let across = (0...s.scene.notes[1].step).map { k in (s.point(eight, k)[0] - m.x) * v.0 + (s.point(eight, k)[1] - m.y) * v.1 }
        #expect(across.contains { $0 > 0 } && across.contains { $0 < 0 })
        #expect(try #require(Self.exit(s, eight)) <= s.scene.notes[1].step)
        let swings = try [0..<100, 100..<200, 200..<301].map { try Self.widest(s, eight, $0) }
        #expect(swings[0] < swings[1] && swings[1] < swings[2] && swings[2] > 100)
        #expect(s.run(eight).divergedAt == nil && s.arrival(eight) == nil)
        // Note 3: λ = 2.2, three times the sparse data's; η·λ = 0.27 above 0.21, η/2 0.13 below;
        // the η/2 run arrived by then, about twice as late as SGD.
        let lambda = try Self.largestCurvature(s), sparse = try Self.largestCurvature(try PlayedScene("hogwild"))
        #expect(Self.shown(lambda, 2) == "2.2" && (2.5...3.5).contains(lambda / sparse))
        #expect(Self.shown(0.12 * lambda, 2) == "0.27" && Self.shown(0.06 * lambda, 2) == "0.13")
        #expect(0.06 * lambda < Self.delayBound(7) && Self.delayBound(7) < 0.12 * lambda)
        let slow = try #require(s.arrival(half)), fast = try #require(s.arrival(sgd))
        #expect(slow <= s.scene.notes[2].step && (1.5...2.5).contains(Double(slow) / Double(fast)))
    }
}
