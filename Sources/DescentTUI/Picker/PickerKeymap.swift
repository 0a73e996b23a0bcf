/// The picker's keys: the single source for its key handling and for its footer hint.
public enum PickerKeymap {
    /// (keys as shown, what they do, the keys, the action).
    public static let bindings: [(label: String, summary: String, keys: [Key], action: PickerAction)] = [
        ("↑ ↓ k j", "choose", [.up, .character("k"), .down, .character("j")], .next),
        ("Enter", "open", [.enter, .character(" ")], .open),
        ("q Esc", "quit", [.character("q"), .escape, .ctrl("c")], .quit),
    ]

    private static let table: [Key: PickerAction] = {
        var table: [Key: PickerAction] = [.home: .first, .end: .last, .character("g"): .first, .character("G"): .last]
        for binding in bindings {
            for key in binding.keys { table[key] = binding.action }
        }
        // Up and k move up (the first binding lists both directions for the hint).
        table[.up] = .previous
        table[.character("k")] = .previous
        return table
    }()

    /// The action of an input event (Ctrl-C and SIGTERM quit).
    public static func action(for event: InputEvent) -> PickerAction? {
        switch event {
        case .key(let key): table[key]
        case let .resize(width, height): .resize(width: width, height: height)
        case .interrupt: .quit
        case .mouse: nil
        }
    }

    /// The footer: `↑ ↓ k j choose   Enter open   q Esc quit`.
    public static var hint: String { bindings.map { "\($0.label) \($0.summary)" }.joined(separator: "   ") }
}
