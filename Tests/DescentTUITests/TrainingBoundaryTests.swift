import DescentCore
import DescentRender
import Testing
@testable import DescentTUI

/// The training view's decision boundaries: predicted only for a changed net, at most 4 times a
/// second while playing, and every optimizer's as small multiples (`s`).
@Suite struct TrainingBoundaryTests {
    /// The two-optimizer training state on its boundary panel.
    private func boundaryState(steps: Int = 0) throws -> TrainingState {
        var state = try trainingState()
        for _ in 0..<steps { state.apply(.stepForward) }
        while state.panel != .boundary { state.apply(.nextPanel) }
        return state
    }

    @Test func framesOfAnUnchangedNetReuseTheRegions() throws {
        var state = try boundaryState()
        let composer = TrainingComposer(glyphs: .unicode, hasColors: true)
        let first = composer.compose(state, width: 100, height: 40)
        #expect(composer.boundaries.computations == 1)
        #expect(composer.compose(state, width: 100, height: 40) == first)
        state.apply(.scaleLearningRate(up: true))  // the net is unchanged
        state.apply(.faster)
        _ = composer.compose(state, width: 100, height: 40)
        #expect(composer.boundaries.computations == 1)
        state.apply(.stepForward)  // a new net: predicted again, once
        _ = composer.compose(state, width: 100, height: 40)
        _ = composer.compose(state, width: 100, height: 40)
        #expect(composer.boundaries.computations == 2)
        // The cached regions are those a fresh composer predicts.
        #expect(composer.compose(state, width: 100, height: 40) == TrainingComposer(glyphs: .unicode, hasColors: true).compose(state, width: 100, height: 40))
    }

    @Test func playingPredictsTheRegionsAtMostFourTimesASecond() throws {
        var state = try boundaryState()
        let composer = TrainingComposer(glyphs: .unicode, hasColors: true)
        _ = composer.compose(state, width: 100, height: 40)
        state.apply(.togglePlay)
        // Two seconds of playback at 30 frames per second, every frame composed.
        for _ in 0..<60 {
            state.tick(seconds: 1.0 / 30)
            _ = composer.compose(state, width: 100, height: 40)
        }
        #expect(state.isPlaying && state.step == 60 * state.stepsPerFrame)
        let whilePlaying = composer.boundaries.computations - 1
        #expect(whilePlaying <= 2 * Int(1 / TrainingState.boundaryInterval))
        #expect(whilePlaying >= 6, "the regions follow training")
        // Pausing draws the nets as they are now.
        state.apply(.togglePlay)
        #expect(state.boundaryParameters == state.trainers.map(\.parameters))
        _ = composer.compose(state, width: 100, height: 40)
        #expect(composer.boundaries.computations == whilePlaying + 2)
    }

    @Test func theEventLoopsTicksCarryTheirSeconds() throws {
        var model = AppModel(lesson: LessonContent(race: nil, training: try trainingSetup()), width: 100, height: 40)
        model.receive(.action(.togglePlay))
        model.receive(.tick(seconds: 0.1))
        let training = try #require(model.lesson?.training)
        #expect(training.boundaryParameters == training.setup.trainers.map(\.parameters), "0.1 s: the snapshot stays")
        model.receive(.tick(seconds: TrainingState.boundaryInterval))
        let later = try #require(model.lesson?.training)
        #expect(later.boundaryParameters == later.trainers.map(\.parameters))
    }

    @Test func sKeySwitchesBetweenOneLargeAndAllSmall() throws {
        #expect(Keymap.action(for: .character("s"), in: .training) == .toggleBoundaryLayout)
        var state = try boundaryState()
        #expect(state.boundaryLayout == .selected)
        state.apply(.toggleBoundaryLayout)
        #expect(state.boundaryLayout == .all)
        state.apply(.toggleBoundaryLayout)
        #expect(state.boundaryLayout == .selected)
    }

    @Test func smallMultiplesShowEveryOptimizerTitledInItsColour() throws {
        var state = try boundaryState(steps: 30)
        state.apply(.toggleBoundaryLayout)
        let composer = TrainingComposer(glyphs: .unicode, hasColors: true)
        let buffer = composer.compose(state, width: 100, height: 40)
        // The panel (rows 3…38) starts below the legend (a header and a row per optimizer): the
        // moons are wider than tall, so two tiles of 18 rows show them largest one above the
        // other, each titled with its optimizer in its colour.
        let top = state.trainers.count + 1
        #expect(buffer.line(top).hasPrefix("> sgd(lr=0.1) acc "))
        #expect(buffer.line(top + 18).hasPrefix("adam(lr=0.01) acc "))
        #expect(buffer[0, top].style.foreground == Palette.okabeIto[0])
        #expect(buffer[0, top + 18].style.foreground == Palette.okabeIto[1])
        #expect(buffer[0, top + 18].style.attributes.contains(.bold))
        // Each tile has its regions and both classes' samples.
        for rows in [top + 1..<top + 18, top + 19..<top + 36] {
            let tile = rows.map(buffer.line).joined()
            #expect(tile.contains("▀") && tile.contains("●") && tile.contains("▲"))
        }
        #expect(composer.boundaries.computations == 2)
    }

    @Test func smallMultiplesCostNoMorePixelsThanOneLargeMap() throws {
        var state = try boundaryState(steps: 5)
        let large = TrainingComposer(glyphs: .unicode, hasColors: true)
        _ = large.compose(state, width: 100, height: 40)
        state.apply(.toggleBoundaryLayout)
        let small = TrainingComposer(glyphs: .unicode, hasColors: true)
        _ = small.compose(state, width: 100, height: 40)
        #expect(small.boundaries.pixelsPredicted <= large.boundaries.pixelsPredicted)
        #expect(small.boundaries.pixelsPredicted > large.boundaries.pixelsPredicted * 9 / 10)
    }

    @Test func smallMultiplesAlsoBesideTheCurvesAndInAscii() throws {
        var state = try trainingState()
        state.apply(.toggleBoundaryLayout)
        let wide = TrainingComposer(glyphs: .unicode, hasColors: true).compose(state, width: TrainingComposer.sideMapMinimumWidth, height: 40).text()
        #expect(wide.contains("> sgd(lr=0.1)") && wide.contains("adam(lr=0.01)") && !wide.contains("decision boundary"))
        while state.panel != .boundary { state.apply(.nextPanel) }
        let ascii = TrainingComposer(glyphs: .ascii, hasColors: false).compose(state, width: 80, height: 24).text()
        #expect(ascii.contains("> sgd(lr=0.1)") && ascii.contains("adam(lr=0.01)"))
        #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func tilesShowTheDataLargest() {
        let wide = ViewBox(x: -2...2, y: -1...1)
        // Six maps of a 2:1 box in 120×32 cells: 3×2 tiles of 39×15 show it at 9.75 cells per unit.
        #expect(TrainingComposer.tileShape(count: 6, box: wide, width: 120, height: 32) == (3, 2))
        #expect(TrainingComposer.tileShape(count: 2, box: wide, width: 100, height: 36) == (1, 2))
        #expect(TrainingComposer.tileShape(count: 2, box: ViewBox(x: -1...1, y: -2...2), width: 100, height: 36) == (2, 1))
        #expect(TrainingComposer.tileShape(count: 1, box: wide, width: 10, height: 10) == (1, 1))
    }

    @Test func smallMultiplesDrawAtEverySize() throws {
        var state = try boundaryState(steps: 3)
        state.apply(.toggleBoundaryLayout)
        let composer = TrainingComposer(glyphs: .unicode, hasColors: true)
        for (width, height) in [(1, 1), (40, 12), (41, 13), (60, 15), (80, 24), (200, 60), (8, 200)] {
            let buffer = composer.compose(state, width: width, height: height)
            #expect(buffer.width == width && buffer.height == height)
        }
    }
}
