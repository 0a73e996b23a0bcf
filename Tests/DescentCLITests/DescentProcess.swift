import Foundation

/// Runs the built `descent` executable as a subprocess, as a user or script would.
enum DescentProcess {
    /// The `descent` binary next to the test bundle in the build folder.
    static let executable: URL = {
        var url = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = url.appendingPathComponent("descent")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            url.deleteLastPathComponent()
        }
        // `swift test` on Linux runs the test bundle from the build products folder.
        let products = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug/descent")
        return products
    }()

    /// The result of one run.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Whether the process was ended by a signal (a crash or an abort) rather than exiting.
        var signalled = false
    }

    /// Runs `descent ARGUMENTS` with `environment` added to the current one, feeding no input.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and block the child.
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self),
                      signalled: process.terminationReason == .uncaughtSignal)
    }
}
