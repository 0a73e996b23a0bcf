import Foundation
import Testing

/// `--plugin NAME=PROGRAM`: optimizers in another process, in `trace`, `race` and `list`; faults
/// end only the run, reported as failed with the reason, and leave no process behind.
@Suite struct PluginCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let momentum = "heavy=python3 " + root.appendingPathComponent("scenes/plugins/momentum.py").path
    static let faulty = root.appendingPathComponent("Tests/DescentCLITests/Plugins/faulty.py").path

    static func trajectory(_ result: DescentProcess.Result) throws -> [[Double]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return try #require(object["trajectory"] as? [[Double]])
    }

    /// Also under one_cycle, which cycles the plugin's `momentum` (sent with `set`) as torch does.
    @Test(arguments: ["cosine(t_max=300)", "one_cycle(max_lr=0.001, total_steps=300)"])
    func momentumPluginMatchesTheBuiltInMomentum(schedule: String) throws {
        let plugin = try DescentProcess.run(["trace", "--surface", "rosenbrock", "--steps", "300", "--plugin", Self.momentum,
                                             "--optimizer", "heavy(lr=0.0005, momentum=0.8)", "--schedule", schedule])
        #expect(plugin.status == 0, "\(plugin.stderr)")
        let builtin = try DescentProcess.run(["trace", "--surface", "rosenbrock", "--steps", "300",
                                              "--optimizer", "momentum(lr=0.0005, momentum=0.8)", "--schedule", schedule])
        let a = try Self.trajectory(plugin), b = try Self.trajectory(builtin)
        #expect(a.count == 301 && a.count == b.count)
        for (p, q) in zip(a, b) {
            for (u, v) in zip(p, q) { #expect(abs(u - v) <= 1e-9 * max(abs(v), 1e-12), "\(p) vs \(q)") }
        }
        let race = try DescentProcess.run(["race", "--plugin", Self.momentum, "--steps", "100", "heavy(lr=0.001)", "momentum(lr=0.001)"])
        #expect(race.status == 0 && race.stdout.contains("heavy(lr=0.001)"), "\(race.stderr)")
    }

    /// A plugin that asks for an extra gradient (`{"op":"eval"}`) before it answers: SAM written
    /// as a plugin follows the built-in `sam`, with momentum too.
    @Test(arguments: ["(lr=0.002, rho=0.05)", "(lr=0.001, rho=0.1, momentum=0.5)"])
    func aPluginsEvalRequestsAreAnswered(arguments: String) throws {
        let sam = "p=python3 " + Self.root.appendingPathComponent("Tests/DescentCLITests/Plugins/sam.py").path
        let plugin = try DescentProcess.run(["trace", "--surface", "beale", "--start", "1,1.5", "--steps", "200", "--plugin", sam,
                                             "--optimizer", "p" + arguments])
        #expect(plugin.status == 0, "\(plugin.stderr)")
        let builtin = try DescentProcess.run(["trace", "--surface", "beale", "--start", "1,1.5", "--steps", "200",
                                              "--optimizer", "sam" + arguments])
        let a = try Self.trajectory(plugin), b = try Self.trajectory(builtin)
        #expect(a.count == 201 && a.count == b.count)
        for (p, q) in zip(a, b) {
            for (u, v) in zip(p, q) { #expect(abs(u - v) <= 1e-9 * max(abs(v), 1e-12), "\(p) vs \(q)") }
        }
    }

    @Test func listShowsThePluginSchema() throws {
        let list = try DescentProcess.run(["list", "optimizers", "--plugin", Self.momentum])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("heavy") && list.stdout.contains("heavy-ball momentum, in Python"))
        #expect(list.stdout.contains("momentum=0.9") && list.stdout.contains("momentum coefficient mu"))
    }

    @Test func aBadPluginOptionIsOneLine() throws {
        let missing = try DescentProcess.run(["list", "optimizers", "--plugin", "nope=/no/such/program"])
        #expect(missing.status != 0 && missing.stderr.contains("could not start '/no/such/program'"), "\(missing.stderr)")
        let unnamed = try DescentProcess.run(["list", "optimizers", "--plugin", "python3 x.py"])
        #expect(unnamed.status != 0 && unnamed.stderr.contains("NAME=PROGRAM"), "\(unnamed.stderr)")
        let timeout = try DescentProcess.run(["list", "optimizers", "--plugin-timeout", "0"])
        #expect(timeout.status != 0 && timeout.stderr.contains("--plugin-timeout must be within"), "\(timeout.stderr)")
    }

    @Test(arguments: [
        ("crash", "plugin exited with status 3: ZeroDivisionError: \\u{1b}[31mdivision by zero"),
        ("hang", "the plugin did not answer within 0.5 s (--plugin-timeout)"),
        ("garbage", "the plugin sent invalid JSON: 'hello \\u{1b}]0;pwned\\u{7} world'"),
        ("wrong_length", "the plugin sent x with 3 numbers; the run has 2"),
        ("error", "the plugin said: no step today"),
    ])
    func aFaultyPluginFailsItsRunWithTheReason(mode: String, reason: String) throws {
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("descent-plugin-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: pidFile) }
        let result = try DescentProcess.run(["trace", "--steps", "10", "--plugin-timeout", "0.5",
                                             "--plugin", "bad=python3 \(Self.faulty) \(mode) \(pidFile)", "--optimizer", "bad"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["failed"] as? String == reason)
        #expect((object["trajectory"] as? [[Double]])?.count == 1)
        #expect(result.stderr.contains("failed at step 1: \(reason)"), "\(result.stderr)")
        #expect(!result.stderr.contains("\u{1b}") && !result.stdout.contains("\u{1b}"))
        // The run's process (the last to write the file) is gone: killed and reaped.
        let pid = try #require(Int32(try String(contentsOfFile: pidFile, encoding: .utf8)))
        #expect(kill(pid, 0) == -1 && errno == ESRCH, "plugin process \(pid) is still there")
    }
}

/// A scene's `[[plugin]]` starts only with `--allow-plugins`; without it the scene is refused
/// with the command named.
@Suite struct ScenePluginCommandTests {
    static let scene = PluginCommandTests.root.appendingPathComponent("scenes/plugins/heavy-ball.toml").path

    @Test func aScenePluginNeedsAllowPlugins() throws {
        let refused = try DescentProcess.run(["check", Self.scene])
        #expect(refused.status != 0)
        #expect(refused.stdout.contains("heavy-ball.toml:9:11: plugin[0].command: the scene wants to run a plugin program, 'heavy': python3 momentum.py; pass --allow-plugins to let it"),
                "\(refused.stdout)")
        #expect(!refused.stdout.contains("unknown optimizer"), "\(refused.stdout)")
        let allowed = try DescentProcess.run(["check", "--allow-plugins", Self.scene])
        #expect(allowed.status == 0 && allowed.stdout == "\(Self.scene): ok\n", "\(allowed.stdout)\(allowed.stderr)")
        let render = try DescentProcess.run(["render", "--allow-plugins", "--size", "80x24", Self.scene])
        #expect(render.status == 0 && render.stdout.contains("plugin heavy ball"), "\(render.stderr)")
    }
}
