#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
}
