import DescentRender

/// Where a key binding applies: everywhere, or on one kind of screen (lazygit's contexts).
/// A screen looks a key up in its own context first, then in ``global``.
public enum KeyContext: String, Sendable, CaseIterable {
    case global, lessons, surface, cloud, training
    /// The open spec editor (surface and training views): every key types, except these rows.
    case editor
}

/// One row of the keymap: where it applies, the keys, how the help names them, what they do.
public struct KeyBinding: Sendable {
    /// One key and the action it triggers.
    public struct Mapping: Sendable, Equatable {
        public let key: Key
        public let action: Action
    }

    /// The contexts the row applies in.
    public let contexts: [KeyContext]
    /// The keys as the help overlay shows them (`. →`).
    public let label: String
    /// What the keys do, for the help overlay and the README.
    public let summary: String
    /// The status line's key hint for this binding (nil: not hinted).
    public let hint: StatusBar.Hint?
    public let mappings: [Mapping]

    init(_ contexts: [KeyContext], _ label: String, _ summary: String, hint: StatusBar.Hint? = nil, keys: [Key], action: Action) {
        self.init(contexts, label, summary, hint: hint, mappings: keys.map { Mapping(key: $0, action: action) })
    }

    init(_ contexts: [KeyContext], _ label: String, _ summary: String, hint: StatusBar.Hint? = nil, mappings: [Mapping]) {
        self.contexts = contexts
        self.label = label
        self.summary = summary
        self.hint = hint
        self.mappings = mappings
    }
}

/// The one keymap: the only place a key is named. It drives dispatch (``action(for:in:)``),
/// each screen's `?` help and status hints (``bindings(in:)``, ``hints(in:)``) and the README's
/// key tables (a test compares them).
///
/// Decisions: `h j k l` move the cursor and `H J K L` pan the view (vi directions; the terminal
/// does not report shift+arrows portably); `.`/→ past the last computed step computes more;
/// playing stops at the horizon and space there plays on for another horizon's worth of steps;
/// `]`/`[` move between lessons (zoom is `z`/`Z` only); `q` goes back to the lesson list and
/// quits only where there is none, Ctrl-C always quits; Esc closes what is open, else goes back.
public enum Keymap {
    private static func character(_ c: Character) -> Key { .character(c) }
    private static let race: [KeyContext] = [.surface, .cloud]

    public static let bindings: [KeyBinding] = [
        // Everywhere
        KeyBinding([.global], "?", "this help", hint: .init(key: "?", action: "help", isEssential: true), keys: [character("?")],
                   action: .toggleHelp),
        KeyBinding([.global], "PgDn PgUp", "the help's next / previous page", mappings: [
            .init(key: .pageDown, action: .helpPage(forward: true)), .init(key: .pageUp, action: .helpPage(forward: false)),
        ]),
        KeyBinding([.global], "] [", "next / previous lesson", mappings: [
            .init(key: character("]"), action: .nextLesson), .init(key: character("["), action: .previousLesson),
        ]),
        KeyBinding([.global], "Esc", "close the help, hide the cursor; else back to the lesson list", keys: [.escape], action: .dismiss),
        KeyBinding([.global], "q", "back to the lesson list (quit when there is none)", hint: .init(key: "q", action: "quit", isEssential: true), keys: [character("q")],
                   action: .back),
        KeyBinding([.global, .editor], "Ctrl-C", "quit", keys: [.ctrl("c")], action: .quit),
        KeyBinding([.global], "Ctrl-L", "redraw the screen", keys: [.ctrl("l")], action: .repaint),

        // The lesson list
        KeyBinding([.lessons], "↑ ↓ k j", "choose a lesson", hint: .init(key: "↑↓", action: "choose"), mappings: [
            .init(key: .up, action: .selectPrevious), .init(key: character("k"), action: .selectPrevious),
            .init(key: .down, action: .selectNext), .init(key: character("j"), action: .selectNext),
        ]),
        KeyBinding([.lessons], "g Home", "the first lesson", keys: [character("g"), .home], action: .jumpToStart),
        KeyBinding([.lessons], "G End", "the last lesson", keys: [character("G"), .end], action: .jumpToEnd),
        KeyBinding([.lessons], "Enter space", "open the lesson (q comes back here)", hint: .init(key: "Enter", action: "open"), keys: [.enter, character(" ")],
                   action: .open),
        KeyBinding([.lessons], "q Esc", "quit", hint: .init(key: "q", action: "quit", isEssential: true), keys: [character("q"), .escape], action: .quit),

        // The surface race and the saddle-escape cloud
        KeyBinding(race, "space", "play / pause (at the horizon: play on)", hint: .init(key: "space", action: "play"), keys: [character(" ")], action: .togglePlay),
        KeyBinding(race, ". →", "one step forward (computes more at the end)", hint: .init(key: ".", action: "step"), keys: [character("."), .right],
                   action: .stepForward),
        KeyBinding(race, ", ←", "one step back", hint: .init(key: ",", action: "back"), keys: [character(","), .left], action: .stepBack),
        KeyBinding(race, "g Home", "jump to the start", keys: [character("g"), .home], action: .jumpToStart),
        KeyBinding(race, "G End", "jump to the horizon (--steps)", keys: [character("G"), .end], action: .jumpToEnd),
        KeyBinding(race, "+ -", "faster / slower (1 to 5000 steps/s)", hint: .init(key: "+/-", action: "speed"), mappings: [
            .init(key: character("+"), action: .faster), .init(key: character("="), action: .faster),
            .init(key: character("-"), action: .slower), .init(key: character("_"), action: .slower),
        ]),
        KeyBinding(race, "r", "reset: original start, learning rates and view", keys: [character("r")], action: .reset),
        KeyBinding(race, "h j k l", "move the cursor (readout of x, y, f, ∇f)", mappings: [
            .init(key: character("h"), action: .moveCursor(dx: -1, dy: 0)),
            .init(key: character("j"), action: .moveCursor(dx: 0, dy: -1)),
            .init(key: character("k"), action: .moveCursor(dx: 0, dy: 1)),
            .init(key: character("l"), action: .moveCursor(dx: 1, dy: 0)),
        ]),
        KeyBinding(race, "Enter", "start every run from the cursor", keys: [.enter], action: .startAtCursor),
        KeyBinding(race, "z", "zoom in", keys: [character("z")], action: .zoomIn),
        KeyBinding(race, "Z", "zoom out", keys: [character("Z")], action: .zoomOut),
        KeyBinding(race, "H J K L", "pan the view", mappings: [
            .init(key: character("H"), action: .pan(dx: -0.1, dy: 0)),
            .init(key: character("J"), action: .pan(dx: 0, dy: -0.1)),
            .init(key: character("K"), action: .pan(dx: 0, dy: 0.1)),
            .init(key: character("L"), action: .pan(dx: 0.1, dy: 0)),
        ]),
        KeyBinding(race, "0", "reset the view", keys: [character("0")], action: .resetView),
        KeyBinding(race, "c", "iso-lines on / off", keys: [character("c")], action: .toggleContours),
        KeyBinding(race, "m", "heatmap on / off", keys: [character("m")], action: .toggleHeatmap),
        KeyBinding(race, "t", "trails on / off", keys: [character("t")], action: .toggleTrails),
        KeyBinding(race, "b", "bold trails (two dots wide, for a projector) on / off", keys: [character("b")], action: .toggleBoldTrails),
        KeyBinding([.surface], "w", "worker trails of distributed optimizers on / off", keys: [character("w")],
                   action: .toggleWorkerTrails),
        KeyBinding(race, "Tab ↓", "select the next optimizer", keys: [.tab, .down], action: .selectNext),
        KeyBinding(race, "S-Tab ↑", "select the previous optimizer", keys: [.backTab, .up], action: .selectPrevious),
        KeyBinding(race, "u >", "selected: learning rate × 1.5 (restarts it)", hint: .init(key: "u/d", action: "lr"), keys: [character("u"), character(">")],
                   action: .scaleLearningRate(up: true)),
        KeyBinding(race, "d <", "selected: learning rate ÷ 1.5 (restarts it)", keys: [character("d"), character("<")],
                   action: .scaleLearningRate(up: false)),
        KeyBinding([.surface, .training], "e E a x", "edit the selected spec (from here / restart), add, remove", mappings: [
            .init(key: character("e"), action: .editSpec(restart: false)), .init(key: character("E"), action: .editSpec(restart: true)),
            .init(key: character("a"), action: .addOptimizer), .init(key: character("x"), action: .removeOptimizer),
        ]),
        KeyBinding(race, "1–9", "hide / show optimizer n",
                   mappings: (1...9).map { .init(key: character(Character(String($0))), action: .toggleLane($0 - 1)) }),
        KeyBinding(race, "o v", "overlay / grid of small plots", keys: [character("o"), character("v")], action: .toggleLayout),
        KeyBinding(race, "n", "training view: the optimizers train a small net (n comes back)", hint: .init(key: "n", action: "net"),
                   keys: [character("n")], action: .switchView),

        // The training view
        KeyBinding([.training], "space", "play / pause (at the epoch horizon: train on)", hint: .init(key: "space", action: "play"), keys: [character(" ")],
                   action: .togglePlay),
        KeyBinding([.training], "n", "back to the surface view", hint: .init(key: "n", action: "surface"), keys: [character("n")], action: .switchView),
        KeyBinding([.training], ".", "one optimizer step of every optimizer", hint: .init(key: ".", action: "step"), keys: [character(".")], action: .stepForward),
        KeyBinding([.training], "G End", "train on to the epoch horizon at once (a lesson's end)", keys: [character("G"), .end], action: .jumpToEnd),
        KeyBinding([.training], "+ -", "more / fewer steps per frame (1 to \(TrainingState.maximumStepsPerFrame))", hint: .init(key: "+ -", action: "speed"), mappings: [
            .init(key: character("+"), action: .faster), .init(key: character("="), action: .faster),
            .init(key: character("-"), action: .slower), .init(key: character("_"), action: .slower),
        ]),
        KeyBinding([.training], "u d", "learning rate of the selected optimizer ×1.5 / ÷1.5", hint: .init(key: "u d", action: "lr"), mappings: [
            .init(key: character("u"), action: .scaleLearningRate(up: true)),
            .init(key: character("d"), action: .scaleLearningRate(up: false)),
        ]),
        KeyBinding([.training], "b B", "minibatch size of the selected optimizer ÷2 / ×2 (full batch: gradient descent)", hint: .init(key: "b B", action: "batch"),
                   mappings: [.init(key: character("b"), action: .scaleBatch(up: false)),
                              .init(key: character("B"), action: .scaleBatch(up: true))]),
        KeyBinding([.training], "Tab", "select the next optimizer", hint: .init(key: "Tab", action: "select"), keys: [.tab], action: .selectNext),
        KeyBinding([.training], "v", "next panel: curves, walk with SGD, decision boundary", hint: .init(key: "v", action: "panel"), keys: [character("v")],
                   action: .nextPanel),
        KeyBinding([.training], "s", "decision boundaries: the selected optimizer's, large / every optimizer's, small", keys: [character("s")],
                   action: .toggleBoundaryLayout),

        // The spec editor (e, E, a): other keys type
        KeyBinding([.editor], "Enter", "apply the spec (an error is shown in the line; nothing applied)", keys: [.enter], action: .editorSubmit),
        KeyBinding([.editor], "Esc", "close the editor, nothing applied", keys: [.escape], action: .editorCancel),
        KeyBinding([.editor], "← →", "move the cursor", mappings: [
            .init(key: .left, action: .editorMove(-1)), .init(key: .right, action: .editorMove(1)),
        ]),
        KeyBinding([.editor], "Home End", "to the start / end of the line", mappings: [
            .init(key: .home, action: .editorHome), .init(key: .ctrl("a"), action: .editorHome),
            .init(key: .end, action: .editorEnd), .init(key: .ctrl("e"), action: .editorEnd),
        ]),
        KeyBinding([.editor], "Backspace Del", "delete before / under the cursor", mappings: [
            .init(key: .backspace, action: .editorBackspace), .init(key: .delete, action: .editorDelete),
        ]),
    ]

    /// What the mouse does on the surface (shown in its help after the keys).
    public static let mouseHelp: [(label: String, summary: String)] = [
        ("click", "start every run from the point clicked"),
        ("move", "readout of x, y, f, ∇f under the pointer"),
        ("wheel", "zoom in / out about the pointer"),
    ]

    /// The rows of `context` (in table order), then the global rows whose keys it does not bind
    /// itself: what its help lists. The editor takes no global rows (its keys type), only its own.
    public static func bindings(in context: KeyContext) -> [KeyBinding] {
        let own = bindings.filter { $0.contexts.contains(context) && context != .global }
        if context == .editor { return own }
        let ownKeys = Set(own.flatMap { $0.mappings.map(\.key) })
        let global = bindings.filter { $0.contexts.contains(.global) && !$0.mappings.contains { ownKeys.contains($0.key) } }
        return own + global
    }

    private static let tables: [KeyContext: [Key: Action]] = {
        var tables: [KeyContext: [Key: Action]] = [:]
        for context in KeyContext.allCases {
            var table: [Key: Action] = [:]
            for binding in bindings(in: context).reversed() {
                for mapping in binding.mappings { table[mapping.key] = mapping.action }
            }
            tables[context] = table
        }
        return tables
    }()

    /// The action of `key` on a screen of `context` (its own rows first, then the global ones);
    /// nil for keys that do nothing there.
    public static func action(for key: Key, in context: KeyContext) -> Action? {
        if let action = tables[context]?[key] { return action }
        if context == .editor, case .character(let c) = key { return .editorInsert(c) }
        return nil
    }

    /// The key hints of the status line of `context`, in table order; `q` is hinted as going
    /// back to the lessons on a lesson opened from the list (`backToList`), else as quitting.
    public static func hints(in context: KeyContext, backToList: Bool = false) -> [StatusBar.Hint] {
        bindings(in: context).compactMap { binding in
            guard let hint = binding.hint else { return nil }
            return backToList && binding.mappings.first?.action == .back
                ? StatusBar.Hint(key: hint.key, action: "lessons", isEssential: true) : hint
        }
    }
}
