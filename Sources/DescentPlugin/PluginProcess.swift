#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CPluginSpawn
import DescentCore

/// One plugin program running as a child process, spoken to in lines: its standard input and
/// output are pipes, its standard error is kept (the last 4 KiB) so a fault can quote its last
/// line. Started with `posix_spawnp` from an argv — never through a shell.
///
/// Every wait is bounded by `timeout` seconds per message. On any fault (exit, crash, timeout,
/// an over-long line) and when the value goes away, the process is killed and reaped, so no
/// zombie is left; ``LivePlugins`` kills whatever is still running when `descent` exits.
final class PluginProcess {
    let command: [String]
    let timeout: Double
    private var pid: pid_t
    private var input: Int32
    private var output: Int32
    private var errors: Int32
    private var pending: [UInt8] = []
    private var errorTail: [UInt8] = []
    /// Whether the process has answered yet: its first answer may take ``startupGrace`` seconds
    /// more than the timeout (an interpreter importing torch takes seconds to start).
    private var hasAnswered = false
    static let startupGrace = 30.0
    private static let errorTailBytes = 4096

    /// Starts `command` (argv; `command[0]` is looked up in PATH) in `directory` (nil: ours).
    init(command: [String], timeout: Double, directory: String? = nil) throws(PluginFault) {
        precondition(!command.isEmpty, "a plugin command has a program")
        self.command = command
        self.timeout = timeout
        // The input is a socket pair, not a pipe, so that writing to a plugin that has gone
        // gives EPIPE (MSG_NOSIGNAL) instead of a SIGPIPE that would end descent.
        var toChild: [Int32] = [-1, -1], fromChild: [Int32] = [-1, -1], errChild: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Self.streamSocket, 0, &toChild) == 0 else { throw PluginFault("could not make a socket pair: \(Self.errnoText())") }
        for fd in toChild { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        guard descent_pipe_cloexec(&fromChild) == 0 else {
            close(toChild[0]); close(toChild[1])
            throw PluginFault("could not make a pipe: \(Self.errnoText())")
        }
        guard descent_pipe_cloexec(&errChild) == 0 else {
            for fd in toChild + fromChild { close(fd) }
            throw PluginFault("could not make a pipe: \(Self.errnoText())")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errChild[1], 2)
        if let directory {
            let status = descent_spawn_addchdir(&actions, directory)
            if status != 0 {
                for fd in toChild + fromChild + errChild { close(fd) }
                throw PluginFault("could not run the plugin in \(Sanitizer.quoted(directory)): \(String(cString: strerror(status)))")
            }
        }
        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var child: pid_t = 0
        let status = posix_spawnp(&child, command[0], &actions, nil, argv, Self.environment())
        close(toChild[0]); close(fromChild[1]); close(errChild[1])
        guard status == 0 else {
            close(toChild[1]); close(fromChild[0]); close(errChild[0])
            throw PluginFault("could not start \(Sanitizer.quoted(command[0])): \(String(cString: strerror(status)))")
        }
        pid = child
        input = toChild[1]
        output = fromChild[0]
        errors = errChild[0]
        LivePlugins.shared.add(child)
    }

    deinit { stop() }

    /// Whether the process is still ours to talk to.
    var isRunning: Bool { pid > 0 }

    /// Writes `line` and a newline to the plugin's standard input.
    func send(_ line: String) throws(PluginFault) {
        guard isRunning else { throw PluginFault("the plugin is not running") }
        var bytes = Array(line.utf8)
        bytes.append(10)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.send(input, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if written < 0 {
                if errno == EINTR { continue }
                throw exitFault(whileDoing: "reading its input")
            }
            offset += written
        }
    }

    /// The next line the plugin writes (without the newline), waiting at most `timeout` seconds.
    /// (the first answer: ``startupGrace`` more). A longer wait, an exit, or a line over ``Limits/pluginLineBytes`` kills the process and
    /// throws why.
    func receiveLine() throws(PluginFault) -> [UInt8] {
        guard isRunning else { throw PluginFault("the plugin is not running") }
        let deadline = Self.now() + timeout + (hasAnswered ? 0 : Self.startupGrace)
        while true {
            if let newline = pending.firstIndex(of: 10) {
                hasAnswered = true
                let line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                return line
            }
            if pending.count > Limits.pluginLineBytes {
                stop()
                throw PluginFault("the plugin sent a line longer than \(Limits.pluginLineBytes) bytes (the limit)")
            }
            let left = deadline - Self.now()
            if left <= 0 {
                stop()
                let limit = formatNumber(timeout) + (hasAnswered ? "" : " + \(formatNumber(Self.startupGrace))")
                throw PluginFault("the plugin did not answer within \(limit) s (--plugin-timeout)")
            }
            var fds = [pollfd(fd: output, events: Int16(POLLIN), revents: 0), pollfd(fd: errors, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, errors >= 0 ? 2 : 1, Int32(min(left * 1000, 60_000).rounded(.up)))
            if ready < 0 {
                if errno == EINTR { continue }
                stop()
                throw PluginFault("could not wait for the plugin: \(Self.errnoText())")
            }
            if errors >= 0, fds[1].revents != 0 { drainErrors() }
            if fds[0].revents != 0 {
                var chunk = [UInt8](repeating: 0, count: 65536)
                let n = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress!, $0.count) }
                if n > 0 {
                    pending.append(contentsOf: chunk[..<n])
                } else if n == 0 || errno != EINTR {
                    throw exitFault(whileDoing: "answering")
                }
            }
        }
    }

    /// Reads what standard error has now, keeping the last ``errorTailBytes``; closes it at its end.
    private func drainErrors() {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let n = chunk.withUnsafeMutableBytes { read(errors, $0.baseAddress!, $0.count) }
        if n > 0 {
            errorTail.append(contentsOf: chunk[..<n])
            if errorTail.count > Self.errorTailBytes { errorTail.removeFirst(errorTail.count - Self.errorTailBytes) }
        } else if n == 0 || errno != EINTR {
            close(errors)
            errors = -1
        }
    }

    /// The process ended (or closed its output): waits for it (briefly), reads the rest of its
    /// standard error, and says how it ended with the last line it wrote there.
    private func exitFault(whileDoing what: String) -> PluginFault {
        let deadline = Self.now() + min(timeout, 1)
        while errors >= 0, Self.now() < deadline {
            var fd = pollfd(fd: errors, events: Int16(POLLIN), revents: 0)
            if poll(&fd, 1, 50) > 0 { drainErrors() }
        }
        let status = stop(grace: 1)
        var reason: String
        switch status {
        case .exited(let code): reason = "plugin exited with status \(code)"
        case .signalled(let signal): reason = "plugin was killed by signal \(signal) (\(String(cString: strsignal(signal))))"
        case nil: reason = "plugin closed its output while \(what)"
        }
        if let last = lastErrorLine { reason += ": " + last }
        return PluginFault(reason)
    }

    /// The last non-empty line of standard error, cleaned and cut to 200 characters.
    var lastErrorLine: String? {
        let text = String(decoding: errorTail, as: UTF8.self)
        guard let line = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).last(where: { !$0.allSatisfy { $0 == " " } }) else { return nil }
        return Sanitizer.clean(String(line), maxLength: 200)
    }

    enum Ending { case exited(Int32), signalled(Int32) }

    /// Closes the input (a plugin exits at the end of its input), waits up to `grace` seconds,
    /// then kills the process; always reaps it. Returns how it ended (nil when already reaped).
    @discardableResult
    func stop(grace: Double = 0.2) -> Ending? {
        guard pid > 0 else { return nil }
        close(input)
        let deadline = Self.now() + grace
        var status: Int32 = 0
        var reaped = waitpid(pid, &status, WNOHANG)
        while reaped == 0, Self.now() < deadline {
            usleep(2000)
            reaped = waitpid(pid, &status, WNOHANG)
        }
        var killed = false
        if reaped == 0 {
            kill(pid, SIGKILL)
            killed = true
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        }
        LivePlugins.shared.remove(pid)
        pid = 0
        close(output)
        if errors >= 0 { close(errors); errors = -1 }
        if killed { return nil }
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    #if canImport(Glibc)
    private static let streamSocket = Int32(SOCK_STREAM.rawValue)
    #else
    private static let streamSocket = SOCK_STREAM
    #endif

    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }

    /// This process's environment, for the child (as `KEY=VALUE` C strings; leaked on purpose:
    /// built once).
    private static func environment() -> UnsafePointer<UnsafeMutablePointer<CChar>?> { LivePlugins.shared.environment }
}
