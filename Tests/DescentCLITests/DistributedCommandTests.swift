import Foundation
import Testing

/// The distributed optimizers on the command line: `trace --workers`, Hogwild! only on a finite
/// sum, and the distributed lessons rendered at their horizon.
@Suite struct DistributedCommandTests {
    static let scenes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenes")

    @Test func traceWithWorkers() throws {
        let result = try DescentProcess.run(["trace", "--surface", "quadratic", "--start", "1,1", "--steps", "20",
                                             "--optimizer", "easgd(workers=3, alpha=0.2, noise=1)", "--workers"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let trajectory = try #require(object["trajectory"] as? [[Double]])
        let workers = try #require(object["workers"] as? [[[Double]]])
        let names = try #require(object["worker_states"] as? [[String]])
        #expect(trajectory.count == 21 && workers.count == 20 && names.count == 20)
        #expect(workers.allSatisfy { $0.count == 3 && $0.allSatisfy { $0.count == 2 } })
        #expect(names[0].allSatisfy { $0.contains("↔") })
        // Without the flag the output has no workers; other optimizers and CSV refuse the flag.
        let plain = try DescentProcess.run(["trace", "--surface", "quadratic", "--steps", "5", "--optimizer", "easgd"])
        #expect(plain.status == 0 && !plain.stdout.contains("workers"))
        for arguments in [["--optimizer", "sgd", "--workers"], ["--optimizer", "easgd", "--workers", "--format", "csv"]] {
            let refused = try DescentProcess.run(["trace", "--surface", "quadratic", "--steps", "5"] + arguments)
            #expect(refused.status != 0 && refused.stderr.contains("--workers needs"), "\(refused.stderr)")
        }
    }

    /// `hogwild` on a plain surface is refused before anything runs, with one line naming the spec
    /// (race, trace, render, tune); on a finite-sum surface it races, and
    /// `trace --workers` shows its workers' staleness.
    @Test func hogwildNeedsAFiniteSum() throws {
        for arguments in [["race", "--surface", "beale", "hogwild"], ["trace", "--surface", "beale", "--optimizer", "hogwild(workers=2)"],
                          ["render", "--surface", "beale", "hogwild"], ["tune", "--surface", "beale", "--budget", "5", "hogwild"]] {
            let refused = try DescentProcess.run(arguments)
            #expect(refused.status != 0 && refused.stdout.isEmpty, "\(arguments)")
            let lines = refused.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].contains("optimizer '") && lines[0].contains("hogwild needs [data]"), "\(refused.stderr)")
        }
        let race = try DescentProcess.run(["race", "--surface", "sparse_least_squares(overlap=0.1)", "--start", "-1,1", "--steps", "200",
                                           "hogwild(lr=0.1, workers=4)"])
        #expect(race.status == 0 && race.stdout.contains("hogwild(lr=0.1, workers=4)"), "\(race.stderr)")
        let trace = try DescentProcess.run(["trace", "--surface", "sparse_least_squares", "--start", "-1,1", "--steps", "10",
                                            "--optimizer", "hogwild(workers=3)", "--workers"])
        #expect(trace.status == 0, "\(trace.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(trace.stdout.utf8)) as? [String: Any])
        let names = try #require(object["worker_states"] as? [[String]])
        #expect(names.last == ["w1 τ2", "w2 τ2", "w3 τ2"])
        let list = try DescentProcess.run(["list", "optimizers"])
        #expect(list.stdout.contains("hogwild") && list.stdout.contains("Niu, Recht"))
        // --tuned tunes it on the finite sum and leaves it out of the training view's tuning (a net).
        let tuned = try DescentProcess.run(["render", "--surface", "sparse_least_squares(overlap=0.1)", "--start=-1,1", "--tuned",
                                            "--budget", "30", "--lr-grid", "5", "--refine", "1", "--color", "never", "--size", "160x40",
                                            "hogwild(workers=2)"])
        #expect(tuned.status == 0 && tuned.stdout.contains("workers=2, tuned)"), "\(tuned.stderr)")
    }

    /// `train` and `train-view` refuse hogwild before training (a net is not a finite sum of
    /// samples), and any distributed optimizer behind a transform (its workers compute their own
    /// gradients), each with one line.
    @Test func trainingRefusesWhatWouldNeverWork() throws {
        for (arguments, fragment) in [(["train", "--epochs", "1", "hogwild(lr=0.1)"], "draws single samples of a finite sum, which a net is not"),
                                      (["train-view", "hogwild"], "draws single samples of a finite sum, which a net is not"),
                                      (["train", "--epochs", "1", "noise(sigma=1) | async_sgd"], "which the transforms before it never see")] {
            let refused = try DescentProcess.run(arguments)
            #expect(refused.status != 0 && refused.stdout.isEmpty, "\(arguments)")
            let lines = refused.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].contains(fragment), "\(refused.stderr)")
        }
    }

    /// Each lesson rendered at its last step: the last caption and the horizon in the status line.
    @Test(arguments: [("stale-gradients", 220, "arrived within 5%"), ("downpour", 150, "Downpour arrived first"),
                      ("easgd", 400, "A weaker pull"), ("hogwild", 300, "Sparse samples keep λ small"),
                      ("hogwild-collisions", 300, "twice as late as SGD")])
    func lessonRendersAtItsHorizon(name: String, steps: Int, caption: String) throws {
        let path = Self.scenes.appendingPathComponent(name + ".toml").path
        let result = try DescentProcess.run(["render", "--scene", path, "--at", String(steps), "--color", "never", "--size", "120x40"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("step \(steps)/\(steps)"))
        #expect(result.stdout.contains(caption))
    }
}
