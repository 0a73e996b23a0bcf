#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The plugin processes still running, so that none outlives `descent`: an `atexit` handler
/// kills and reaps them however the program ends normally (the TUI's quit, an error exit).
/// A plugin whose parent is killed outright sees the end of its input and exits by protocol.
final class LivePlugins: @unchecked Sendable {
    static let shared = LivePlugins()
    private let lock = NSLock()
    private var pids: Set<pid_t> = []
    /// The environment for children, `KEY=VALUE` C strings built once from ours.
    let environment: UnsafePointer<UnsafeMutablePointer<CChar>?>

    private init() {
        let pairs = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") }
        let block = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: pairs.count + 1)
        for (i, p) in pairs.enumerated() { block[i] = p }
        block[pairs.count] = nil
        environment = UnsafePointer(block)
        atexit { LivePlugins.shared.killAll() }
    }

    func add(_ pid: pid_t) { lock.withLock { _ = pids.insert(pid) } }
    func remove(_ pid: pid_t) { lock.withLock { _ = pids.remove(pid) } }

    /// How many plugin processes are running (for tests and the exit check).
    var count: Int { lock.withLock { pids.count } }

    /// Kills and reaps every plugin still running.
    func killAll() {
        let running = lock.withLock { () -> Set<pid_t> in
            defer { pids = [] }
            return pids
        }
        for pid in running {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        }
    }
}
