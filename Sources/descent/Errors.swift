import DescentCore
import Foundation

/// Writes `descent: error: MESSAGE` to stderr.
func printError(_ message: String) {
    let text = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
    FileHandle.standardError.write(Data("descent: error: \(Sanitizer.clean(text))\n".utf8))
}

/// A command-line failure with a message for the user (exit status 1).
struct CommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }

    /// A spec error, prefixed by what was being parsed (quoted by ``Sanitizer/quoted(_:)``,
    /// so at most 60 characters) and the column it points at.
    init(_ error: SpecError, in option: String, text: String) {
        if let column = error.column {
            description = "\(option) \(Sanitizer.quoted(text)) (column \(column)): \(error.message)"
        } else {
            description = "\(option) \(Sanitizer.quoted(text)): \(error.message)"
        }
    }
}
