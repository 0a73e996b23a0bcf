#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read: one line, such as `no such file`, `is a directory`, or
/// `larger than 1048576 bytes (the limit)`.
public struct FileReadError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// Reads whole files of bounded size: regular files, and also pipes and devices
/// (`<(command)`, `/dev/stdin`, `/dev/null` reads as empty), never more than the limit.
public enum BoundedFile {
    /// The bytes of the file at `path`, or an error when it is missing, a directory, unreadable
    /// or larger than `limit` bytes.
    public static func read(_ path: String, limit: Int) throws(FileReadError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw FileReadError(reason(errno)) }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0 {
            if (status.st_mode & S_IFMT) == S_IFDIR { throw FileReadError("is a directory, not a file") }
            if (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) > limit {
                throw FileReadError("the file has \(status.st_size) bytes; at most \(limit) (the limit)")
            }
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { readInto(descriptor, $0) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileReadError(reason(errno))
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            guard bytes.count <= limit else { throw FileReadError("the file has more than \(limit) bytes (the limit)") }
        }
    }

    /// `no such file`, `permission denied`, … for an errno value.
    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES: return "permission denied"
        case EISDIR: return "is a directory, not a file"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}

/// read(2) into `buffer` (a free function, so the name is the system's).
private func readInto(_ descriptor: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
    read(descriptor, buffer.baseAddress, buffer.count)
}
