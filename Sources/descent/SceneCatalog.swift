import DescentScenes
import DescentTUI
import Foundation

/// The lesson list's entries: the default race, then every scene file in a folder, sorted by file
/// name. A file that does not load is listed with its first `FILE:LINE:COLUMN` error.
enum SceneCatalog {
    static let defaultRace = Lesson(
        title: "The default race",
        description: "SGD, momentum, Nesterov, Adagrad, RMSprop and Adam on Beale's function from (1, 1.5).",
        path: nil)

    static func lessons(in directory: String) -> [Lesson] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let scenes = names.filter { $0.lowercased().hasSuffix(".toml") }.sorted().map { name -> Lesson in
            let path = (directory as NSString).appendingPathComponent(name)
            do throws(SceneLoadError) {
                let scene = try Scene.load(path: path)
                return Lesson(title: scene.title, description: scene.description, path: path)
            } catch {
                let diagnostics = error.diagnostics.map { "\($0)" }
                return Lesson(title: name, description: "", path: path,
                              problem: diagnostics.first ?? "\(path): does not load")
            }
        }
        return [defaultRace] + scenes
    }
}
