import Foundation
import Testing

/// The repository's `scenes/` folder.
private let scenesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scenes")

private let sceneFiles: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: scenesDirectory.path)) ?? []
    return names.filter { $0.hasSuffix(".toml") }.sorted()
}()

/// A scene file's lines, trimmed.
private func lines(_ file: String) throws -> [String] {
    try String(contentsOf: scenesDirectory.appendingPathComponent(file), encoding: .utf8)
        .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
}

/// The value of the first `key = value` line in `lines`, unquoted.
private func value(_ key: String, in lines: ArraySlice<String>) -> String? {
    lines.first { $0.hasPrefix(key + " = ") }.map { String($0.dropFirst(key.count + 3)) }.map { $0.hasPrefix("\"") ? String($0.dropFirst().dropLast()) : $0 }
}

/// The title, and the `position` (step or epoch) and text of the first `[[header]]` note, read from a scene file's lines.
private func titleAndFirstNote(_ file: String, header: String = "notes", position: String = "step") throws -> (title: String, at: Int, text: String) {
    let lines = try lines(file)
    let title = try #require(value("title", in: lines[...]))
    let notes = try #require(lines.firstIndex(of: "[[\(header)]]"))
    let at = try #require(value(position, in: lines[notes...]).flatMap { Int($0) })
    let text = try #require(value("text", in: lines[notes...]))
    return (title, at, text)
}

/// Scenes with a surface race ([[notes]] caption it) and scenes with a training race.
private let surfaceScenes = sceneFiles.filter { (try? lines($0).contains("[[optimizer]]")) == true }
private let trainingScenes = sceneFiles.filter { (try? lines($0).contains("[training]")) == true }

@Test func thereAreSceneFiles() {
    #expect(sceneFiles.count >= 10)
}

@Test func everySceneHasARace() {
    #expect(Set(surfaceScenes + trainingScenes) == Set(sceneFiles))
    #expect(trainingScenes.count >= 3)
}

@Test(arguments: surfaceScenes)
func renderSceneShowsTitleAndCaption(file: String) throws {
    let scene = try titleAndFirstNote(file)
    let path = scenesDirectory.appendingPathComponent(file).path
    let result = try DescentProcess.run(["render", "--scene", path, "--at", String(scene.at), "--color", "never",
                                         "--size", "100x30"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 30)
    #expect(lines.allSatisfy { $0.unicodeScalars.count == 100 })
    #expect(result.stdout.contains(String(scene.title.prefix(30))), "title of \(file)")
    #expect(result.stdout.contains(String(scene.text.prefix(25))), "first caption of \(file)")
    #expect(lines.last?.contains("step \(scene.at)/") == true)
}

/// The training view of every scene with a `[training]` table, at step 0: its title and first
/// training caption (at epoch 0), the epoch horizon in the status line.
@Test(arguments: trainingScenes)
func renderTheTrainingViewOfAScene(file: String) throws {
    let scene = try titleAndFirstNote(file, header: "training.notes", position: "epoch")
    let epochs = try #require(value("epochs", in: try lines(file)[...]))
    let path = scenesDirectory.appendingPathComponent(file).path
    let result = try DescentProcess.run(["render", "--scene", path, "--view", "training", "--at", "0", "--color", "never",
                                         "--size", "100x40"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 40 && lines.allSatisfy { $0.unicodeScalars.count == 100 })
    #expect(result.stdout.contains(String(scene.title.prefix(30))), "title of \(file)")
    #expect(scene.at == 0)
    #expect(result.stdout.contains(String(scene.text.prefix(25))), "first caption of \(file)")
    #expect(lines.last?.contains("epoch 0/\(epochs)") == true)
}

@Test func renderSceneAsPositionalTomlArgumentDefaultsToTheScenesLastStep() throws {
    let path = scenesDirectory.appendingPathComponent("long-valley.toml").path
    let result = try DescentProcess.run(["render", path, "--color", "never", "--size", "100x30"])
    #expect(result.status == 0, "\(result.stderr)")
    // long-valley.toml: steps = 200.
    #expect(result.stdout.contains("step 200/200"))
}

@Test(arguments: ["render", "play"])
func badSceneFailsWithDiagnosticsOnStderr(command: String) throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("descent-bad-scene-\(command)-\(UUID().uuidString).toml")
    try """
        title = "Bad"
        description = "An unknown optimizer."

        [surface]
        name = "beale"

        [run]
        start = [1, 1]
        steps = 10

        [[optimizer]]
        spec = "sgd(lr=0.1)"
        colour = "orange"
        """.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try DescentProcess.run([command, "--scene", file.path, "--color", "never"])
    #expect(result.status != 0)
    #expect(result.stdout.isEmpty)
    let lines = result.stderr.split(separator: "\n")
    #expect(!lines.isEmpty)
    #expect(lines.allSatisfy { $0.hasPrefix(file.path + ":") }, "\(result.stderr)")
    #expect(lines.contains { $0.hasPrefix(file.path + ":13:1: ") }, "\(result.stderr)")
}

@Test func sceneAndOptimizerSpecsTogetherAreRejected() throws {
    let path = scenesDirectory.appendingPathComponent("long-valley.toml").path
    let result = try DescentProcess.run(["render", "--scene", path, "sgd(lr=0.1)", "--color", "never"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("either --scene or optimizer specs"))
}

/// The cell buffer draws one scalar per cell, so a combining mark (m̂) would stand alone in a
/// cell of its own (a `?` in most terminals): scene text must use precomposed characters.
@Test(arguments: sceneFiles)
func sceneTextHasNoCombiningMarks(file: String) throws {
    let text = try String(contentsOf: scenesDirectory.appendingPathComponent(file), encoding: .utf8)
    let marks = text.unicodeScalars.filter { [.nonspacingMark, .enclosingMark].contains($0.properties.generalCategory) }
    #expect(marks.isEmpty, "\(file): \(marks.map { String($0.value, radix: 16) })")
}

@Test func renderingACloudSceneDrawsTheCloudScreen() throws {
    let path = scenesDirectory.appendingPathComponent("saddle-escape.toml").path
    let result = try DescentProcess.run(["render", path, "--color", "never", "--size", "120x40", "--at", "20"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("escaped fraction"))
    #expect(result.stdout.contains("Half escaped"))
    #expect(!result.stdout.contains("loss f(x)"))
}
