/// One choice of the scene picker: the default race (no file) or a scene file.
public struct PickerEntry: Equatable, Sendable {
    public var title: String
    public var description: String
    /// The scene file, nil for the default race.
    public var path: String?

    public init(title: String, description: String, path: String?) {
        self.title = title
        self.description = description
        self.path = path
    }
}

/// What the picker can do, from its keymap.
public enum PickerAction: Equatable, Sendable {
    case next, previous, first, last, open, quit
    case resize(width: Int, height: Int)
}

/// The scene picker as a value: the entries, the highlighted one, the screen size.
public struct PickerState: Equatable, Sendable {
    public let entries: [PickerEntry]
    public private(set) var selected = 0
    public private(set) var width: Int
    public private(set) var height: Int

    public init(entries: [PickerEntry], width: Int, height: Int) {
        self.entries = entries
        self.width = width
        self.height = height
    }

    /// How the picker ends: with a choice, or with nothing (quit).
    public enum Outcome: Equatable, Sendable {
        case open(PickerEntry)
        case quit
    }

    /// Applies `action`; returns the outcome when the picker is done.
    public mutating func apply(_ action: PickerAction) -> Outcome? {
        guard !entries.isEmpty else { return .quit }
        switch action {
        case .next: selected = min(selected + 1, entries.count - 1)
        case .previous: selected = max(selected - 1, 0)
        case .first: selected = 0
        case .last: selected = entries.count - 1
        case .open: return .open(entries[selected])
        case .quit: return .quit
        case let .resize(width, height):
            self.width = max(0, width)
            self.height = max(0, height)
        }
        return nil
    }
}
