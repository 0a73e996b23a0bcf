import Foundation
import Testing

/// A Python with pyte: the venv's or python3, installing pyte with pip when it is missing; nil
/// (the test then says it skipped) when there is no way to get it.
private func pythonWithPyte() -> String? {
    let candidates = ["/work/venv/bin/python", "python3"]
    for python in candidates {
        guard let probe = try? runProgram(python, ["-c", "import pyte"]) else { continue }
        if probe.status == 0 { return python }
        if let install = try? runProgram(python, ["-m", "pip", "install", "--quiet", "pyte"]), install.status == 0,
           (try? runProgram(python, ["-c", "import pyte"]))?.status == 0 {
            return python
        }
    }
    return nil
}

/// Runs `program ARGUMENTS` (looked up on PATH when not a path); nil when it cannot start.
private func runProgram(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String)? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program.hasPrefix("/") ? program : "/usr/bin/env")
    process.arguments = program.hasPrefix("/") ? arguments : [program] + arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    guard FileManager.default.isExecutableFile(atPath: process.executableURL!.path) else { return nil }
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// `descent record` of the Beale lesson: an asciicast v2 file, the same bytes twice, whose replay
/// in a terminal emulator (pyte) ends on the lesson's last frame — what `descent render` draws at
/// the scene's last step (the status line aside, which says the horizon was reached).
@Test func recordingALessonReplaysToItsLastFrame() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("descent-record-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let scene = scriptsFolder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scenes/beale-race.toml").path
    var casts: [Data] = []
    for name in ["a.cast", "b.cast"] {
        let path = folder.appendingPathComponent(name).path
        let result = try DescentProcess.run(["record", scene, "--out", path, "--size", "100x30", "--fps", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        casts.append(try Data(contentsOf: URL(fileURLWithPath: path)))
    }
    #expect(casts[0] == casts[1], "the same input must give the same bytes")
    let text = String(decoding: casts[0], as: UTF8.self)
    let header = try #require(text.split(separator: "\n").first)
    #expect(header.hasPrefix("{\"version\": 2, \"width\": 100, \"height\": 30"))

    guard let python = pythonWithPyte() else {
        print("skipped the replay: pyte is not installed and pip could not install it")
        return
    }
    let script = scriptsFolder.appendingPathComponent("replay_asciicast.py").path
    let replay = try #require(try runProgram(python, [script, folder.appendingPathComponent("a.cast").path]))
    #expect(replay.status == 0, "\(replay.output)")
    let render = try DescentProcess.run(["render", scene, "--size", "100x30", "--color", "truecolor"])
    let expected = render.stdout.replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
    let shown = replay.output.split(separator: "\n", omittingEmptySubsequences: false).prefix(29)
    let drawn = expected.split(separator: "\n", omittingEmptySubsequences: false).prefix(29)
    #expect(Array(shown) == Array(drawn))
    #expect(replay.output.contains("step 1500/1500"))
}

@Test(arguments: [["--fps", "0"], ["--fps", "61"], ["--size", "10"], ["--max-seconds", "0"]])
func recordRejectsBadOptions(arguments: [String]) throws {
    let result = try DescentProcess.run(["record", "--out", "/dev/null"] + arguments)
    #expect(result.status != 0)
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
}
