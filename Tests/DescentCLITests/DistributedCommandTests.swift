import Foundation
import Testing

/// The distributed optimizers on the command line: `trace --workers`, and the three lessons
/// rendered at their horizon.
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

    /// Each lesson rendered at its last step: the last caption and the horizon in the status line.
    @Test(arguments: [("stale-gradients", 220, "arrived within 5%"), ("downpour", 150, "Downpour arrived first"),
                      ("easgd", 400, "A weaker pull")])
    func lessonRendersAtItsHorizon(name: String, steps: Int, caption: String) throws {
        let path = Self.scenes.appendingPathComponent(name + ".toml").path
        let result = try DescentProcess.run(["render", "--scene", path, "--at", String(steps), "--color", "never", "--size", "120x40"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("step \(steps)/\(steps)"))
        #expect(result.stdout.contains(caption))
    }
}
