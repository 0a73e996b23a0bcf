import DescentCore
import DescentRender
import Testing
@testable import DescentTUI

private let lessons = [
    Lesson(title: "The default race", description: "Six optimizers on Beale.", path: nil),
    Lesson(title: "The long valley", description: "SGD zig-zags across a narrow valley.", path: "scenes/long-valley.toml"),
    Lesson(title: "broken.toml", description: "", path: "scenes/broken.toml", problem: "scenes/broken.toml:3:7: TOML syntax: oops"),
    Lesson(title: "The saddle", description: "SGD stalls at a saddle.", path: "scenes/saddle.toml"),
]

/// Builds lesson k as a one-optimizer race on the quadratic whose title is the lesson's.
private func load(_ lesson: Lesson) -> Result<LessonContent, LessonError> {
    guard let surface = try? Registry.builtin.surface("quadratic"), let sgd = try? Registry.builtin.optimizer("sgd(lr=0.1)") else {
        return .failure(LessonError("no registry"))
    }
    var race = RaceSetup(surface: surface, start: [1, 1], entries: [RaceSetup.Entry(spec: "sgd(lr=0.1)", optimizer: sgd.optimizer)],
                         steps: 20, tolerance: 0.01, registry: .builtin)
    race.title = lesson.title
    return .success(LessonContent(race: race, training: try? trainingSetup()))
}

/// The model after the `keys`, with every load answered at once (as the loop does).
private func press(_ keys: [Key], on model: inout AppModel) -> [Command] {
    var out: [Command] = []
    var queue = keys.map { Message.key($0) }
    while !queue.isEmpty {
        for command in model.receive(queue.removeFirst()) {
            if case .load(let index) = command, model.wantsLoad(index) {
                queue.insert(.loaded(index: index, load(model.lessons!.lessons[index])), at: 0)
            } else {
                out.append(command)
            }
        }
    }
    return out
}

@Suite struct LessonListTests {
    @Test func keysMoveTheSelectionWithinTheListAndOpenOrQuit() {
        var model = AppModel(lessons: LessonList(lessons: lessons), width: 80, height: 24)
        #expect(press([.up], on: &model).isEmpty && model.lessons?.selected == 0)
        #expect(press([.down], on: &model).isEmpty && model.lessons?.selected == 1)
        #expect(press([.character("j")], on: &model).isEmpty && model.lessons?.selected == 2)
        #expect(press([.character("j"), .character("j")], on: &model).isEmpty && model.lessons?.selected == 3)
        #expect(press([.character("k")], on: &model).isEmpty && model.lessons?.selected == 2)
        #expect(press([.end], on: &model).isEmpty && model.lessons?.selected == 3)
        #expect(press([.home], on: &model).isEmpty && model.lessons?.selected == 0)
        #expect(press([.character("q")], on: &model) == [.quit])
        #expect(press([.escape], on: &model) == [.quit])
        #expect(press([.ctrl("c")], on: &model) == [.quit])
        #expect(model.receive(.signal(2)) == [.interrupted(signal: 2)])
    }

    @Test func theSelectedLessonIsBuiltForItsPreviewAndOpensWithEnter() throws {
        var model = AppModel(lessons: LessonList(lessons: lessons), width: 120, height: 40)
        _ = press([.down], on: &model)
        #expect(model.lessons?.preview?.index == 1)
        _ = press([.enter], on: &model)
        #expect(model.screen == .surface)
        #expect(model.lesson?.index == 1)
        #expect(model.lesson?.surface?.setup.title == "The long valley")
    }

    @Test func qGoesBackToTheListWithTheSameEntryAndBracketsMoveBetweenLessons() throws {
        var model = AppModel(lessons: LessonList(lessons: lessons), width: 120, height: 40)
        _ = press([.down, .enter, .character(".")], on: &model)
        #expect(model.lesson?.surface?.step == 1)
        _ = press([.character("q")], on: &model)
        #expect(model.screen == .lessons)
        #expect(model.lessons?.selected == 1)
        // ] skips the broken file; [ comes back; past the ends a notice.
        _ = press([.enter, .character("]")], on: &model)
        #expect(model.lesson?.index == 3)
        #expect(model.lesson?.surface?.setup.title == "The saddle")
        #expect(model.lessons?.selected == 3)
        _ = press([.character("]")], on: &model)
        #expect(model.lesson?.index == 3)
        #expect(model.lesson?.surface?.notice == "this is the last lesson")
        _ = press([.character("[")], on: &model)
        #expect(model.lesson?.index == 1)
        // n to training, n back, Esc (nothing to close) back to the list, q quits.
        _ = press([.character("n")], on: &model)
        #expect(model.screen == .training)
        _ = press([.character("n")], on: &model)
        #expect(model.screen == .surface)
        _ = press([.escape], on: &model)
        #expect(model.screen == .lessons && model.lessons?.selected == 1)
        #expect(press([.character("q")], on: &model) == [.quit])
    }

    @Test func aBrokenLessonShowsItsErrorAndDoesNotOpen() {
        var model = AppModel(lessons: LessonList(lessons: lessons), width: 120, height: 40)
        _ = press([.down, .down, .enter], on: &model)
        #expect(model.screen == .lessons)
        #expect(model.lessons?.notice == lessons[2].problem)
        let text = AppView(glyphs: .unicode).compose(model).text()
        #expect(text.contains("✖ broken.toml"))
        #expect(text.contains("scenes/broken.toml:3:7: TOML syntax: oops"))
    }

    @Test func theViewListsTitlesMarksTheSelectionAndShowsItsDescriptionAndPreview() {
        var model = AppModel(lessons: LessonList(lessons: lessons, source: "lessons from scenes"), width: 120, height: 40)
        _ = press([.down], on: &model)
        let text = AppView(glyphs: .unicode).compose(model).text()
        #expect(text.contains("choose a lesson"))
        #expect(text.contains("lessons from scenes"))
        #expect(text.contains("  The default race"))
        #expect(text.contains("▸ The long valley"))
        #expect(text.contains("SGD zig-zags across a narrow valley."))
        #expect(!text.contains("SGD stalls"))
        #expect(text.contains("Enter open"))
        // The preview: the plot of the lesson's first frame (braille or half blocks of the heatmap).
        #expect(text.contains("▀") || text.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
    }

    /// A training lesson's preview is its training view where that fits (from 40 × 12 cells),
    /// and no preview below: never the "terminal too small" message in a terminal that is not.
    @Test func aTrainingLessonsPreviewFitsOrIsLeftOut() throws {
        let training = try trainingSetup()
        let description = "SGD zig-zags across a narrow valley." + String(repeating: " And a long description goes on.", count: 8)
        let long = [lessons[0], Lesson(title: "A training race", description: description, path: "scenes/training.toml")]
        for (width, height, shows) in [(80, 24, false), (160, 50, true)] {
            var model = AppModel(lessons: LessonList(lessons: long), width: width, height: height)
            for command in model.receive(.key(.down)) {
                if case .load(let index) = command { _ = model.receive(.loaded(index: index, .success(LessonContent(race: nil, training: training)))) }
            }
            let text = AppView(glyphs: .unicode).compose(model).text()
            #expect(text.contains("SGD zig-zags across a narrow valley."))
            #expect(!text.contains("too small") && !text.contains("enlarge"), "\(width)x\(height):\n\(text)")
            #expect(text.contains("train loss") == shows, "\(width)x\(height):\n\(text)")
        }
    }

    @Test func aTinyTerminalGetsTheEnlargeMessageAndAsciiStaysAscii() {
        let tiny = AppView(glyphs: .unicode).compose(AppModel(lessons: LessonList(lessons: lessons), width: 20, height: 5)).text()
        #expect(tiny.contains("enlarge") || tiny.contains("Enlarge"))
        for width in [60, 120] {
            var model = AppModel(lessons: LessonList(lessons: lessons), width: width, height: 30)
            _ = press([.down], on: &model)
            let ascii = AppView(glyphs: .ascii, hasColors: false).compose(model).text()
            #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII })
        }
    }

    @Test func theLoopOpensTheChosenLessonAndQuitsFromTheList() {
        let terminal = HeadlessTerminal(width: 80, height: 24, events: [.key(.down), .key(.enter), .key(.character("q")), .key(.character("q"))])
        var loop = AppLoop(model: AppModel(lessons: LessonList(lessons: lessons)), view: AppView(glyphs: .unicode), load: load)
        #expect(loop.run(on: terminal) == .quit)
        #expect(loop.model.screen == .lessons && loop.model.lessons?.selected == 1)
        let quitting = HeadlessTerminal(width: 80, height: 24, events: [.key(.down), .signal(1)])
        var second = AppLoop(model: AppModel(lessons: LessonList(lessons: lessons)), view: AppView(glyphs: .unicode), load: load)
        #expect(second.run(on: quitting) == .signal(1))
    }
}
