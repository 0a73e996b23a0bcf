import DescentCore
import DescentRender
import Testing
@testable import DescentTUI

/// A small race for app tests: the default six optimizers on Beale from (1, 1.5).
enum AppFixture {
    static func setup(specs: [String] = RaceSetup.defaultSpecs, surface: String = "beale", start: [Double] = [1, 1.5],
                      steps: Int = 200) throws -> RaceSetup {
        let registry = Registry.builtin
        let entries = try specs.map { spec in
            let configured = try registry.optimizer(spec)
            return RaceSetup.Entry(spec: configured.spec, optimizer: configured.optimizer)
        }
        return RaceSetup(surface: try registry.surface(surface), start: start, entries: entries, steps: steps, tolerance: 0.01,
                         registry: registry)
    }

    static func state(width: Int = 120, height: Int = 40, specs: [String] = RaceSetup.defaultSpecs) throws -> SurfaceState {
        SurfaceState(setup: try setup(specs: specs), width: width, height: height)
    }

    /// `state` after `key` (which must be bound on the surface), pressed in an app showing it as
    /// a lesson opened directly (no lesson list), and the commands for the loop.
    static func press(_ key: Key, on state: SurfaceState) throws -> (SurfaceState, [Command]) {
        #expect(Keymap.action(for: key, in: .surface) != nil, "\(key) is not bound on the surface")
        var model = AppModel(lesson: LessonContent(race: state.setup, training: nil), width: state.width, height: state.height)
        model.lesson?.surface = state
        let commands = model.receive(.key(key))
        return (try #require(model.lesson?.surface), commands)
    }
}

@Test func everyMappingResolvesThroughTheTable() {
    for context in KeyContext.allCases {
        for binding in Keymap.bindings(in: context) {
            for mapping in binding.mappings {
                #expect(Keymap.action(for: mapping.key, in: context) == mapping.action, "\(mapping.key) in \(context)")
            }
        }
    }
}

@Test func keysAreBoundOnlyOnceInEachContext() {
    for context in KeyContext.allCases {
        let keys = Keymap.bindings(in: context).flatMap { $0.mappings.map(\.key) }
        #expect(Set(keys).count == keys.count, "\(context)")
    }
}

/// Each key of the table with what it must do to a state at step 5 (paused, cursor hidden).
private typealias KeyEffect = @Sendable (_ before: SurfaceState, _ after: SurfaceState, _ commands: [Command]) -> Bool

private let keyEffects: [(Key, KeyEffect)] = {
    var effects: [(Key, KeyEffect)] = []
    func add(_ key: Key, _ effect: @escaping KeyEffect) { effects.append((key, effect)) }
    add(.character(" "), { _, s, c in s.isPlaying && c == [.tick(after: PlaybackSpeed.tickInterval(stepsPerSecond: 30))] })
    add(.character("."), { b, s, _ in s.step == b.step + 1 && !s.isPlaying })
    add(.right, { b, s, _ in s.step == b.step + 1 })
    add(.character(","), { b, s, _ in s.step == b.step - 1 })
    add(.left, { b, s, _ in s.step == b.step - 1 })
    add(.character("g"), { _, s, _ in s.step == 0 })
    add(.home, { _, s, _ in s.step == 0 })
    add(.character("G"), { b, s, _ in s.step == b.horizon })
    add(.end, { b, s, _ in s.step == b.horizon })
    add(.character("+"), { b, s, _ in s.stepsPerSecond > b.stepsPerSecond })
    add(.character("="), { b, s, _ in s.stepsPerSecond > b.stepsPerSecond })
    add(.character("-"), { b, s, _ in s.stepsPerSecond < b.stepsPerSecond })
    add(.character("_"), { b, s, _ in s.stepsPerSecond < b.stepsPerSecond })
    add(.character("r"), { _, s, _ in s.step == 0 && s.start == [1, 1.5] && !s.isPlaying })
    add(.character("h"), { _, s, _ in s.cursor != nil })
    add(.character("j"), { _, s, _ in s.cursor != nil })
    add(.character("k"), { _, s, _ in s.cursor != nil })
    add(.character("l"), { _, s, _ in s.cursor != nil })
    add(.enter, { b, s, _ in s.step == b.step && s.start == b.start })  // no cursor: nothing to start from
    add(.escape, { _, s, _ in s.cursor == nil && !s.showsHelp })
    add(.character("z"), { b, s, _ in width(s.view) < width(b.view) })
    add(.character("Z"), { b, s, _ in width(s.view) > width(b.view) })
    // Without a lesson list there is no next or previous lesson: a notice says so.
    add(.character("]"), { b, s, c in s.step == b.step && c.isEmpty && s.notice?.contains("lesson list") == true })
    add(.character("["), { b, s, c in s.step == b.step && c.isEmpty && s.notice?.contains("lesson list") == true })
    add(.character("H"), { b, s, _ in s.view.x.lowerBound < b.view.x.lowerBound && s.view.y == b.view.y })
    add(.character("L"), { b, s, _ in s.view.x.lowerBound > b.view.x.lowerBound && s.view.y == b.view.y })
    add(.character("K"), { b, s, _ in s.view.y.lowerBound > b.view.y.lowerBound && s.view.x == b.view.x })
    add(.character("J"), { b, s, _ in s.view.y.lowerBound < b.view.y.lowerBound && s.view.x == b.view.x })
    add(.character("0"), { b, s, _ in s.view == b.setup.view })
    add(.character("c"), { b, s, _ in s.showsContours != b.showsContours })
    add(.character("m"), { b, s, _ in s.showsHeatmap != b.showsHeatmap })
    add(.character("t"), { b, s, _ in s.showsTrails != b.showsTrails })
    add(.tab, { _, s, _ in s.selected == 1 })
    add(.down, { _, s, _ in s.selected == 1 })
    add(.backTab, { b, s, _ in s.selected == b.lanes.count - 1 })
    add(.up, { b, s, _ in s.selected == b.lanes.count - 1 })
    add(.character("u"), { b, s, _ in s.lanes[0].learningRate == b.lanes[0].learningRate * 1.5 })
    add(.character(">"), { b, s, _ in s.lanes[0].learningRate == b.lanes[0].learningRate * 1.5 })
    add(.character("d"), { b, s, _ in s.lanes[0].learningRate == b.lanes[0].learningRate / 1.5 })
    add(.character("<"), { b, s, _ in s.lanes[0].learningRate == b.lanes[0].learningRate / 1.5 })
    add(.character("e"), { b, s, _ in s.editor == SpecEditor(purpose: .applyFromNow, text: b.lanes[0].spec) && s.context == .editor })
    add(.character("E"), { b, s, _ in s.editor == SpecEditor(purpose: .restart, text: b.lanes[0].spec) })
    add(.character("a"), { _, s, _ in s.editor == SpecEditor(purpose: .add) })
    add(.character("x"), { b, s, _ in s.lanes.map(\.spec) == Array(b.lanes.map(\.spec).dropFirst()) })
    add(.character("o"), { b, s, _ in s.layoutMode != b.layoutMode })
    add(.character("v"), { b, s, _ in s.layoutMode != b.layoutMode })
    // The fixture has no training race: the surface stays, paused, and says so (the switch
    // itself is tested with the app model).
    add(.character("n"), { _, s, c in c.isEmpty && !s.isPlaying && s.notice?.contains("no training race") == true })
    add(.character("?"), { _, s, _ in s.showsHelp })
    add(.character("b"), { b, s, _ in s.boldTrails != b.boldTrails })
    add(.character("w"), { b, s, _ in s.showsWorkerTrails != b.showsWorkerTrails })
    // With the help closed the page keys change nothing (paging: HelpPagingTests).
    add(.pageDown, { b, s, c in c.isEmpty && !s.showsHelp && s.helpPage == b.helpPage })
    add(.pageUp, { b, s, c in c.isEmpty && !s.showsHelp && s.helpPage == b.helpPage })
    add(.ctrl("l"), { _, _, c in c == [.repaint] })
    add(.character("q"), { _, _, c in c == [.quit] })
    add(.ctrl("c"), { _, _, c in c == [.quit] })
    for n in 1...9 {
        add(.character(Character(String(n)))) { b, s, _ in
            n <= b.lanes.count ? s.lanes[n - 1].isHidden != b.lanes[n - 1].isHidden : s.lanes.map(\.isHidden) == b.lanes.map(\.isHidden)
        }
    }
    return effects
}()

private func width(_ box: ViewBox) -> Double { box.x.upperBound - box.x.lowerBound }

@Test func everyKeyOfTheKeymapHasATestedEffect() {
    let tested = Set(keyEffects.map(\.0))
    let bound = Set(Keymap.bindings(in: .surface).flatMap { $0.mappings.map(\.key) })
    #expect(tested == bound)
}

@Test func theSurfaceAsksToSwitchViewsAndPauses() throws {
    var state = try AppFixture.state()
    _ = state.apply(.togglePlay)
    let (after, commands) = SurfaceState.update(state, .switchView)
    #expect(commands == [.switchView])
    #expect(!after.isPlaying)
}

@Test func everyKeyChangesTheStateAsDocumented() throws {
    var before = try AppFixture.state()
    before.seek(toStep: 5)
    for (key, effect) in keyEffects {
        let (after, commands) = try AppFixture.press(key, on: before)
        #expect(effect(before, after, commands), "key \(key)")
    }
}

@Test func steppingBackAndForthIsExact() throws {
    var state = try AppFixture.state()
    for _ in 0..<10 { _ = state.apply(.stepForward) }
    let point = state.lanes[5].run.point(10)
    for _ in 0..<4 { _ = state.apply(.stepBack) }
    #expect(state.step == 6)
    for _ in 0..<4 { _ = state.apply(.stepForward) }
    #expect(state.step == 10)
    #expect(state.lanes[5].run.point(10) == point)
}

@Test func stepForwardComputesBeyondTheHorizon() throws {
    var state = SurfaceState(setup: try AppFixture.setup(steps: 3))
    for _ in 0..<5 { _ = state.apply(.stepForward) }
    #expect(state.step == 5)
    #expect(state.lanes.allSatisfy { $0.run.count >= 6 })
}

@Test func ticksAdvanceBySpeedTimesElapsedAndPauseAtTheHorizon() throws {
    var state = SurfaceState(setup: try AppFixture.setup(steps: 40))
    _ = state.apply(.togglePlay)
    #expect(state.stepsPerSecond == 30)
    let commands = state.tick(seconds: 0.2)  // 30 × 0.2 = 6 steps
    #expect(state.step == 6)
    #expect(commands == [.tick(after: .nanoseconds(33_333_333))])
    _ = state.tick(seconds: 10)  // capped at 0.25 s: 7.5 steps, the half carried over
    #expect(state.step == 13)
    _ = state.tick(seconds: 0.25)  // 7.5 + the carried 0.5
    #expect(state.step == 21)
    for _ in 0..<10 { _ = state.tick(seconds: 0.25) }
    #expect(state.step == 40)
    #expect(!state.isPlaying)
    // Play at the horizon plays on for another --steps.
    _ = state.apply(.togglePlay)
    #expect(state.isPlaying && state.horizon == 80)
}

@Test func fastSpeedsAdvanceSeveralStepsPerFrame() throws {
    var state = SurfaceState(setup: try AppFixture.setup(steps: 100_000))
    for _ in 0..<20 { _ = state.apply(.faster) }
    #expect(state.stepsPerSecond == PlaybackSpeed.ladder.last)
    let commands = state.apply(.togglePlay)
    #expect(commands == [.tick(after: .nanoseconds(33_333_333))])
    _ = state.tick(seconds: 1.0 / 30)
    #expect(state.step == 166)
    for _ in 0..<20 { _ = state.apply(.slower) }
    #expect(state.stepsPerSecond == 1)
    #expect(PlaybackSpeed.tickInterval(stepsPerSecond: 1) == .seconds(1))
}

@Test func ticksWhilePausedDoNothing() throws {
    var state = try AppFixture.state()
    #expect(state.tick(seconds: 0.2).isEmpty)
    #expect(state.step == 0)
}

@Test func learningRateChangeRestartsOnlyTheSelectedRunAndKeepsTheStep() throws {
    var state = try AppFixture.state()
    state.seek(toStep: 20)
    _ = state.apply(.selectNext)
    let other = state.lanes[0].run.point(20)
    _ = state.apply(.scaleLearningRate(up: true))
    #expect(state.lanes[1].learningRate == 0.0005 * 1.5)
    #expect(state.lanes[1].run.learningRates[0] == 0.0005 * 1.5)
    #expect(state.lanes[1].run.count >= 21)
    #expect(state.lanes[0].run.point(20) == other)
    #expect(state.notice?.contains("momentum") == true)
}

@Test func cursorAndEnterRestartEveryRunFromTheCursor() throws {
    var state = try AppFixture.state()
    state.seek(toStep: 10)
    _ = state.apply(.moveCursor(dx: 0, dy: 0))
    #expect(state.cursor == PlanePoint(x: 1, y: 1.5))
    _ = state.apply(.moveCursor(dx: 3, dy: -2))
    let cursor = try #require(state.cursor)
    #expect(cursor.x > 1 && cursor.y < 1.5)
    _ = state.apply(.startAtCursor)
    #expect(state.step == 0)
    #expect(state.start == [cursor.x, cursor.y])
    #expect(state.lanes.allSatisfy { $0.run.point(0) == [cursor.x, cursor.y] })
}

@Test func mouseClickOnThePlotSetsTheStartAndClicksElsewhereDoNot() throws {
    var state = try AppFixture.state()
    state.seek(toStep: 10)
    state.mouse(x: 119, y: 0, button: .left)  // the side panel
    #expect(state.step == 10)
    state.mouse(x: 30, y: 15, button: .left)
    #expect(state.step == 0)
    #expect(state.start != [1, 1.5])
    let scrolled = { var s = state; s.mouse(x: 30, y: 15, button: .scrollUp); return s }()
    #expect(width(scrolled.view) < width(state.view))
}

@Test func hidingTheSelectedLaneSelectsTheNextVisibleOne() throws {
    var state = try AppFixture.state()
    _ = state.apply(.toggleLane(0))
    #expect(state.lanes[0].isHidden)
    #expect(state.selected == 1)
    _ = state.apply(.toggleLane(42))
    #expect(state.lanes.filter(\.isHidden).count == 1)
}

@Test func divergedRunsStopAndAreReported() throws {
    var state = SurfaceState(setup: try AppFixture.setup(specs: ["sgd(lr=0.5)", "adam(lr=0.05)"]))
    state.seek(toStep: 50)
    let diverged = try #require(state.lanes[0].run.divergedAt)
    #expect(state.lanes[0].hasDiverged(by: 50))
    #expect(diverged <= 50)
    #expect(state.lanes[1].run.isActive)
}

@Test func leaderboardOrdersArrivalsAtTheShownStep() throws {
    var state = SurfaceState(setup: try AppFixture.setup(specs: ["adam(lr=0.05)", "adagrad(lr=0.5)"], steps: 600))
    state = SurfaceState(setup: RaceSetup(surface: state.surface, start: [1, 1], entries: state.setup.entries, steps: 600,
                                      tolerance: 0.01, registry: .builtin))
    state.seek(toStep: 600)
    let board = state.leaderboard
    #expect(board.count == 2)
    #expect(board[0].step <= board[1].step)
    state.seek(toStep: board[0].step - 1)
    #expect(state.leaderboard.isEmpty)
}
