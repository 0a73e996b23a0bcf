import DescentCore
import Foundation
import TOMLKit

extension Scene {
    /// Reads and validates the scene file at `path`, then runs its `tune` (``tuned(registry:)``):
    /// the scene as it plays. Throws every problem found, as `FILE:LINE:COLUMN: message`
    /// diagnostics with `FILE` = `path`, or a file that cannot be read (missing, a directory,
    /// larger than ``Limits/sceneFileBytes``) as an unreadable error.
    /// `plugins` says whether the scene's `[[plugin]]` programs may start (by default not).
    public static func load(path: String, registry: Registry, plugins: ScenePluginPolicy = .refused(flag: "--allow-plugins")) throws(SceneLoadError) -> Scene {
        let scene = try read(path: path, registry: registry, plugins: plugins)
        do throws(SpecError) {
            return try scene.tuned(registry: registry)
        } catch {
            throw SceneLoadError([SceneDiagnostic(file: path, position: .start, message: "tune: \(error.message)")])
        }
    }

    /// Reads and validates the scene file at `path` as ``load(path:registry:plugins:)`` does,
    /// without running its `tune`: enough for what a list of lessons shows (title, description,
    /// order), at a fraction of the cost of a scene that tunes.
    public static func read(path: String, registry: Registry, plugins: ScenePluginPolicy = .refused(flag: "--allow-plugins")) throws(SceneLoadError) -> Scene {
        let bytes: [UInt8]
        do {
            bytes = try BoundedFile.read(path, limit: Limits.sceneFileBytes)
        } catch {
            throw SceneLoadError(unreadable: path, error.message)
        }
        return try parse(bytes: bytes, file: path, registry: registry, plugins: plugins)
    }

    /// Validates the bytes of a scene file: they must be UTF-8 text without NUL characters. Its
    /// `tune` is checked, not run (``load(path:registry:plugins:)`` runs it).
    public static func parse(bytes: [UInt8], file: String, registry: Registry,
                             plugins: ScenePluginPolicy = .refused(flag: "--allow-plugins")) throws(SceneLoadError) -> Scene {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var text = String.UnicodeScalarView()
        var position = SourcePosition.start
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                text.append(scalar)
                if scalar == "\n" { position = SourcePosition(line: position.line + 1, column: 1) } else { position.column += 1 }
            case .emptyInput:
                return try parse(String(text), file: file, registry: registry, plugins: plugins)
            case .error:
                throw SceneLoadError([SceneDiagnostic(file: file, position: position, message: "not UTF-8 text: a scene file must be UTF-8")])
            }
        }
    }

    /// Validates the text of a scene file named `file` (the name only labels the diagnostics).
    public static func parse(_ text: String, file: String, registry: Registry,
                             plugins: ScenePluginPolicy = .refused(flag: "--allow-plugins")) throws(SceneLoadError) -> Scene {
        guard text.utf8.count <= Limits.sceneFileBytes else {
            throw SceneLoadError(unreadable: file, "the file has \(text.utf8.count) bytes; a scene file may have at most \(Limits.sceneFileBytes) (the limit)")
        }
        let table = try tomlTable(text, file: file)
        var validator = SceneValidator(reader: SceneReader(file: file, index: SourceIndex(text)), registry: registry, plugins: plugins)
        let scene = validator.scene(from: table)
        let diagnostics = validator.reader.diagnostics
        guard let scene, diagnostics.isEmpty else {
            throw SceneLoadError(sorted(diagnostics))
        }
        return scene
    }

    /// The TOML document of `text` (a scene or rule file named `file`), checked by ``TOMLGuard``
    /// first; a syntax error is one diagnostic at its position.
    static func tomlTable(_ text: String, file: String) throws(SceneLoadError) -> TOMLTable {
        do {
            try TOMLGuard.check(text)
        } catch {
            throw SceneLoadError([SceneDiagnostic(file: file, position: error.position,
                                                  message: error.isSyntax ? "TOML syntax: \(error.message)" : error.message)])
        }
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let begin = error.source.begin
            let position = SourcePosition(line: max(begin.line, 1), column: max(begin.column, 1))
            throw SceneLoadError([SceneDiagnostic(file: file, position: position, message: "TOML syntax: \(error.description)")])
        } catch {
            throw SceneLoadError([SceneDiagnostic(file: file, position: .start, message: "TOML syntax: \(error)")])
        }
    }

    /// The diagnostics in file order (stable for equal positions).
    private static func sorted(_ diagnostics: [SceneDiagnostic]) -> [SceneDiagnostic] {
        diagnostics.enumerated().sorted { a, b in
            a.element.position != b.element.position ? a.element.position < b.element.position : a.offset < b.offset
        }.map(\.element)
    }
}
