import DescentCore
import DescentRender

/// The one-line spec editor of the surface and training views: `e` and `E` open it on the
/// selected optimizer's spec in force, `a` on an empty line. A value: the text, the cursor and
/// the error of the last Enter (shown in the line; nothing is applied until the spec is valid).
public struct SpecEditor: Equatable, Sendable {
    /// What Enter does with the spec.
    public enum Purpose: Equatable, Sendable {
        /// `e`: the selected optimizer from the shown step on (the history before it is kept).
        case applyFromNow
        /// `E`: the selected optimizer, its run restarted from the start.
        case restart
        /// `a`: a new optimizer, from the start.
        case add
    }

    /// What an editing action leads to.
    public enum Outcome: Equatable, Sendable {
        case editing
        case cancelled
        /// Enter, with the text typed.
        case submitted(String)
    }

    public let purpose: Purpose
    /// The text, one Unicode scalar per cell (no control characters).
    public private(set) var scalars: [Unicode.Scalar]
    /// 0…scalars.count: the insertion point.
    public private(set) var cursor: Int
    /// Why the last Enter was refused (sanitised, one line), until the next edit.
    public var error: String?

    /// An editor on `text` with the cursor at its end.
    public init(purpose: Purpose, text: String = "") {
        self.purpose = purpose
        scalars = Array(text.unicodeScalars.prefix(Limits.specLength))
        cursor = scalars.count
    }

    public var text: String { String(String.UnicodeScalarView(scalars)) }

    /// The prompt before the text.
    public var prompt: String {
        switch purpose {
        case .applyFromNow: "edit (Enter: from this step) ▸ "
        case .restart: "edit (Enter: restart) ▸ "
        case .add: "add optimizer ▸ "
        }
    }

    /// The line as drawn in place of the status line (the prompt folded for ASCII glyphs; an
    /// error marked ✖).
    public func line(glyphs: Glyphs) -> EditLine {
        EditLine(prompt: AsciiText.fold(prompt, for: glyphs), text: text, cursor: cursor,
                 error: error.map { AsciiText.fold("✖ " + $0, for: glyphs) })
    }

    /// Applies an editor action (``Action/editorInsert(_:)`` and the other editor cases).
    public mutating func apply(_ action: Action) -> Outcome {
        switch action {
        case .editorInsert(let character):
            let typed = character.unicodeScalars.filter { !Sanitizer.isUnsafe($0) }
            guard scalars.count + typed.count <= Limits.specLength else {
                error = "a spec has at most \(Limits.specLength) characters (the limit)"
                return .editing
            }
            scalars.insert(contentsOf: typed, at: cursor)
            cursor += typed.count
        case .editorBackspace:
            guard cursor > 0 else { return .editing }
            scalars.remove(at: cursor - 1)
            cursor -= 1
        case .editorDelete:
            guard cursor < scalars.count else { return .editing }
            scalars.remove(at: cursor)
        case .editorMove(let offset): cursor = min(max(cursor + offset, 0), scalars.count)
        case .editorHome: cursor = 0
        case .editorEnd: cursor = scalars.count
        case .editorCancel: return .cancelled
        case .editorSubmit: return .submitted(text)
        default: return .editing
        }
        error = nil
        return .editing
    }
}

extension SpecEditor {
    /// The optimizer of `text` from `registry` (seeded with `seed`), checked against `schedule`
    /// (momentum cycling) and, when given, the `oracle` it will step on (Hogwild! needs a finite
    /// sum's samples), or the one-line reason it cannot be: the command line's checks.
    static func build(_ text: String, registry: Registry, seed: UInt64, schedule: any Schedule,
                      oracle: GradientOracle? = nil) -> Result<ConfiguredOptimizer, SpecEditorError> {
        do {
            let configured = try registry.optimizer(text, seed: seed)
            try schedule.checkMomentum(of: configured.optimizer, name: configured.configuration.name)
            if let oracle { try configured.optimizer.checkSamples(of: oracle) }
            return .success(configured)
        } catch {
            return .failure(SpecEditorError(error))
        }
    }
}

/// A screen with the live spec editor (the surface race, the training view): what Enter does
/// for each ``SpecEditor/Purpose``; the editing itself is shared (``editorAction(_:)``).
protocol LiveSpecEditing {
    var editor: SpecEditor? { get set }
    /// Replaces the selected optimizer by the spec `text`, from the shown step on or
    /// (`restart`) from the start; nil when done, else why not (nothing changed).
    mutating func replaceSelected(with text: String, restart: Bool) -> String?
    /// Adds the optimizer of `text`, from the start; nil when done, else why not.
    mutating func add(_ text: String) -> String?
}

extension LiveSpecEditing {
    /// An action while the editor is open: edit, cancel, or apply (an error keeps it open,
    /// shown in its line).
    mutating func editorAction(_ action: Action) {
        guard var editor else { return }
        switch editor.apply(action) {
        case .editing: self.editor = editor
        case .cancelled: self.editor = nil
        case .submitted(let text):
            let problem = switch editor.purpose {
            case .applyFromNow: replaceSelected(with: text, restart: false)
            case .restart: replaceSelected(with: text, restart: true)
            case .add: add(text)
            }
            if let problem {
                editor.error = problem
                self.editor = editor
            } else {
                self.editor = nil
            }
        }
    }
}

/// Why the editor's spec was refused: the registry's message with its column, one line,
/// sanitised for the terminal (as the command line says it, without the option's name).
struct SpecEditorError: Error {
    let message: String

    init(_ error: any Error) {
        let text: String
        if let error = error as? SpecError {
            text = error.column.map { "column \($0): " } .map { $0 + error.message } ?? error.message
        } else {
            text = "\(error)"
        }
        message = Sanitizer.clean(text, maxLength: 200)
    }
}
