import DescentRender

/// Which screen is on show; each has its key context (``KeyContext``).
public enum Screen: Sendable, Equatable {
    /// The lesson list (`descent` with no arguments).
    case lessons
    /// A surface race: optimizers on a 2D surface.
    case surface
    /// A saddle-escape cloud: many random starts per optimizer, drawn as dots.
    case cloud
    /// The training view: the optimizers train a small net.
    case training

    /// The keymap context of the screen.
    public var context: KeyContext {
        switch self {
        case .lessons: .lessons
        case .surface: .surface
        case .cloud: .cloud
        case .training: .training
        }
    }
}

/// An open lesson: its plot screen (a surface race or a cloud; at most one of the two) and its
/// training screen (either may be missing), which of the two is on show (`n` switches, each
/// keeping its state), and its place in the lesson list (nil when opened directly, e.g.
/// `descent play FILE`).
public struct LessonScreens {
    public internal(set) var surface: SurfaceState?
    public internal(set) var cloud: CloudState?
    public internal(set) var training: TrainingState?
    public internal(set) var showsTraining: Bool
    public internal(set) var index: Int?

    /// The screens of `content` on a `width` × `height` terminal; the training view first when
    /// asked or when there is no surface race.
    public init(content: LessonContent, index: Int? = nil, startInTraining: Bool = false, width: Int, height: Int) {
        if let race = content.race {
            if let cloud = race.cloud {
                self.cloud = CloudState(setup: race, cloud: cloud, width: width, height: height)
            } else {
                surface = SurfaceState(setup: race, width: width, height: height)
            }
        }
        training = content.training.map { TrainingState(setup: $0, canSwitchView: content.race != nil) }
        showsTraining = training != nil && (startInTraining || content.race == nil)
        self.index = index
        plot?.controls.returnsToList = index != nil
        training?.returnsToList = index != nil
    }

    /// The plot screen, the race or the cloud, whichever the lesson has.
    public internal(set) var plot: (any PlotScreen)? {
        get { surface.map { $0 as any PlotScreen } ?? cloud }
        set {
            if let state = newValue as? SurfaceState { surface = state }
            if let state = newValue as? CloudState { cloud = state }
        }
    }
}

/// The whole application as one value (Elm / Bubble Tea): the lesson list (if the session has
/// one), the open lesson (if any) and the terminal size. ``update(_:_:)`` is the one update
/// function: it turns a ``Message`` into a new model and ``Command``s, routing keys through the
/// ``Keymap`` in the context of the ``screen`` on show. Pure: no clock, no terminal, no files —
/// building a lesson is a ``Command/load(index:)`` whose answer comes back as a message.
///
/// Adding a screen feature: a key row in ``Keymap``, a case in ``Action``, its handling in the
/// screen's `apply` (``PlotScreen`` for the race and the cloud, ``TrainingState``, ``LessonList``); effects as new
/// ``Command`` cases carried out by ``AppLoop``.
public struct AppModel {
    /// The lesson list, nil for a session started on one lesson (then `q` quits).
    public internal(set) var lessons: LessonList?
    /// The lesson on show, nil while the list is.
    public internal(set) var lesson: LessonScreens?
    public internal(set) var width: Int
    public internal(set) var height: Int

    /// A session starting on the lesson list.
    public init(lessons: LessonList, width: Int = 80, height: Int = 24) {
        self.lessons = lessons
        self.width = width
        self.height = height
    }

    /// A session on one lesson, without a list (`descent play`, `train-view`).
    public init(lesson content: LessonContent, startInTraining: Bool = false, width: Int = 80, height: Int = 24) {
        lesson = LessonScreens(content: content, startInTraining: startInTraining, width: width, height: height)
        self.width = width
        self.height = height
    }

    /// The screen on show.
    public var screen: Screen {
        guard let lesson else { return .lessons }
        if lesson.showsTraining { return .training }
        return lesson.cloud == nil ? .surface : .cloud
    }

    /// Whether the screen on show has its spec editor open (then keys go to the editor).
    public var isEditing: Bool {
        switch screen {
        case .lessons, .cloud: false
        case .surface: lesson?.surface?.editor != nil
        case .training: lesson?.training?.editor != nil
        }
    }

    /// Whether the screen on show is playing (its ticks measure time from the previous one).
    public var isPlaying: Bool {
        switch screen {
        case .lessons: false
        case .surface, .cloud: lesson?.plot?.controls.isPlaying ?? false
        case .training: lesson?.training?.isPlaying ?? false
        }
    }

    /// The pure update: `model` after `message`, and the commands for the loop.
    public static func update(_ model: AppModel, _ message: Message) -> (AppModel, [Command]) {
        var next = model
        let commands = next.receive(message)
        return (next, commands)
    }

    /// Applies `message` in place; returns the commands for the loop.
    public mutating func receive(_ message: Message) -> [Command] {
        var commands: [Command]
        switch message {
        case .key(let key):
            guard let action = Keymap.action(for: key, in: isEditing ? .editor : screen.context) else { return [] }
            commands = apply(action)
        case .action(let action): commands = apply(action)
        case let .mouse(x, y, button):
            guard screen == .surface || screen == .cloud else { return [] }
            lesson?.plot?.mouse(x: x, y: y, button: button)
            commands = []
        case let .resize(width, height):
            self.width = max(0, width)
            self.height = max(0, height)
            lesson?.plot?.resize(width: width, height: height)
            commands = []
        case .tick(let seconds):
            switch screen {
            case .lessons: commands = []
            case .surface, .cloud: commands = lesson?.plot?.tick(seconds: seconds) ?? []
            case .training: commands = lesson?.training?.tick(seconds: seconds) ?? []
            }
        case .signal(let signal): return [.interrupted(signal: signal)]
        case let .loaded(index, result): commands = loaded(index: index, result)
        }
        return settle(commands)
    }

    /// Global actions at the root, the others to the screen on show.
    private mutating func apply(_ action: Action) -> [Command] {
        switch action {
        case .quit: return [.quit]
        case .back:
            guard lesson != nil, lessons != nil else { return [.quit] }
            return [.leave]
        case .nextLesson, .previousLesson: return moveLesson(by: action == .nextLesson ? 1 : -1)
        default: break
        }
        switch screen {
        case .lessons: return lessons?.apply(action) ?? []
        case .surface, .cloud: return lesson?.plot?.apply(action) ?? []
        case .training: return lesson?.training?.apply(action) ?? []
        }
    }

    /// `]` / `[`: the next / previous lesson of the list that loads (after the open one, or the
    /// one selected in the list), opened in place.
    private mutating func moveLesson(by offset: Int) -> [Command] {
        guard var list = lessons, let index = lesson == nil ? list.selected : lesson?.index else {
            setNotice("no lesson list here: 'descent' with no arguments lists the lessons")
            return []
        }
        guard let target = list.neighbour(of: index, offset: offset) else {
            setNotice(offset > 0 ? "this is the last lesson" : "this is the first lesson")
            return []
        }
        list.select(target)
        list.opening = target
        lessons = list
        return list.preview?.index == target ? [] : [.load(index: target)]
    }

    /// A built lesson arrived: keep it as the list's preview, and open it if it was asked for.
    private mutating func loaded(index: Int, _ result: Result<LessonContent, LessonError>) -> [Command] {
        guard var list = lessons else { return [] }
        switch result {
        case .success(let content):
            list.preview = (index, LessonScreens(content: content, index: index, width: width, height: height))
        case .failure(let error):
            if list.opening == index { list.opening = nil }
            if list.lessons.indices.contains(index) { list.lessons[index].problem = error.message }
            list.notice = error.message
            lessons = list
            setNotice(error.message)
            return []
        }
        lessons = list
        return []
    }

    /// Carries out the navigation commands of a screen (``Command/switchView``,
    /// ``Command/leave``), opens a lesson whose screens are ready, asks for the list's preview,
    /// and returns the commands for the loop.
    private mutating func settle(_ commands: [Command]) -> [Command] {
        var out: [Command] = []
        for command in commands {
            switch command {
            case .switchView: out += switchView()
            case .leave:
                guard let index = lesson?.index, lessons != nil else { continue }
                lesson = nil
                lessons?.select(index)
                lessons?.opening = nil
            default: out.append(command)
            }
        }
        if let list = lessons, let opening = list.opening, let preview = list.preview, preview.index == opening {
            var screens = preview.screens
            screens.plot?.resize(width: width, height: height)
            lesson = screens
            lessons?.opening = nil
            out.append(.repaint)
        }
        if lesson == nil, let request = lessons?.previewRequest, !out.contains(.load(index: request)) {
            out.append(.load(index: request))
        }
        return out
    }

    /// `n`: over to the lesson's other view; the surface pauses when left, training keeps
    /// playing and its ticks resume when it comes back.
    private mutating func switchView() -> [Command] {
        guard var screens = lesson else { return [] }
        if screens.showsTraining {
            guard screens.plot != nil else { return [] }
            screens.showsTraining = false
            lesson = screens
            return [.repaint]
        }
        guard let training = screens.training else {
            screens.plot?.controls.notice = "this lesson has no training race"
            lesson = screens
            return []
        }
        screens.showsTraining = true
        lesson = screens
        return [.repaint] + training.resumeCommands
    }

    /// Shows `text` in the status line of the screen on show.
    private mutating func setNotice(_ text: String) {
        switch screen {
        case .lessons: lessons?.notice = text
        case .surface, .cloud: lesson?.plot?.controls.notice = text
        case .training: lesson?.training?.notice = text
        }
    }

    /// Whether lesson `index` still needs building (the loop skips loads that are no longer wanted).
    public func wantsLoad(_ index: Int) -> Bool {
        guard let list = lessons, list.preview?.index != index else { return false }
        return list.opening == index || (lesson == nil && list.selected == index)
    }
}
