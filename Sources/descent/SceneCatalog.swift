import DescentCore
import DescentScenes
import DescentTUI
import Foundation

/// The lesson list's entries and where they came from: the default race, then every scene file
/// of the lessons folder in teaching order (each scene's `order`, then file name; files without
/// an `order` last). A file that does not load is listed with its first `FILE:LINE:COLUMN` error.
enum SceneCatalog {
    static let defaultRace = Lesson(
        title: "The default race",
        description: "SGD, momentum, Nesterov, Adagrad, RMSprop and Adam on Beale's function from (1, 1.5).",
        path: nil)

    /// The lessons of `directory` (`--scenes`), or of the first folder of ``searchPath()`` that
    /// has scene files; the list's source line says which, or where it looked.
    static func list(directory: String?, registry: Registry, plugins: ScenePluginPolicy = .refused(flag: "--allow-plugins")) -> LessonList {
        let candidates = directory.map { [$0] } ?? searchPath()
        guard let found = candidates.first(where: { !sceneFiles(in: $0).isEmpty }) else {
            let looked = candidates.joined(separator: ", ")
            return LessonList(lessons: [defaultRace], source: "no lessons found (looked in \(looked)); --scenes DIR names a folder")
        }
        var lessons = lessons(in: found, registry: registry, plugins: plugins)
        // A scene that is the default race (with captions) takes the default race's place.
        let first = lessons.firstIndex { $0.isDefaultRace }.map { lessons.remove(at: $0).lesson } ?? defaultRace
        return LessonList(lessons: [first] + lessons.map { $0.lesson }, source: "lessons from \(found)")
    }

    /// Where lessons are looked for when `--scenes` is not given, first first: `scenes` in the
    /// working directory (a checkout), `share/descent/scenes` beside the executable's `bin`
    /// (an installed copy: `PREFIX/bin/descent` and `PREFIX/share/descent/scenes`), and the
    /// `scenes` folder of the source tree a SwiftPM build lives in (`.build/…/descent`).
    static func searchPath() -> [String] {
        var paths = ["scenes"]
        if let executable = Self.executablePath() {
            let bin = URL(fileURLWithPath: executable).deletingLastPathComponent()
            paths.append(bin.deletingLastPathComponent().appendingPathComponent("share/descent/scenes").path)
            var directory = bin
            for _ in 0..<3 {
                directory = directory.deletingLastPathComponent()
                if directory.lastPathComponent == ".build" {
                    paths.append(directory.deletingLastPathComponent().appendingPathComponent("scenes").path)
                    break
                }
            }
        }
        return paths
    }

    /// The running executable, symlinks resolved.
    private static func executablePath() -> String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
    }

    /// The `.toml` files of `directory`, sorted by name.
    static func sceneFiles(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.lowercased().hasSuffix(".toml") }.sorted()
    }

    /// The lessons of `directory` in teaching order, each saying whether its scene is the
    /// default race (``isDefaultRace(_:)``).
    static func lessons(in directory: String, registry: Registry,
                        plugins: ScenePluginPolicy = .refused(flag: "--allow-plugins")) -> [(lesson: Lesson, isDefaultRace: Bool)] {
        let entries = sceneFiles(in: directory).map { name -> (order: Int?, lesson: Lesson, isDefaultRace: Bool) in
            let path = (directory as NSString).appendingPathComponent(name)
            do throws(SceneLoadError) {
                // Validated, not tuned: a lesson tunes when it opens (its preview or Enter).
                let scene = try Scene.read(path: path, registry: registry, plugins: plugins)
                return (scene.order, Lesson(title: scene.title, description: scene.description, path: path), isDefaultRace(scene))
            } catch {
                return (nil, Lesson(title: name, description: "", path: path,
                                    problem: error.unreadable ?? error.diagnostics.first.map { "\($0)" } ?? "\(path): does not load"), false)
            }
        }
        // A stable sort: file-name order among equal orders.
        return entries.enumerated().sorted { a, b in
            (a.element.order ?? Int.max, a.offset) < (b.element.order ?? Int.max, b.offset)
        }.map { ($0.element.lesson, $0.element.isDefaultRace) }
    }

    /// Whether `scene` races what `descent play` with no arguments races (``RaceSetup/defaultSpecs``
    /// on the default surface from the default start): then the list shows it once, first, in
    /// place of the uncaptioned default race.
    static func isDefaultRace(_ scene: Scene) -> Bool {
        scene.surface?.spec == RaceSetup.defaultSurface && scene.start == RaceSetup.defaultStart && scene.tune == nil
            && scene.optimizers.map(\.spec) == RaceSetup.defaultSpecs && scene.optimizers.allSatisfy { $0.start == nil }
            && scene.schedule == nil && scene.noise == nil && scene.data == nil && scene.cloud == nil
    }
}
