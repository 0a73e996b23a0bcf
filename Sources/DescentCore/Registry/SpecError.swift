/// A problem with a spec string or a value in it: the message and, where known, the 1-based
/// column it points at.
public struct SpecError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var column: Int?

    public init(_ message: String, column: Int? = nil) {
        self.message = message
        self.column = column
    }

    public var description: String { message }
}
