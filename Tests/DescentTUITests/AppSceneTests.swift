import DescentCore
import DescentRender
import DescentScenes
import Foundation
import Testing
@testable import DescentTUI

/// The scene files of the repository (`scenes/`).
private let scenesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scenes")

private func sceneState(_ name: String, width: Int = 200, height: Int = 50) throws -> SurfaceState {
    let scene = try Scene.load(path: scenesDirectory.appendingPathComponent(name).path, registry: .builtin)
    return SurfaceState(setup: try #require(try RaceSetup(scene: scene, registry: .builtin)), width: width, height: height)
}

private func frameText(_ state: SurfaceState) -> String { FrameComposer(glyphs: .unicode).compose(state).text() }

/// Plays `state` in ticks of a tenth of a second until playback stops (at most `limit` ticks).
private func playUntilStopped(_ state: inout SurfaceState, limit: Int = 10_000) {
    _ = state.apply(.togglePlay)
    for _ in 0..<limit where state.isPlaying { _ = state.tick(seconds: 0.1) }
}

@Test func sceneSetupCarriesLabelsNotesSpeedViewAndHorizon() throws {
    let state = try sceneState("long-valley.toml")
    let setup = state.setup
    #expect(state.lanes.map(\.label) == ["SGD", "momentum", "RMSprop", "Adam"])
    #expect(state.lanes.map(\.spec) == ["sgd(lr=0.045)", "sgd(lr=0.02, momentum=0.9)", "rmsprop(lr=0.05)", "adam(lr=0.3)"])
    #expect(state.lanes.map(\.color) == (0..<4).map { Palette.trails[$0] })
    #expect(setup.title == "The long valley")
    #expect(setup.notes.map(\.step) == [0, 8, 20, 70, 140])
    #expect(setup.notes.map(\.pause) == [false, true, true, false, false])
    #expect(state.stepsPerSecond == 10)
    #expect(state.horizon == 200)
    #expect(setup.tolerance == 0.01)
    #expect(setup.view == ViewBox(x: -5...5, y: -2...2))
    #expect(state.lanes.allSatisfy { $0.run.point(0) == [-4.5, 1.5] })
    #expect(setup.seed == nil)
    #expect(!frameText(state).contains("seed"))
}

@Test func sceneColoursStartsAndLabelsPerOptimizer() throws {
    let text = """
        title = "Two starts"
        description = "Colours and starts per optimizer."

        [surface]
        name = "booth"

        [run]
        start = [1, 1]
        steps = 10
        speed = 40

        [[optimizer]]
        spec = "sgd(lr=0.1)"
        label = "plain"
        color = "vermillion"

        [[optimizer]]
        spec = "adam(lr=0.1)"
        color = "#102030"
        start = [-2, 0.5]

        [[optimizer]]
        spec = "momentum(lr=0.1)"
        """
    let scene = try Scene.parse(text, file: "inline.toml", registry: .builtin)
    let state = SurfaceState(setup: try #require(try RaceSetup(scene: scene, registry: .builtin)), width: 200, height: 50)
    #expect(state.lanes.map(\.label) == ["plain", "adam(lr=0.1)", "momentum(lr=0.1)"])
    #expect(state.lanes[0].color == .rgb(213, 94, 0))
    #expect(state.lanes[1].color == .rgb(0x10, 0x20, 0x30))
    #expect(state.lanes[2].color == Palette.trails[2])
    #expect(state.lanes[0].run.point(0) == [1, 1])
    #expect(state.lanes[1].run.point(0) == [-2, 0.5])
    // 40 steps/s is between 30 and 50 on the ladder; 50/40 < 40/30.
    #expect(state.stepsPerSecond == 50)
    let frame = frameText(state)
    #expect(frame.contains("1 plain"))
    #expect(frame.contains("2 adam(lr=0.1)"))
    // Reset returns each lane to its own start.
    var moved = state
    moved.mouse(x: 10, y: 10, button: .left)
    _ = moved.apply(.reset)
    #expect(moved.lanes[1].run.point(0) == [-2, 0.5])
    #expect(moved.lanes[0].run.point(0) == [1, 1])
}

@Test func captionOfTheLatestNoteIsShownAtTheShownStep() throws {
    var state = try sceneState("long-valley.toml")
    let notes = state.setup.notes
    state.seek(toStep: 7)
    var text = frameText(state)
    #expect(text.contains("The long valley"))
    #expect(!text.contains(notes[1].text))
    state.seek(toStep: 8)
    text = frameText(state)
    #expect(text.contains(notes[1].text))
    state.seek(toStep: 19)
    #expect(frameText(state).contains(notes[1].text))
    state.seek(toStep: 20)
    text = frameText(state)
    #expect(text.contains(notes[2].text))
    #expect(!text.contains(notes[1].text))
}

@Test func descriptionIsTheCaptionBeforeTheFirstNote() throws {
    let scene = try Scene.load(path: scenesDirectory.appendingPathComponent("long-valley.toml").path, registry: .builtin)
    var setup = try #require(try RaceSetup(scene: scene, registry: .builtin))
    setup.notes.removeAll { $0.step == 0 }
    let state = SurfaceState(setup: setup, width: 200, height: 50)
    #expect(state.caption == nil)
    #expect(frameText(state).contains(String(scene.description.prefix(40))))
}

@Test func pauseNotesStopPlaybackAtTheirStepsOncePerPass() throws {
    var state = try sceneState("long-valley.toml")
    playUntilStopped(&state)
    #expect(state.step == 8)
    #expect(!state.isPlaying)
    playUntilStopped(&state)
    #expect(state.step == 20)
    playUntilStopped(&state)
    #expect(state.step == 200)  // the notes at 70 and 140 do not pause
    // A new pass from the start pauses at the first note again.
    _ = state.apply(.jumpToStart)
    playUntilStopped(&state)
    #expect(state.step == 8)
}

@Test func fastPlaybackStillStopsAtAPauseNote() throws {
    var state = try sceneState("long-valley.toml")
    for _ in 0..<8 { _ = state.apply(.faster) }
    playUntilStopped(&state)
    #expect(state.step == 8)
}

@Test func randomScenesShowTheirSeed() throws {
    for (name, seed) in [("noisy-saddle.toml", 7), ("minibatch-noise.toml", 5)] {
        let state = try sceneState(name)
        let status = FrameComposer(glyphs: .unicode).compose(state).line(state.height - 1)
        #expect(status.contains("seed \(seed)"), "\(name): \(status)")
    }
}

@Test func lanesUseTheScenesOwnOraclesAndSchedules() throws {
    let scene = try Scene.load(path: scenesDirectory.appendingPathComponent("minibatch-noise.toml").path, registry: .builtin)
    var state = SurfaceState(setup: try #require(try RaceSetup(scene: scene, registry: .builtin)), width: 200, height: 50)
    state.seek(toStep: 30)
    var reference = try scene.makeRuns(registry: .builtin)
    for k in reference.indices {
        reference[k].advance(toStep: 31)
        #expect(state.lanes[k].run.point(30) == reference[k].point(30), "\(scene.optimizers[k].label)")
    }
    // The minibatch lane does not follow the surface's exact gradient.
    var exact = Run(label: "", spec: "", optimizer: try scene.makeOptimizer(0, registry: .builtin), schedule: try scene.makeSchedule(0, registry: .builtin),
                    oracle: try #require(scene.surface).surface.oracle, start: scene.start(0), recordsState: false)
    exact.advance(toStep: 30)
    #expect(state.lanes[0].run.point(30) != exact.point(30))
}

@Test func resettingAMinibatchSceneReplaysTheSameBatches() throws {
    var state = try sceneState("minibatch-noise.toml")
    state.seek(toStep: 30)
    let before = state.lanes.map { $0.run.points }
    _ = state.apply(.reset)
    state.seek(toStep: 30)
    #expect(state.lanes.map { $0.run.points } == before)
}

/// `a` in a scene adds an optimizer that sees what the scene's own see: typed as the first
/// optimizer's spec (after the editor's prefill), it follows that optimizer's trail exactly —
/// the same minibatches in a `[data]` scene, the same `[noise]` in a noisy one.
@Test(arguments: [("minibatch-noise.toml", "sgd(lr=0.1)", ""), ("schedules.toml", "sgd(lr=0.05)", "noise(sigma=2.0) | ")])
func anAddedOptimizerSeesTheScenesGradients(file: String, spec: String, prefill: String) throws {
    var state = try sceneState(file)
    state.seek(toStep: 40)
    _ = state.apply(.addOptimizer)
    #expect(state.editor?.text == prefill)
    for c in spec { _ = state.apply(.editorInsert(c)) }
    _ = state.apply(.editorSubmit)
    #expect(state.editor == nil)
    let added = try #require(state.lanes.last).run, first = state.lanes[0].run
    #expect(added.count == first.count)
    #expect((0..<added.count).allSatisfy { added.point($0) == first.point($0) })
}

/// A race scene may be longer than steps × runs would fit kept step by step (only a cloud is
/// bounded by `Limits.recordedPoints`): 16 optimizers × 10,000,000 steps load, and playing past
/// the live window keeps at most 2·window + 1 entries per run.
@Test func aLongRaceSceneLoadsAndKeepsABoundedHistory() throws {
    let optimizers = String(repeating: "[[optimizer]]\nspec = \"sgd(lr=0.01)\"\n", count: Limits.optimizers.upperBound)
    let text = "title = \"long\"\ndescription = \"d\"\n[surface]\nname = \"quadratic\"\n[run]\nstart = [1, 1]\n"
        + "steps = \(Limits.steps.upperBound)\n" + optimizers
    let scene = try Scene.parse(text, file: "long.toml", registry: .builtin)
    var state = SurfaceState(setup: try #require(try RaceSetup(scene: scene, registry: .builtin)), width: 120, height: 40)
    #expect(state.horizon == Limits.steps.upperBound)
    let step = 2 * Limits.liveHistoryWindow + 500
    state.seek(toStep: step)
    #expect(state.lanes.allSatisfy { $0.run.steps >= step && $0.run.count <= 2 * Limits.liveHistoryWindow + 1 })
}

/// In a `[data]` scene every run records the full-data loss f(x) at its points (what the legend
/// and the loss chart call f(x)), while its gradients stay the minibatch ones it steps on; so do
/// the scene's own runs outside the app.
@Test func dataScenesRecordTheFullDataLoss() throws {
    var state = try sceneState("minibatch-noise.toml")
    state.seek(toStep: 20)
    let scene = try Scene.load(path: scenesDirectory.appendingPathComponent("minibatch-noise.toml").path, registry: .builtin)
    let objective = try #require(scene.data).objective
    var runs = try scene.makeRuns(registry: .builtin)
    for k in runs.indices { runs[k].advance(toStep: 20) }
    for run in state.lanes.map(\.run) + runs {
        #expect((0...20).allSatisfy { run.losses[$0] == objective.value(at: run.point($0)) }, "\(run.label)")
    }
    // The minibatch lane's gradients are not the full gradient.
    let minibatch = state.lanes[0].run
    #expect((1...20).contains { minibatch.gradient($0) != objective.gradient(at: minibatch.point($0)) })
}
