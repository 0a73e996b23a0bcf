import Foundation
import Testing

/// `--rule FILE` registers an optimizer written as equations for the commands that take specs.
@Suite struct RuleCommandTests {
    static let rule = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenes/rules/adam.toml").path

    @Test func traceRaceAndListTakeARuleFile() throws {
        let trace = try DescentProcess.run(["trace", "--rule", Self.rule, "--steps", "20", "--optimizer", "my_adam(lr=0.01, beta1=0.8)"])
        #expect(trace.status == 0, "\(trace.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(trace.stdout.utf8)) as? [String: Any])
        #expect((object["trajectory"] as? [[Double]])?.count == 21)
        #expect(object["failed"] is NSNull)
        let race = try DescentProcess.run(["race", "--rule", Self.rule, "--steps", "50", "my_adam(lr=0.01)", "adam(lr=0.01)"])
        #expect(race.status == 0 && race.stdout.contains("my_adam(lr=0.01)"), "\(race.stderr)")
        let list = try DescentProcess.run(["list", "optimizers", "--rule", Self.rule])
        #expect(list.stdout.contains("my_adam") && list.stdout.contains("Adam, written out") && list.stdout.contains("beta2=0.999"))
    }

    @Test func aBadRuleFileIsRefusedWithItsPosition() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("descent-rule-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.toml")
        try "name = \"bad\"\n[hyperparameters]\nlr = 0.1\n[update]\nsteps = [\"x = x - lr*gg\"]\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try DescentProcess.run(["trace", "--rule", file.path, "--optimizer", "bad"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("bad.toml:5:22: update.steps[0]: unknown name 'gg'"), "\(result.stderr)")
    }
}
