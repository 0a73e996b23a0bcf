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

    /// `FILE:LINE:COLUMN: message`.
    public var description: String { "\(file):\(position.line):\(position.column): \(message)" }
}

/// Every problem of a scene file that did not load, in file order.
public struct SceneLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var diagnostics: [SceneDiagnostic]

    public init(_ diagnostics: [SceneDiagnostic]) { self.diagnostics = diagnostics }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
