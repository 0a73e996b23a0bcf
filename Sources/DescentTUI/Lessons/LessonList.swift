/// One lesson of the list: the default race (no file) or a scene file. A scene file that does
/// not load is still listed, with its error (``problem``), so a broken lesson is seen and fixed
/// rather than silently missing.
public struct Lesson: Equatable, Sendable {
    public var title: String
    public var description: String
    /// The scene file, nil for the default race.
    public var path: String?
    /// Why the scene file does not load (`FILE:LINE:COLUMN: message`, already sanitised), nil
    /// when it loads.
    public var problem: String?

    public init(title: String, description: String, path: String?, problem: String? = nil) {
        self.title = title
        self.description = description
        self.path = path
        self.problem = problem
    }
}

/// What a lesson shows once built: its surface race, its training race, or both.
public struct LessonContent {
    public var race: RaceSetup?
    public var training: TrainingSetup?

    public init(race: RaceSetup?, training: TrainingSetup?) {
        self.race = race
        self.training = training
    }
}

/// Why a lesson could not be built (one line, shown in the list's status).
public struct LessonError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// The lesson list as a value: the lessons in teaching order, the selected one, where they
/// were found, and the built first frame of the selected lesson (its preview).
public struct LessonList {
    /// The lessons; a lesson whose build fails later gets its ``Lesson/problem`` set.
    public internal(set) var lessons: [Lesson]
    /// Where the lessons came from, shown under the title (e.g. the scenes folder).
    public let source: String?
    public internal(set) var selected = 0
    public internal(set) var showsHelp = false
    /// The help page on show (clamped to the pages when drawn).
    public internal(set) var helpPage = 0
    /// A one-off message for the status line (cleared by the next key).
    public internal(set) var notice: String?
    /// The selected lesson's screens at step 0, once built (``Command/load(index:)``).
    public internal(set) var preview: (index: Int, screens: LessonScreens)?
    /// The lesson whose load was asked for, to open when it arrives (Enter before the preview).
    var opening: Int?

    public init(lessons: [Lesson], source: String? = nil) {
        self.lessons = lessons
        self.source = source
    }

    /// The selected lesson, nil when the list is empty.
    public var current: Lesson? { lessons.indices.contains(selected) ? lessons[selected] : nil }

    /// Applies a list action; returns commands (``Command/quit`` to leave, ``Command/load(index:)``
    /// to open a lesson whose screens are not built yet). Opening a built lesson is done by the
    /// root (``AppModel``), which sees ``opening`` set with the preview ready.
    mutating func apply(_ action: Action) -> [Command] {
        notice = nil
        switch action {
        case .selectNext: select(selected + 1)
        case .selectPrevious: select(selected - 1)
        case .jumpToStart: select(0)
        case .jumpToEnd: select(lessons.count - 1)
        case .toggleHelp:
            showsHelp.toggle()
            helpPage = 0
        case let .helpPage(forward): if showsHelp { helpPage = max(0, helpPage + (forward ? 1 : -1)) }
        case .dismiss:
            guard showsHelp else { return [.quit] }
            showsHelp = false
        case .open:
            guard let lesson = current else { return [] }
            if let problem = lesson.problem {
                notice = problem
                return []
            }
            opening = selected
            return preview?.index == selected ? [] : [.load(index: selected)]
        case .repaint: return [.repaint]
        case .quit, .back: return [.quit]
        default: break
        }
        return []
    }

    /// Selects lesson `index` (clamped to the list).
    mutating func select(_ index: Int) {
        guard !lessons.isEmpty else { return }
        selected = min(max(index, 0), lessons.count - 1)
    }

    /// The index `offset` lessons from `index` among those that load (skipping broken files),
    /// nil past either end.
    func neighbour(of index: Int, offset: Int) -> Int? {
        var k = index + offset
        while lessons.indices.contains(k) {
            if lessons[k].problem == nil { return k }
            k += offset
        }
        return nil
    }

    /// The load the preview needs: the selected lesson when it loads and is not built yet.
    var previewRequest: Int? {
        guard let lesson = current, lesson.problem == nil, preview?.index != selected else { return nil }
        return selected
    }
}
