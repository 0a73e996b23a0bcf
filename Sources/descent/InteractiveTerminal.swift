import DescentRender
import DescentTUI
import Foundation

/// Starts the full-screen terminal for `command` (e.g. `descent play`), or fails with one clear
/// line that names what to use instead (`alternatives`) when stdin/stdout are not a TTY or
/// curses cannot start. The caller stops the terminal.
func startInteractiveTerminal(for command: String, alternatives: String,
                              environment: [String: String] = ProcessInfo.processInfo.environment,
                              colorDepthLimit: ColorDepth = .truecolor) throws -> NcursesTerminal {
    guard TerminalEnvironment.isInteractive else {
        throw CommandError("'\(command)' needs an interactive terminal (standard input and output are not both a TTY); "
                           + "for files and pipes use \(alternatives)")
    }
    let terminal = NcursesTerminal(environment: environment, colorDepthLimit: colorDepthLimit)
    do {
        try terminal.start()
    } catch TerminalError.cannotInitialize(let term) {
        throw CommandError("cannot start the terminal (TERM='\(term)'); try TERM=xterm-256color, or use \(alternatives)")
    } catch {
        throw CommandError("'\(command)' needs an interactive terminal; use \(alternatives)")
    }
    return terminal
}
