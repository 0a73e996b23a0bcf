import DescentRender
import Foundation

/// Facts about the process's terminal that need no curses session.
public enum TerminalEnvironment {
    /// Whether both standard input and standard output are terminals (`isatty`), i.e. whether a
    /// full-screen session can run; the CLI refuses clearly when this is false.
    public static var isInteractive: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    /// Whether the locale selected by `environment` uses UTF-8, following POSIX precedence: the
    /// first non-empty of `LC_ALL`, `LC_CTYPE`, `LANG` decides (`C`/`POSIX` or unset → false).
    /// Matches `UTF-8` and `utf8` in any case.
    public static func isUTF8Locale(environment: [String: String]) -> Bool {
        let name = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let normalized = String(name.lowercased().filter { $0 != "-" })
        return normalized.contains("utf8")
    }

    /// The direct-colour terminfo entry to start ncurses on instead of `TERM`'s, or nil.
    ///
    /// Why: `xterm-256color`, `tmux-256color` and `screen-256color` describe palette terminals,
    /// so ncurses would send palette indices even where the terminal shows 24-bit colour —
    /// which `COLORTERM=truecolor` (or `24bit`) says it does. ncurses draws 24-bit colour only
    /// through a direct-colour description (`colors` = 2²⁴, `setaf` with RGB), so when COLORTERM
    /// says so (and `NO_COLOR` does not forbid colour) the session starts with `newterm` on the
    /// matching entry from Debian's `ncurses-term`: `tmux-direct` inside tmux (`TERM` tmux-… or,
    /// with `TMUX` set, screen-…), `xterm-direct` for xterm-…, `NAME-direct` for another
    /// `NAME-256color` — when that entry is installed (`exists`). Plain GNU screen (screen-… without
    /// `TMUX`) keeps its entry: it passes no 24-bit colour. The alternative, redefining palette
    /// entries with `init_extended_color`, needs `can_change_color` (false for these entries and
    /// tmux) and would have to restore the user's palette at exit, so it is not used. Keys the
    /// direct entry describes differently (tmux sends Home as `ESC [1~`) are decoded anyway: see
    /// ``NcursesTerminal``'s extra key sequences.
    public static func directColorTerminal(environment: [String: String],
                                           exists: (String) -> Bool = { terminfoExists($0, environment: ProcessInfo.processInfo.environment) }) -> String? {
        guard ColorDepth.detect(environment: environment, colorsReported: nil) == .truecolor else { return nil }
        let term = environment["TERM"] ?? ""
        guard !term.isEmpty, !term.contains("direct") else { return nil }
        let candidate: String
        if term.hasPrefix("tmux") || (term.hasPrefix("screen") && !(environment["TMUX"] ?? "").isEmpty) {
            candidate = "tmux-direct"
        } else if term.hasPrefix("xterm") {
            candidate = "xterm-direct"
        } else if term.hasSuffix("-256color"), !term.hasPrefix("screen") {
            candidate = String(term.dropLast("-256color".count)) + "-direct"
        } else {
            return nil
        }
        return exists(candidate) ? candidate : nil
    }

    /// Whether a compiled terminfo entry `name` is installed where ncurses looks: `TERMINFO`,
    /// `~/.terminfo`, the `TERMINFO_DIRS` list, /etc/terminfo, /lib/terminfo, /usr/share/terminfo
    /// and /usr/lib/terminfo, in a subfolder named by its first letter (or, on macOS, that
    /// letter's hex code).
    public static func terminfoExists(_ name: String, environment: [String: String]) -> Bool {
        guard let first = name.unicodeScalars.first, !name.contains("/") else { return false }
        var folders = [environment["TERMINFO"], environment["HOME"].map { $0 + "/.terminfo" }].compactMap { $0 }
        folders += (environment["TERMINFO_DIRS"] ?? "").split(separator: ":").map(String.init)
        folders += ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo"]
        let subfolders = [String(first), String(first.value, radix: 16)]
        return folders.contains { folder in
            subfolders.contains { FileManager.default.fileExists(atPath: "\(folder)/\($0)/\(name)") }
        }
    }
}
