import DescentCore

/// One problem found in a scene file, printed as `FILE:LINE:COLUMN: message` (the format
/// compilers use, so editors can jump to it). The message starts with the key path it is about
/// (`optimizer[2].spec: unknown optimizer 'adamm'; ...`) unless it is a TOML syntax error.
public struct SceneDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var position: SourcePosition
    public var message: String

    public init(file: String, position: SourcePosition, message: String) {
        self.file = file
        self.position = position
        self.message = message
    }

    /// `FILE:LINE:COLUMN: message`, with the file name and the message (which may quote the
    /// file's text) cleaned by ``Sanitizer``.
    public var description: String {
        "\(Sanitizer.clean(file)):\(position.line):\(position.column): \(Sanitizer.clean(message))"
    }
}

/// Every problem of a scene file that did not load, in file order.
public struct SceneLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var diagnostics: [SceneDiagnostic]
    /// Why the file as a whole could not be read (missing, a directory, too large); then there
    /// are no diagnostics.
    public var unreadable: String?

    public init(_ diagnostics: [SceneDiagnostic]) { self.diagnostics = diagnostics }

    /// A file that could not be read at all.
    public init(unreadable file: String, _ reason: String) {
        diagnostics = []
        unreadable = Sanitizer.clean(file) + ": " + Sanitizer.clean(reason)
    }

    /// `FILE: reason` for an unreadable file, else one diagnostic per line.
    public var description: String { unreadable ?? diagnostics.map(\.description).joined(separator: "\n") }
}
