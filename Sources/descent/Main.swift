import ArgumentParser
import Foundation

/// Entry point: parses the command line and turns every failure into one clear message on
/// stderr and a non-zero exit status (help and version requests exit normally).
@main
enum Main {
    static func main() {
        restartWithQuietBacktraces()
        do {
            var command = try Descent.parseAsRoot()
            try command.run()
        } catch {
            if Descent.exitCode(for: error) == .success || error is CleanExit {
                Descent.exit(withError: error)
            }
            if let diagnostics = error as? SceneDiagnostics {
                FileHandle.standardError.write(Data(diagnostics.lines.map { "\($0)\n" }.joined().utf8))
                Descent.exit(withError: ExitCode(1))
            }
            // A bare ExitCode (e.g. after diagnostics were printed) has no message to add.
            let message = Descent.message(for: error)
            if !message.isEmpty { printError(message) }
            let status = Descent.exitCode(for: error).rawValue
            Descent.exit(withError: ExitCode(status == 0 ? 1 : status))
        }
    }

    /// The Swift runtime's crash backtracer reads `SWIFT_BACKTRACE` once, at start-up, and on a
    /// terminal it is interactive by default: after a crash it holds the screen for 30 s waiting
    /// for a key. A full-screen program should print its report and exit, so unless the user set
    /// `SWIFT_BACKTRACE` (any value), descent restarts itself once, before anything else, with
    /// `interactive=no`. (The terminal itself is restored before the report: see the TUI's
    /// signal trap.) If the restart fails, it carries on as it is.
    private static func restartWithQuietBacktraces() {
        #if os(Linux)
        guard getenv("SWIFT_BACKTRACE") == nil,
              let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return }
        setenv("SWIFT_BACKTRACE", "interactive=no", 1)
        execv(executable, CommandLine.unsafeArgv)
        #endif
    }
}
