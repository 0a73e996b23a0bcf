import Foundation
import Testing

/// `descent check` as a subprocess.
@Suite struct CheckCommandTests {
    static let scenes = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scenes")

    @Test func goodScenesAreOk() throws {
        let files = ["quadratic.toml", "saddle.toml", "training-optimizers.toml", "sign-methods.toml"].map { Self.scenes.appendingPathComponent($0).path }
        let result = try DescentProcess.run(["check"] + files)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout == files.map { "\($0): ok\n" }.joined())
    }

    @Test func badScenesListEveryProblemAndFail() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("descent-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("bad.toml")
        try """
            title = "t"
            description = "d"
            [surface]
            name = "quadratic"
            [run]
            start = [1, 1]
            steps = 0
            [[optimizer]]
            spec = "sgd(lr=0.1)"
            [[optimizer]]
            spec = "adamm(lr=0.1)"
            """.write(to: bad, atomically: true, encoding: .utf8)
        let good = Self.scenes.appendingPathComponent("quadratic.toml").path
        let result = try DescentProcess.run(["check", bad.path, good])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0] == "\(bad.path):7:9: run.steps: must be between 1 and 10000000, got 0")
        #expect(lines[1].hasPrefix("\(bad.path):11:9: optimizer[1].spec: unknown optimizer 'adamm'; did you mean 'adam'"))
        #expect(lines[2] == "\(good): ok")
    }

    @Test func helpDescribesTheOutput() throws {
        let result = try DescentProcess.run(["check", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("FILE:LINE:COLUMN: message"))
    }
}
