import DescentScenes
import DescentTUI
import Foundation

/// The picker's entries: the default race, then every valid scene file in a folder, sorted by file
/// name (invalid files are left out: `descent check` reports them).
enum SceneCatalog {
    static let defaultRace = PickerEntry(
        title: "The default race",
        description: "SGD, momentum, Nesterov, Adagrad, RMSprop and Adam on Beale's function from (1, 1.5).",
        path: nil)

    static func entries(in directory: String) -> [PickerEntry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let scenes = names.filter { $0.lowercased().hasSuffix(".toml") }.sorted().compactMap { name -> PickerEntry? in
            let path = (directory as NSString).appendingPathComponent(name)
            guard let scene = try? Scene.load(path: path) else { return nil }
            return PickerEntry(title: scene.title, description: scene.description, path: path)
        }
        return [defaultRace] + scenes
    }
}
