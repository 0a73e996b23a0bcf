import Foundation
import Testing

/// The flags and a scene file describe the same thing: both become a `Scene`, and the app
/// takes the scene whatever it came from.
private let sameRace = """
    title = "Same race"
    description = "Adam, momentum and noisy SGD on Rosenbrock's valley."

    [surface]
    name = "rosenbrock"

    [run]
    start = [-1.5, 2.0]
    steps = 120
    tolerance = 0.05
    layout = "LAYOUT"
    seed = 3
    schedule = "cosine(t_max=100)"

    [[optimizer]]
    spec = "adam(lr=0.05)"

    [[optimizer]]
    spec = "momentum(lr=0.0005)"

    [[optimizer]]
    spec = "noisy_sgd(lr=0.0005)"
    """

/// The surface race in overlay and grid layout, and the training view the same race trains
/// (the scene has no `[training]`, so its optimizers train the net of the flags).
@Test(arguments: [("overlay", "surface"), ("grid", "surface"), ("overlay", "training")])
func theSameRaceAsFlagsAndAsASceneFileRendersTheSameFrame(layout: String, view: String) throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("descent-same-\(getpid())-\(layout)-\(view).toml")
    try sameRace.replacingOccurrences(of: "LAYOUT", with: layout).write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let frame = ["render", "--size", "120x40", "--color", "truecolor", "--at", "60", "--view", view]
        + (view == "training" ? ["--dataset", "circles", "--net", "2-8-2", "--batch", "16"] : [])
    let flags = ["--title", "Same race", "--description", "Adam, momentum and noisy SGD on Rosenbrock's valley.", "--surface", "rosenbrock", "--start", "-1.5,2", "--steps", "120", "--tol", "0.05",
                 "--seed", "3", "--schedule", "cosine(t_max=100)", "adam(lr=0.05)", "momentum(lr=0.0005)", "noisy_sgd(lr=0.0005)"]
        + (layout == "grid" ? ["--grid"] : [])
    let fromFlags = try DescentProcess.run(frame + flags)
    let fromFile = try DescentProcess.run(frame + [file.path])
    #expect(fromFlags.status == 0, "\(fromFlags.stderr)")
    #expect(fromFile.status == 0, "\(fromFile.stderr)")
    #expect(fromFlags.stdout.contains("Same race"))
    #expect(fromFlags.stdout.contains("seed 3"), "a race with a random optimizer shows its seed, from flags too")
    if view == "training" { #expect(fromFlags.stdout.contains("noisy_sgd(lr=0.0005)") && fromFlags.stdout.contains("validation")) }
    #expect(fromFlags.stdout == fromFile.stdout)
}

@Test func stepsOnTheCommandLineOverrideAScenesSteps() throws {
    let scenes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenes")
    let scene = scenes.appendingPathComponent("long-valley.toml").path
    let render = try DescentProcess.run(["render", scene, "--steps", "7", "--color", "never", "--size", "120x40"])
    #expect(render.status == 0, "\(render.stderr)")
    #expect(render.stdout.contains("step 7/7"))

    let cast = FileManager.default.temporaryDirectory.appendingPathComponent("descent-steps-\(getpid()).cast")
    defer { try? FileManager.default.removeItem(at: cast) }
    let record = try DescentProcess.run(["record", scene, "--steps", "7", "--out", cast.path, "--color", "never",
                                         "--size", "120x40", "--fps", "5"])
    #expect(record.status == 0, "\(record.stderr)")
    // The scene plays 10 steps a second: 7 steps, then the final hold (the 200 steps of the
    // scene would take 20 s).
    let lines = try String(contentsOf: cast, encoding: .utf8).split(separator: "\n")
    let end = try #require(lines.last.flatMap { Double($0.dropFirst().prefix { $0 != "," }) })
    #expect(end < 5, "the recording ends at --steps (0.7 s of play and the 3 s final hold)")
    #expect(lines.contains { $0.contains("horizon reached") })

    let zero = try DescentProcess.run(["render", scene, "--steps", "0"])
    #expect(zero.status != 0)
    #expect(zero.stderr.contains("--steps"))
}
