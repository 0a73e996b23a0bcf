import DescentRender

/// One row of the keymap: the keys, how the help overlay names them, what they do.
public struct KeyBinding: Sendable {
    /// One key and the action it triggers.
    public struct Mapping: Sendable, Equatable {
        public let key: Key
        public let action: Action
    }

    /// The keys as the help overlay shows them (`. →`).
    public let label: String
    /// What the keys do, for the help overlay.
    public let summary: String
    /// The status line's key hint for this binding (nil: not hinted).
    public let hint: StatusBar.Hint?
    public let mappings: [Mapping]

    init(_ label: String, _ summary: String, hint: StatusBar.Hint? = nil, keys: [Key], action: Action) {
        self.init(label, summary, hint: hint, mappings: keys.map { Mapping(key: $0, action: action) })
    }

    init(_ label: String, _ summary: String, hint: StatusBar.Hint? = nil, mappings: [Mapping]) {
        self.label = label
        self.summary = summary
        self.hint = hint
        self.mappings = mappings
    }
}

/// The one keymap: the single source for key handling (``action(for:)``) and for the help
/// overlay and status hints.
///
/// Decisions: `h j k l` move the cursor and `H J K L` pan the view (vi directions; the
/// terminal does not report shift+arrows portably); `.`/→ past the last computed step computes
/// more, past the horizon too; playing stops at the horizon and space there plays on for
/// another horizon's worth of steps.
public enum Keymap {
    private static func character(_ c: Character) -> Key { .character(c) }

    public static let bindings: [KeyBinding] = [
        KeyBinding("space", "play / pause (at the horizon: play on)", hint: .init(key: "space", action: "play"), keys: [character(" ")], action: .togglePlay),
        KeyBinding(". →", "one step forward (computes more at the end)", hint: .init(key: ".", action: "step"), keys: [character("."), .right], action: .stepForward),
        KeyBinding(", ←", "one step back", hint: .init(key: ",", action: "back"), keys: [character(","), .left], action: .stepBack),
        KeyBinding("g Home", "jump to the start", keys: [character("g"), .home], action: .jumpToStart),
        KeyBinding("G End", "jump to the horizon (--steps)", keys: [character("G"), .end], action: .jumpToEnd),
        KeyBinding("+ -", "faster / slower (1 to 5000 steps/s)", hint: .init(key: "+/-", action: "speed"), mappings: [
            .init(key: character("+"), action: .faster), .init(key: character("="), action: .faster),
            .init(key: character("-"), action: .slower), .init(key: character("_"), action: .slower),
        ]),
        KeyBinding("r", "reset: original start, learning rates and view", keys: [character("r")], action: .reset),
        KeyBinding("h j k l", "move the cursor (readout of x, y, f, ∇f)", mappings: [
            .init(key: character("h"), action: .moveCursor(dx: -1, dy: 0)),
            .init(key: character("j"), action: .moveCursor(dx: 0, dy: -1)),
            .init(key: character("k"), action: .moveCursor(dx: 0, dy: 1)),
            .init(key: character("l"), action: .moveCursor(dx: 1, dy: 0)),
        ]),
        KeyBinding("Enter", "start every run from the cursor", keys: [.enter], action: .startAtCursor),
        KeyBinding("Esc", "hide the cursor and this help", keys: [.escape], action: .dismiss),
        KeyBinding("z ]", "zoom in", keys: [character("z"), character("]")], action: .zoomIn),
        KeyBinding("Z [", "zoom out", keys: [character("Z"), character("[")], action: .zoomOut),
        KeyBinding("H J K L", "pan the view", mappings: [
            .init(key: character("H"), action: .pan(dx: -0.1, dy: 0)),
            .init(key: character("J"), action: .pan(dx: 0, dy: -0.1)),
            .init(key: character("K"), action: .pan(dx: 0, dy: 0.1)),
            .init(key: character("L"), action: .pan(dx: 0.1, dy: 0)),
        ]),
        KeyBinding("0", "reset the view", keys: [character("0")], action: .resetView),
        KeyBinding("c", "iso-lines on / off", keys: [character("c")], action: .toggleContours),
        KeyBinding("m", "heatmap on / off", keys: [character("m")], action: .toggleHeatmap),
        KeyBinding("t", "trails on / off", keys: [character("t")], action: .toggleTrails),
        KeyBinding("Tab ↓", "select the next optimizer", keys: [.tab, .down], action: .selectNext),
        KeyBinding("S-Tab ↑", "select the previous optimizer", keys: [.backTab, .up], action: .selectPrevious),
        KeyBinding("u >", "selected: learning rate × 1.5 (restarts it)", hint: .init(key: "u/d", action: "lr"), keys: [character("u"), character(">")],
                   action: .scaleLearningRate(up: true)),
        KeyBinding("d <", "selected: learning rate ÷ 1.5 (restarts it)", keys: [character("d"), character("<")],
                   action: .scaleLearningRate(up: false)),
        KeyBinding("1–9", "hide / show optimizer n",
                   mappings: (1...9).map { .init(key: character(Character(String($0))), action: .toggleLane($0 - 1)) }),
        KeyBinding("o v", "overlay / grid of small plots", keys: [character("o"), character("v")], action: .toggleLayout),
        KeyBinding("n", "training view: the optimizers train a small net (n comes back)", hint: .init(key: "n", action: "net"),
                   keys: [character("n")], action: .switchView),
        KeyBinding("?", "this help", hint: .init(key: "?", action: "help"), keys: [character("?")], action: .toggleHelp),
        KeyBinding("Ctrl-L", "redraw the screen", keys: [.ctrl("l")], action: .repaint),
        KeyBinding("q Ctrl-C", "quit", hint: .init(key: "q", action: "quit"), keys: [character("q"), .ctrl("c")], action: .quit),
    ]

    /// What the mouse does (shown in the help overlay after the keys).
    public static let mouseHelp: [(label: String, summary: String)] = [
        ("click", "start every run from the point clicked"),
        ("move", "readout of x, y, f, ∇f under the pointer"),
        ("wheel", "zoom in / out about the pointer"),
    ]

    private static let table: [Key: Action] = {
        var table: [Key: Action] = [:]
        for binding in bindings {
            for mapping in binding.mappings { table[mapping.key] = mapping.action }
        }
        return table
    }()

    /// The action of `key`, nil for keys that do nothing.
    public static func action(for key: Key) -> Action? { table[key] }

    /// The action of any input event: keys through the table, the rest directly
    /// (`.interrupt` — Ctrl-C, SIGTERM — quits).
    public static func action(for event: InputEvent) -> Action? {
        switch event {
        case .key(let key): action(for: key)
        case let .mouse(x, y, button): .mouse(x: x, y: y, button: button)
        case let .resize(width, height): .resize(width: width, height: height)
        case .interrupt: .quit
        }
    }

    /// The key hints of the status line, in table order.
    public static let hints: [StatusBar.Hint] = bindings.compactMap(\.hint)
}
