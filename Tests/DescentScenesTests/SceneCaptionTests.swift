import DescentCore
import Foundation
import Testing
@testable import DescentScenes

/// Every caption of the scene library, and every scene's description, is a claim about what the
/// scene shows; these tests play each scene headless and check those claims (the lines marked
/// "The description" check the description's).
@Suite struct SceneCaptionTests {
    @Test func bealeRace() throws {
        let s = try PlayedScene("beale-race")
        // The description: six classic optimizers at hand-picked rates, from (1, 1.5), to the minimum at (3, 0.5).
        #expect(s.runs.count == 6 && s.scene.tune == nil)
        #expect(s.scene.description.contains("(1, 1.5)") && s.scene.description.contains("(3, 0.5)") && s.scene.description.contains("six"))
        #expect(s.scene.start == [1, 1.5])
        let minimum = try #require(s.surface.criticalPoints.first { $0.kind == .globalMinimum })
        #expect(minimum.x == 3 && minimum.y == 0.5)
        let adam = try #require(s.arrival("Adam")), adagrad = try #require(s.arrival("Adagrad"))
        let rmsprop = try #require(s.arrival("RMSprop"))
        let momentum = try #require(s.arrival("momentum")), nesterov = try #require(s.arrival("Nesterov"))
        #expect(adam < adagrad && adagrad <= 650)
        #expect(rmsprop > adagrad && rmsprop <= 800)
        #expect(min(momentum, nesterov) > rmsprop && max(momentum, nesterov) <= 1400)
        #expect(s.arrival("SGD") == nil)
        #expect(s.distance("SGD", s.scene.steps, to: [3, 0.5]) > 0.1)
        let longest = s.runs.max { s.pathLength($0.label) < s.pathLength($1.label) }
        #expect(longest?.label == "RMSprop")
    }

    @Test func fairRace() throws {
        let s = try PlayedScene("fair-race")
        let tune = try #require(s.scene.tune)
        #expect(tune.budget == 300 && tune.starts == 3 && tune.criterion == .stepsToTolerance(0.05) && s.scene.start == [1, 1.5])
        #expect(tune.gridPoints + 2 * tune.refinements == 21)
        let pairs = [("SGD", "SGD (tuned)"), ("momentum", "momentum (tuned)"), ("Adam", "Adam (tuned)")]
        for (hand, tuned) in pairs {
            let ratio = s.run(tuned).learningRates[0] / s.run(hand).learningRates[0]
            #expect(ratio >= 5 && ratio <= 25, "\(tuned): \(ratio)")
        }
        // The hand-picked rates are the default race's.
        let defaultRace = try Scene.load(path: scenesDirectory.appendingPathComponent("beale-race.toml").path, registry: .builtin)
        for label in ["SGD", "momentum", "Adam"] { #expect(defaultRace.optimizers.contains { $0.spec == s.run(label).spec }) }
        let adam = try #require(s.arrival("Adam (tuned)"))
        #expect(adam <= 40 && s.distance("Adam", 40, to: [3, 0.5]) > 1)
        let momentum = try #require(s.arrival("momentum (tuned)")), sgd = try #require(s.arrival("SGD (tuned)"))
        #expect(momentum <= 320 && sgd <= 320)
        for hand in ["SGD", "momentum", "Adam"] { #expect((s.arrival(hand) ?? .max) > 320) }
        let handAdam = try #require(s.arrival("Adam"))
        #expect(handAdam > 500 && handAdam <= 600 && handAdam > sgd)
        #expect(s.arrival("SGD") == nil && s.arrival("momentum") == nil)
    }

    @Test func longValley() throws {
        let s = try PlayedScene("long-valley")
        // The description: condition number 40 (the Hessian's eigenvalues 1 and 40).
        let h = s.surface.hessian(0, 0)
        #expect(h.xy == 0 && max(h.xx, h.yy) / min(h.xx, h.yy) == 40 && s.scene.description.contains("condition number 40"))
        let sgd = s.run("SGD")
        for k in 1..<20 {
            #expect(sgd.point(k)[1] * sgd.point(k - 1)[1] < 0, "y changes sign at step \(k)")
            // x_{k+1} = (1 − 0.045)·x_k on ½(x² + 40y²).
            #expect(abs(sgd.point(k)[0] - 0.955 * sgd.point(k - 1)[0]) < 1e-12)
        }
        let momentum = s.run("momentum")
        let crossing = try #require((0...20).first { momentum.point($0)[0] > 0 })
        #expect(crossing <= 20)
        #expect(momentum.point(20)[0] > momentum.point(19)[0], "still moving right at step 20")
        for label in ["Adam", "RMSprop"] { #expect(s.pathLength(label) < 0.6 * s.pathLength("SGD")) }
        let arrivals = try ["SGD", "momentum", "RMSprop", "Adam"].map { try #require(s.arrival($0)) }
        #expect(arrivals[3] == arrivals.min() && arrivals[3] <= 70)
        #expect(arrivals[0] == arrivals.max() && arrivals[0] <= 140)
    }

    @Test func rotatedValley() throws {
        let rotated = try PlayedScene("rotated-valley"), straight = try PlayedScene("long-valley")
        // The description: the valley turned by 45° (equal diagonal curvatures, the same eigenvalues), where
        // per-coordinate adaptivity stops helping: Adam and RMSprop arrive later than in the straight valley.
        let hr = rotated.surface.hessian(0, 0)
        #expect(abs(hr.xx - hr.yy) < 1e-9 && abs(hr.xx + hr.yy - 41) < 1e-9 && abs(hr.xx * hr.yy - hr.xy * hr.xy - 40) < 1e-9)
        for label in ["Adam", "RMSprop"] {
            #expect(try #require(rotated.arrival(label)) > #require(straight.arrival(label)), "\(label)")
        }
        for label in ["SGD", "momentum"] { #expect(rotated.arrival(label) == straight.arrival(label)) }
        let momentum = try #require(rotated.arrival("momentum")), adam = try #require(rotated.arrival("Adam"))
        let sgd = try #require(rotated.arrival("SGD")), rmsprop = try #require(rotated.arrival("RMSprop"))
        #expect(momentum <= 90 && momentum < adam && adam <= 140)
        #expect(rmsprop > sgd && rmsprop <= 300)
        // The start sits where (-4.5, 1.5) sits relative to the unrotated valley.
        let c = cos(Double.pi / 4), sn = sin(Double.pi / 4)
        #expect(abs(rotated.scene.start[0] - (-4.5 * c - 1.5 * sn)) < 0.01 && abs(rotated.scene.start[1] - (-4.5 * sn + 1.5 * c)) < 0.01)
    }

    @Test func saddle() throws {
        let s = try PlayedScene("saddle")
        // The description: f = x² − y² from just off the ridge line y = 0.
        #expect(s.surface.value(2, 3) == 4 - 9 && abs(s.scene.start[1]) > 0 && abs(s.scene.start[1]) < 0.01 * abs(s.scene.start[0]))
        let escapes = ["SGD", "momentum", "RMSprop", "Adam"].map { label in
            (label, s.run(label)).1.losses.indices.first { abs(s.point(label, $0)[1]) > 1 }
        }
        for e in escapes[1...] { #expect(try #require(e) <= 30) }
        let sgdEscape = try #require(escapes[0])
        #expect(sgdEscape > 30 && sgdEscape <= 75)
        #expect(sgdEscape > 2 * (escapes[1...].compactMap { $0 }.max() ?? 0))
        let norms = s.run("SGD").gradientNorms
        #expect(norms[40] > 0.09 && norms[40] < 0.12 && norms[0] / norms[40] > 30)
        // On x² − y², y_{k+1} = (1 + 2η)·y_k = 1.1·y_k.
        #expect(abs(s.point("SGD", 41)[1] - 1.1 * s.point("SGD", 40)[1]) < 1e-15)
    }

    @Test func monkeySaddle() throws {
        let s = try PlayedScene("monkey-saddle")
        let surface = s.surface
        // The description: f = x³ − 3xy², with three valleys (at 60°, 180° and 300°) falling away without bound.
        #expect(surface.value(2, 1) == 8 - 6 && surface.value(-1, 2) == -1 + 12)
        for degrees in [60.0, 180, 300] {
            let (c, sn) = (cos(degrees * .pi / 180), sin(degrees * .pi / 180))
            #expect(abs(surface.value(10 * c, 10 * sn) - -1000) < 1e-9 && surface.value(100 * c, 100 * sn) < -1e5 + 1)
        }
        #expect(surface.hessian(0, 0) == Hessian2(xx: 0, xy: 0, yy: 0))
        #expect(surface.gradient(0, 0) == (0, 0))
        #expect(try #require((0...8).first { s.point("momentum", $0)[0] < 0 }) <= 8)
        let diverged = try #require(s.run("momentum").divergedAt)
        #expect(diverged <= 30)
        #expect(try #require(s.firstExit("Adam", radius: 2)) <= 75)
        #expect(s.distance("SGD", 75, to: [0, 0]) < 2)
        #expect(s.run("SGD").gradientNorms[100] < 0.1)
        #expect(s.run("SGD").gradientNorms[100] < 0.02 * s.run("SGD").gradientNorms[0])
    }

    @Test func noisySaddle() throws {
        let s = try PlayedScene("noisy-saddle")
        // The description: started exactly on the stable manifold (y = 0) of the saddle; the notes' checks
        // below are the description's too (GD converges to the saddle, noisy SGD escapes).
        #expect(s.scene.start[1] == 0)
        #expect(s.run("GD").points.enumerated().allSatisfy { $0.offset % 2 == 0 || $0.element == 0 })
        #expect(s.distance("GD", 40, to: [0, 0]) < 0.05)
        for label in ["GD + Gaussian noise", "noisy SGD (Ge et al.)"] {
            #expect(try #require(s.firstExit(label, radius: 1, from: 1)) <= 70)
        }
        #expect(s.firstExit("GD", radius: 0.05, from: 40) == nil)
    }

    @Test func saddleEscape() throws {
        let scene = try Scene.load(path: scenesDirectory.appendingPathComponent("saddle-escape.toml").path, registry: .builtin)
        var escape = try #require(try scene.makeCloud(registry: .builtin))
        escape.advance(toStep: scene.steps)
        let slow = escape.clouds[0], fast = escape.clouds[1]
        // The description: 500 starts near the saddle x² − y²; the larger step escapes faster.
        #expect(scene.surface?.surface.value(2, 3) == 4 - 9 && scene.cloud?.starts.center == [0, 0])
        #expect(fast.runs[0].learningRates[0] > slow.runs[0].learningRates[0])
        #expect(slow.count == 500 && fast.count == 500)
        #expect(fast.fraction(at: 20) > 0.95 && slow.fraction(at: 20) == 0)
        #expect(slow.fraction(at: 60) > 0.95)
        #expect(slow.fraction(at: 100) == 1 && fast.fraction(at: 100) == 1)
        let points = scene.cloud!.starts.points
        let last = slow.escapedAt.indices.max { slow.escapedAt[$0]! < slow.escapedAt[$1]! }!
        let first = slow.escapedAt.indices.min { slow.escapedAt[$0]! < slow.escapedAt[$1]! }!
        #expect(abs(points[last][1]) < abs(points[first][1]))
    }

    @Test func learningRateTooLarge() throws {
        let s = try PlayedScene("learning-rate-too-large")
        // The description: curvature 20 across the valley; below η = 2/20 every run converges, above it
        // every run ends farther from the minimum than it started (or diverges).
        #expect(s.surface.hessian(0, 0).yy == 20 && s.surface.hessian(0, 0).xy == 0)
        for run in s.runs {
            if run.learningRates[0] < 2.0 / 20 {
                #expect(s.arrival(run.label) != nil, "\(run.label)")
            } else {
                #expect(run.divergedAt != nil || hypot(run.current[0], run.current[1]) > hypot(s.scene.start[0], s.scene.start[1]), "\(run.label)")
            }
        }
        for k in 1...10 {
            let y = s.point("η=0.09", k)[1], previous = s.point("η=0.09", k - 1)[1]
            #expect(abs(y / previous - (1 - 0.09 * 20)) < 1e-9)
            let z = s.point("η=0.11", k)[1], zPrevious = s.point("η=0.11", k - 1)[1]
            #expect(abs(z / zPrevious - (1 - 0.11 * 20)) < 1e-9)
        }
        let slow = try #require(s.arrival("η=0.04")), bouncing = try #require(s.arrival("η=0.09"))
        #expect(bouncing <= 70 && slow <= 150 && bouncing < slow)
        let y04 = s.run("η=0.04").points.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        #expect(y04.allSatisfy { $0 >= 0 }, "η = 0.04 never bounces")
        #expect(abs(s.point("η=0.11", 150)[1]) > 1e6 * abs(s.scene.start[1]))
        #expect(s.run("η=0.11").divergedAt == nil)
        #expect(s.run("η=0.3").divergedAt == 220)
    }

    @Test func schedules() throws {
        let s = try PlayedScene("schedules")
        // The description: SGD with noisy gradients on an elongated bowl, a constant rate against decaying schedules.
        #expect(s.scene.noise != nil && s.scene.surface?.spec.hasPrefix("elongated_bowl") == true)
        #expect(s.runs.allSatisfy { $0.spec.contains("sgd(") })
        #expect(abs(s.run("one-cycle").learningRates[0] - 0.15 / 25) < 1e-12)
        #expect(abs(s.run("trapezoid").learningRates[0] - 0.05 / 20) < 1e-15)
        for k in [50, 100, 150] {
            #expect(abs(s.run("warm restarts").learningRates[k] - 0.05) < 1e-15)
            #expect(s.run("warm restarts").learningRates[k - 1] < 0.001)
        }
        #expect(abs(s.run("step").learningRates[50] - 0.05 * 0.3) < 1e-15)
        let constant = s.run("constant").losses.last!
        for label in ["step", "cosine", "warm restarts", "one-cycle", "trapezoid"] {
            #expect(s.run(label).losses.last! < constant, "\(label)")
        }
    }

    @Test func signMethods() throws {
        let s = try PlayedScene("sign-methods")
        let sign = s.run("SignSGD")
        // The description: Adam's steps shrink as it arrives (the sign steps' constant size is checked below).
        let adamRun = s.run("Adam")
        func stepLength(_ k: Int) -> Double { hypot(adamRun.point(k + 1)[0] - adamRun.point(k)[0], adamRun.point(k + 1)[1] - adamRun.point(k)[1]) }
        #expect(stepLength(adamRun.count - 2) < 0.01 * stepLength(0))
        for k in 1...40 {
            #expect(abs(abs(sign.point(k)[0] - sign.point(k - 1)[0]) - 0.05) < 1e-12)
            #expect(abs(abs(sign.point(k)[1] - sign.point(k - 1)[1]) - 0.05) < 1e-12)
        }
        for k in 46...60 {
            #expect(sign.point(k)[1] * sign.point(k - 1)[1] < 0)
            #expect(abs(sign.point(k)[0] - sign.point(k - 1)[0] - 0.05) < 1e-12)
        }
        for k in 180...200 {
            #expect(s.distance("Adam", k, to: [0, 0]) < 0.001)
            #expect(s.distance("SignSGD", k, to: [0, 0]) > 0.01)
        }
    }

    @Test func samSharpAndFlat() throws {
        let s = try PlayedScene("sam-sharp-flat")
        let surface = s.surface
        #expect(abs(surface.hessian(1, 0).xx - 60) < 3 && abs(surface.hessian(-1.5, 0).xx - 0.4) < 0.05)
        // The description: the sharp well is the deeper one, f = −1.29 against −1.00.
        #expect(abs(surface.value(1, 0) - -1.29) < 0.005 && abs(surface.value(-1.5, 0) - -1.00) < 0.005)
        #expect(s.scene.description.contains("−1.29") && s.scene.description.contains("−1.00"))
        #expect(s.distance("SGD η=0.02", 50, to: [1, 0]) < 0.05)
        #expect(s.distance("SAM η=0.1 ρ=0.5", 50, to: [1, 0]) > 0.5)
        #expect(s.distance("SAM η=0.1 ρ=0.5", 100, to: [-1.5, 0]) < 0.05)
        #expect(s.distance("SGD η=0.1", 100, to: [1, 0]) > 0.5)
        #expect(s.distance("SGD η=0.02", 400, to: [1, 0]) < 0.05)
        for label in ["SAM η=0.1 ρ=0.5", "SGD η=0.1"] { #expect(s.distance(label, 400, to: [-1.5, 0]) < 0.05) }
    }

    @Test func rosenbrock() throws {
        let s = try PlayedScene("rosenbrock")
        // The description: the minimum at (1, 1), easy to reach (the valley by step 10, below) and slow to follow.
        #expect(s.surface.criticalPoints.filter(\.kind.isMinimum).map { [$0.x, $0.y] } == [[1, 1]])
        #expect(try #require(s.arrival("Newton")) <= 10)
        #expect(try #require(s.arrival("Adam")) <= 1300)
        #expect(try #require(s.arrival("momentum")) <= 2500)
        #expect(s.arrival("SGD") == nil && s.distance("SGD", 2500, to: [1, 1]) > 0.5)
        for label in ["SGD", "momentum", "Adam"] {
            let p = s.point(label, 10)
            // At the start (−1.5, 2): |y − x²| = 0.25.
            #expect(abs(p[1] - p[0] * p[0]) < 0.5 * 0.25, "\(label) is dropping into the valley by step 10")
        }
    }

    @Test func himmelblau() throws {
        let s = try PlayedScene("himmelblau")
        // The description: the same optimizer from four nearby starts (checked below: within 2.3) in four minima.
        #expect(s.runs.count == 4 && Set(s.runs.map { $0.spec }).count == 1)
        let minima = s.surface.criticalPoints.filter(\.kind.isMinimum)
        #expect(minima.count == 4)
        var reached: [Int] = []
        for run in s.runs {
            let arrival = try #require(s.arrival(run.label))
            #expect(arrival <= 30)
            let end = run.point(30)
            reached.append(try #require(minima.indices.first { hypot(minima[$0].x - end[0], minima[$0].y - end[1]) < 0.01 }))
            #expect(abs(s.surface.value(end[0], end[1])) < 1e-3)
        }
        #expect(Set(reached).count == 4)
        for a in s.runs.indices { for b in s.runs.indices {
            #expect(hypot(s.scene.start(a)[0] - s.scene.start(b)[0], s.scene.start(a)[1] - s.scene.start(b)[1]) <= 2.3)
        } }
    }

    @Test func quadratic() throws {
        let s = try PlayedScene("quadratic")
        // The description: the gradient at (1, 1), one step by hand and Newton in one step (all checked below).
        #expect(s.scene.start == [1, 1])
        #expect(s.run("GD η=0.1").losses[0] == 10)
        #expect(s.run("GD η=0.1").gradient(0) == [12, 8])
        #expect(abs(s.point("GD η=0.1", 1)[0] - -0.2) < 1e-15 && abs(s.point("GD η=0.1", 1)[1] - 0.2) < 1e-15)
        #expect(s.distance("Newton", 1, to: [0, 0]) < 1e-12)
        #expect(try #require(s.arrival("GD η=0.1")) <= 30)
        // The Hessian [[10, 2], [2, 6]] has eigenvalues 8 ± √8; the smaller is 5.17.
        #expect(abs((8 - 8.0.squareRoot()) - 5.17) < 0.01)
    }

    @Test func minibatchNoise() throws {
        let s = try PlayedScene("minibatch-noise")
        let data = try #require(s.scene.data)
        // The description: least squares on 200 points; minibatch SGD, GD plus matched isotropic noise, full-batch GD.
        #expect(data.objective.count == 200 && data.objective.name.contains("least"))
        #expect(Set(s.scene.optimizers.map(\.gradient)) == [.minibatch, .matchedNoise, .full])
        let minimizer = data.objective.minimizer
        #expect(s.distance("full-batch GD", 100, to: minimizer) < 1e-3)
        for label in ["minibatch SGD (B=5)", "GD + isotropic noise"] {
            #expect(s.distance(label, 300, to: minimizer) > 1e-3)
        }
        let atFit = data.objective.minibatchCovariance(at: minimizer, batchSize: data.batchSize).trace
        let atStart = data.objective.minibatchCovariance(at: s.scene.start, batchSize: data.batchSize).trace
        #expect(atStart > 10 * atFit)
    }
}
