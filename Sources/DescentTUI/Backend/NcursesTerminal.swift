import CNcursesw
import DescentRender
import Foundation

/// Why a full-screen session could not start.
public enum TerminalError: Error, Equatable, Sendable {
    /// Standard input or output is not a terminal.
    case notATerminal
    /// ncurses could not set up the terminal named by `TERM` (unknown terminfo entry, ...).
    case cannotInitialize(term: String)
}

/// The full-screen terminal, driven by ncursesw; the only place that draws or reads keys.
///
/// Life cycle: ``start()`` enters curses mode, ``present(_:)`` draws frames, ``readEvent(timeoutMilliseconds:)``
/// waits for input, ``stop()`` (also run by `deinit`, by `atexit` and, as a last resort, by a
/// second SIGINT/SIGTERM/SIGHUP/SIGQUIT, or a crash — see ``SignalTrap``) restores the terminal. Input mode is
/// `cbreak` (not `raw`): the terminal keeps ISIG, so Ctrl-C raises SIGINT, which the trap turns
/// into ``InputEvent/signal(_:)``, and Ctrl-Z suspends through ncurses' own SIGTSTP handler, which
/// leaves and re-enters curses mode around the stop.
///
/// All calls must come from one thread (ncurses is not thread-safe); the type is not `Sendable`.
public final class NcursesTerminal {
    /// The colour depth frames are drawn with (may drop if the terminal runs out of colour pairs).
    public private(set) var colorDepth: ColorDepth = .none
    /// Whether the locale's codeset is UTF-8 after `setlocale(LC_ALL, "")`: braille and block
    /// glyphs need it; otherwise the app should use its ASCII fallback.
    public private(set) var supportsUnicode = false
    /// Whether the terminal is in curses mode.
    public private(set) var isActive = false

    private let environment: [String: String]
    private var screen: OpaquePointer?
    private var colorCount = 0
    private var defaultColorNumbers: (foreground: Int32, background: Int32) = (7, 0)
    private var pairs = ColorPairTable(capacity: 0)
    /// Quantises (and dithers heatmap colours) to ``colorDepth``, caching across frames.
    private var quantizer = ColorQuantizer(depth: .none)
    private var previous: CellBuffer?

    private static let registerAtExitRestore: Void = { _ = cn_register_atexit_restore() }()

    /// The richest colour depth frames may use (`descent play --color 8` or `256`); the
    /// environment and the terminal can only lower it.
    private let colorDepthLimit: ColorDepth

    /// A terminal that will read its colour preferences (`NO_COLOR`, `COLORTERM`, `TERM`) from
    /// `environment`, drawing with at most `colorDepthLimit`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                colorDepthLimit: ColorDepth = .truecolor) {
        self.environment = environment
        self.colorDepthLimit = colorDepthLimit
    }

    deinit { stop() }

    /// Enters curses mode: locale from the environment, signal trap, `cbreak` without flow
    /// control (Ctrl-S reaches the app as a key instead of freezing the output), `noecho`, keypad,
    /// hidden cursor, colours with the terminal's defaults, mouse press/release reporting (and
    /// motion where the terminal reports it). Does nothing if already active.
    public func start() throws(TerminalError) {
        guard !isActive else { return }
        guard TerminalEnvironment.isInteractive else { throw .notATerminal }
        setlocale(LC_ALL, "")
        supportsUnicode = String(cString: cn_codeset()) == "UTF-8"
        SignalTrap.install()
        if screen == nil {
            // 24-bit colour under a palette TERM: a direct-colour entry (see TerminalEnvironment).
            let direct = colorDepthLimit == .truecolor ? TerminalEnvironment.directColorTerminal(environment: environment) : nil
            screen = direct.flatMap { newterm($0, cn_stdout(), cn_stdin()) } ?? newterm(nil, cn_stdout(), cn_stdin())
            guard screen != nil else {
                SignalTrap.remove()
                throw .cannotInitialize(term: environment["TERM"] ?? "")
            }
            Self.registerAtExitRestore
        }
        isActive = true
        cbreak()
        cn_disable_flow_control()
        noecho()
        keypad(cn_stdscr(), true)
        for (sequence, code) in Self.extraKeySequences { _ = define_key(sequence, code) }
        curs_set(0)
        leaveok(cn_stdscr(), true)
        set_escdelay(25)
        setUpColors()
        mousemask(cn_BUTTON1_PRESSED() | cn_BUTTON1_RELEASED() | cn_BUTTON2_PRESSED() | cn_BUTTON2_RELEASED()
                  | cn_BUTTON3_PRESSED() | cn_BUTTON3_RELEASED() | cn_BUTTON4_PRESSED() | cn_BUTTON5_PRESSED()
                  | cn_REPORT_MOUSE_POSITION(), nil)
        mouseinterval(0)
        invalidate()
    }

    /// Leaves curses mode (`endwin`), restoring echo, line mode and the cursor, and puts back the
    /// previous signal handlers. Safe to call any number of times.
    public func stop() {
        guard isActive else { return }
        isActive = false
        cn_restore_terminal()
        SignalTrap.remove()
    }

    /// The terminal size in cells (columns, rows); (0, 0) when not active.
    public func size() -> (width: Int, height: Int) {
        guard isActive else { return (0, 0) }
        return (Int(cn_COLS()), Int(cn_LINES()))
    }

    /// Forgets what is on screen, so the next ``present(_:)`` clears and redraws everything
    /// (after a resize, or for a user-requested repaint).
    public func invalidate() {
        previous = nil
        if isActive { clearok(cn_curscr(), true) }
    }

    /// Draws `buffer` at the top-left corner: only the cells that differ from the previous frame
    /// (all of them after ``invalidate()`` or a size change), then one `doupdate`.
    ///
    /// Colours are quantised to ``colorDepth`` and drawn through colour pairs from
    /// `alloc_pair`. If a frame needs a pair the terminal cannot give, all pairs are freed and
    /// the whole frame is redrawn; if it still does not fit, ``colorDepth`` drops a level
    /// (truecolor → 256 → 8 → none) until it does.
    public func present(_ buffer: CellBuffer) {
        guard isActive else { return }
        if previous.map({ $0.width != buffer.width || $0.height != buffer.height }) ?? false { invalidate() }
        var startedWithFreshPairs = pairs.isEmpty
        while !draw(buffer) {
            if startedWithFreshPairs { colorDepth = CursesColor.degraded(colorDepth, colors: colorCount) }
            pairs.reset()
            invalidate()
            startedWithFreshPairs = true
        }
        previous = buffer
        wnoutrefresh(cn_stdscr())
        doupdate()
    }

    /// Waits up to `timeoutMilliseconds` (negative: forever) for one input and decodes it.
    /// Returns nil on timeout or for input that means nothing here, `.signal` as soon as a
    /// trapped signal is pending, and `.resize` (after invalidating the screen) when the terminal
    /// changed size.
    public func readEvent(timeoutMilliseconds: Int32) -> InputEvent? {
        guard isActive else { return nil }
        if let signal = SignalTrap.takePending() { return .signal(signal) }
        wtimeout(cn_stdscr(), timeoutMilliseconds)
        var code: wint_t = 0
        let status = wget_wch(cn_stdscr(), &code)
        if let signal = SignalTrap.takePending() { return .signal(signal) }
        switch status {
        case OK: return Key(characterCode: UInt32(code)).map(InputEvent.key)
        case KEY_CODE_YES: return functionKeyEvent(Int32(bitPattern: UInt32(code)))
        default: return nil
        }
    }

    // MARK: - Drawing

    private func setUpColors() {
        var hasColors = false
        if has_colors() {
            hasColors = start_color() == OK
            if use_default_colors() == OK { defaultColorNumbers = (-1, -1) }
        }
        colorCount = hasColors ? Int(cn_COLORS()) : 0
        let requested = min(ColorDepth.detect(environment: environment, colorsReported: colorCount), colorDepthLimit)
        colorDepth = CursesColor.depth(requested: requested, colors: colorCount, hasColors: hasColors)
        pairs = ColorPairTable(capacity: hasColors ? Int(cn_COLOR_PAIRS()) - 1 : 0)
    }

    /// Draws the cells of `buffer` that changed; false if a colour pair was unavailable.
    private func draw(_ buffer: CellBuffer) -> Bool {
        let window = cn_stdscr()
        let old = previous
        if old == nil { werase(window) }
        let rows = min(buffer.height, Int(cn_LINES())), columns = min(buffer.width, Int(cn_COLS()))
        for y in 0..<rows {
            for x in 0..<columns {
                let cell = buffer[x, y]
                // A dithered colour depends on its block partner's cell too (see ColorQuantizer).
                let partner = ColorQuantizer.blockPartner(ofColumn: x)
                if let old, old[x, y] == cell, old[partner, y] == buffer[partner, y] { continue }
                guard var pair = pairNumber(in: buffer, x: x, y: y) else { return false }
                var character = cchar_t()
                var text: [wchar_t] = [wchar_t(bitPattern: Self.drawableScalar(cell.scalar).value), 0]
                setcchar(&character, &text, attributes(cell.style.attributes), 0, &pair)
                mvwadd_wch(window, Int32(y), Int32(x), &character)
            }
        }
        return true
    }

    private func pairNumber(in buffer: CellBuffer, x: Int, y: Int) -> Int32? {
        guard colorDepth != .none else { return 0 }
        if quantizer.depth != colorDepth { quantizer = ColorQuantizer(depth: colorDepth) }
        let colors = quantizer.colors(in: buffer, x: x, y: y)
        let foreground = CursesColor.number(for: colors.foreground, defaultNumber: defaultColorNumbers.foreground)
        let background = CursesColor.number(for: colors.background, defaultNumber: defaultColorNumbers.background)
        return pairs.pair(foreground: foreground, background: background)
    }

    private func attributes(_ cellAttributes: CellAttributes) -> attr_t {
        var result = cn_A_NORMAL()
        if cellAttributes.contains(.bold) { result |= cn_A_BOLD() }
        if cellAttributes.contains(.dim) { result |= cn_A_DIM() }
        if cellAttributes.contains(.reverse) { result |= cn_A_REVERSE() }
        if cellAttributes.contains(.underline) { result |= cn_A_UNDERLINE() }
        return result
    }

    /// `scalar` if it occupies exactly one column; `?` for wide or zero-width scalars and a space
    /// for control characters, which would otherwise shift or break the grid.
    private static func drawableScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) { return " " }
        return cn_wcwidth(wchar_t(bitPattern: scalar.value)) == 1 ? scalar : "?"
    }

    // MARK: - Input

    /// Key sequences decoded whatever the terminfo entry says. Terminals and multiplexers send
    /// Home/End and the arrows in several forms — xterm `ESC O H`/`ESC [ H`, tmux and screen
    /// `ESC [ 1 ~`/`ESC [ 4 ~`, rxvt `ESC [ 7 ~`/`ESC [ 8 ~` — and `TERM` often names another
    /// terminal than the one sending (tmux with `TERM=xterm-256color`, or the direct-colour entry
    /// chosen for 24-bit colour). Without these, ncurses would pass an unknown sequence on as
    /// Esc, `[`, `4`, `~`: back, then hide optimizer 4.
    static let extraKeySequences: [(String, Int32)] = [
        ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
        ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
        ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE), ("\u{1B}[2~", KEY_IC), ("\u{1B}[3~", KEY_DC),
        ("\u{1B}[A", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}[C", KEY_RIGHT), ("\u{1B}[D", KEY_LEFT),
        ("\u{1B}OA", KEY_UP), ("\u{1B}OB", KEY_DOWN), ("\u{1B}OC", KEY_RIGHT), ("\u{1B}OD", KEY_LEFT),
        ("\u{1B}[Z", KEY_BTAB),
    ]

    private func functionKeyEvent(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE:
            invalidate()
            let (width, height) = size()
            return .resize(width: width, height: height)
        case KEY_MOUSE:
            return mouseEvent()
        default:
            return Self.functionKey(code).map(InputEvent.key)
        }
    }

    private static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_IC: return .insert
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case cn_KEY_F(1)...cn_KEY_F(63): return .function(Int(code - cn_KEY_F(0)))
        default: return nil
        }
    }

    private func mouseEvent() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let state = event.bstate
        let buttons: [(mmask_t, MouseButton)] = [
            (cn_BUTTON1_PRESSED(), .left), (cn_BUTTON2_PRESSED(), .middle), (cn_BUTTON3_PRESSED(), .right),
            (cn_BUTTON4_PRESSED(), .scrollUp), (cn_BUTTON5_PRESSED(), .scrollDown),
            (cn_BUTTON1_RELEASED() | cn_BUTTON2_RELEASED() | cn_BUTTON3_RELEASED(), .release),
            (cn_REPORT_MOUSE_POSITION(), .drag),
        ]
        guard let button = buttons.first(where: { state & $0.0 != 0 })?.1 else { return nil }
        return .mouse(x: Int(event.x), y: Int(event.y), button: button)
    }
}
