import ArgumentParser
import Foundation

/// Entry point: parses the command line and turns every failure into one clear message on
/// stderr and a non-zero exit status (help and version requests exit normally).
@main
enum Main {
    static func main() {
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
}
