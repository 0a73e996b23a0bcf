import Foundation

/// Standard output written in blocks as it is produced, so a long output (a 10-million-step
/// trace) starts at once and needs memory for one block only. ``flush()`` after a line that
/// should appear immediately (a training evaluation).
struct StreamedOutput {
    private var buffer: [UInt8] = []
    private static let blockSize = 1 << 16

    init() { buffer.reserveCapacity(Self.blockSize + 256) }

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.blockSize { flush() }
    }

    /// `text` and a line break.
    mutating func line(_ text: String) {
        write(text)
        write("\n")
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }  // a closed pipe: nothing more can be written
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
