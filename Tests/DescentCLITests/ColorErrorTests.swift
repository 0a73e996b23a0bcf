import Foundation
import Testing

/// The repository's Tests/Scripts folder.
let scriptsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Scripts")

/// Runs `python3 ARGUMENTS` (plain Python 3, no packages); nil when there is no python3.
func runPython(_ arguments: [String]) throws -> (status: Int32, output: String)? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    do { try process.run() } catch { return nil }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    if process.terminationStatus == 127 { return nil }
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The acceptance figure, measured as the README says: `render --color 256` of the
/// default race at 120×40 against `--color truecolor`, by Tests/Scripts/measure_delta_e.py.
@Test func the256ColourHeatmapIsWithinDeltaE5OfTruecolour() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("descent-dE-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var files: [String] = []
    for color in ["truecolor", "256"] {
        let result = try DescentProcess.run(["render", "--color", color, "--size", "120x40"])
        #expect(result.status == 0, "\(result.stderr)")
        let file = folder.appendingPathComponent("\(color).ansi")
        try result.stdout.write(to: file, atomically: true, encoding: .utf8)
        files.append(file.path)
    }
    let script = scriptsFolder.appendingPathComponent("measure_delta_e.py").path
    guard let (status, output) = try runPython([script] + files) else {
        print("skipped: no python3 to run measure_delta_e.py")
        return
    }
    #expect(status == 0, "\(output)")
    // "mean dE (2x2 blocks): 4.49  p95 ..."
    let mean = output.split(separator: ":").dropFirst().first?.split(separator: " ").first.flatMap { Double($0) }
    let value = try #require(mean, "unexpected output: \(output)")
    #expect(value <= 5, "\(output)")
}
