import Foundation
import Testing

/// Drives the real `descent play` in a tmux pane: keys in, screen text out.
private final class TmuxSession {
    static var isAvailable: Bool { (try? TmuxSession.tmux(socket: "descent-probe", ["-V"]).status) == 0 }

    let socket: String
    let name = "e2e"
    /// What the test waited for so far, in order: a failure names the step of the journey it
    /// stopped at and the steps before it.
    private(set) var journey: [String] = []

    /// Starts `command` in a detached session of `width` × `height` on a private tmux server.
    init(command: String, width: Int, height: Int) throws {
        socket = "descent-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let result = try Self.tmux(socket: socket, ["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
                                                    "env", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TERM=xterm-256color",
                                                    "sh", "-c", command])
        guard result.status == 0 else { throw TmuxError(message: "tmux new-session failed: \(result.output)") }
    }

    deinit {
        _ = try? Self.tmux(socket: socket, ["kill-server"])
    }

    struct TmuxError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Runs `tmux -L socket ARGUMENTS` and returns its status and output.
    @discardableResult
    static func tmux(socket: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try spawn(["tmux", "-L", socket, "-f", "/dev/null"] + arguments)
    }

    /// Runs `argv` (looked up on PATH), waits for it, and returns its status and output.
    ///
    /// Spawned with `posix_spawn` and reaped with `waitpid`, not with Foundation's `Process`:
    /// `tmux new-session` forks the tmux server, which inherits the client's descriptors, and
    /// `Process` on Linux learns of an exit through a socket the server would keep open forever.
    /// For the same reason the output goes to a file rather than a pipe.
    @discardableResult
    static func spawn(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("descent-spawn-\(getpid())-\(UInt64.random(in: 0...UInt64.max))").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = arguments.map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv + [nil], environ)
        guard spawned == 0 else {
            throw TmuxError(message: "cannot run \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : -1, output)
    }

    func send(_ keys: String...) throws { try send(contentsOf: keys) }
    func send(contentsOf keys: [String]) throws { try Self.tmux(socket: socket, ["send-keys", "-t", name] + keys) }

    func resize(width: Int, height: Int) throws {
        try Self.tmux(socket: socket, ["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    func capture() -> String { (try? Self.tmux(socket: socket, ["capture-pane", "-p", "-t", name]).output) ?? "" }

    /// The pane with all its scrollback (what scrolled off the top too).
    func captureHistory() -> String {
        (try? Self.tmux(socket: socket, ["capture-pane", "-p", "-S", "-", "-t", name]).output) ?? ""
    }

    /// The pane with its colours and attributes as escape sequences (`capture-pane -e`).
    func captureWithEscapes() -> String {
        (try? Self.tmux(socket: socket, ["capture-pane", "-e", "-p", "-t", name]).output) ?? ""
    }

    /// Polls the pane until `predicate` holds (or 15 s pass); returns the last capture. A
    /// timeout is recorded, and thrown, with the step of the journey (`what`, numbered), the
    /// steps that passed before it and the pane.
    @discardableResult
    func waitFor(_ what: String, _ predicate: (String) -> Bool) throws -> String {
        journey.append(what)
        let deadline = Date().addingTimeInterval(15)
        var screen = capture()
        while !predicate(screen) {
            guard Date() < deadline else {
                let passed = journey.dropLast().enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "; ")
                let message = "step \(journey.count) of the journey failed: timed out waiting for \(what) "
                    + "(passed: \(passed.isEmpty ? "none" : passed)); the pane shows:\n\(screen)"
                Issue.record(Comment(rawValue: message))
                throw TmuxError(message: message)
            }
            Thread.sleep(forTimeInterval: 0.05)
            screen = capture()
        }
        return screen
    }

    /// Like ``waitFor(_:_:)``, but returns only a screen that has settled: the same capture 150 ms
    /// later. A capture can land between the writes of one frame (under load tmux may have applied
    /// the new "paused" but not yet the new step number); reading a number off such a screen would
    /// make the next expectation wait for the wrong step.
    @discardableResult
    func waitForSettled(_ what: String, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(15)
        var screen = try waitFor(what, predicate)
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 0.15)
            let again = try waitFor(what, predicate)
            if again == screen { return screen }
            screen = again
        }
        Issue.record("\(what) never settled; the pane shows:\n\(screen)")
        throw TmuxError(message: "timeout")
    }

    /// The number after "step " in the status line (the last non-empty line).
    static func shownStep(_ screen: String) -> Int? {
        guard let status = screen.split(separator: "\n").last(where: { $0.contains("step ") }),
              let range = status.range(of: "step ") else { return nil }
        return Int(status[range.upperBound...].prefix { $0.isNumber })
    }
}

/// `descent ARGUMENTS` in a tmux pane, wrapped so the terminal settings before and after the run
/// are saved and the shell prints `descent-exited STATUS` when it returns. A watchdog kills
/// descent after 120 s, so a test killed halfway (or a descent stuck after its tmux server
/// went) never leaks a descent process. (Not
/// `timeout 120`: to let descent read the terminal, timeout would have to stay in its process
/// group (`--foreground`), and then it passes every Ctrl-C or Ctrl-\ typed in the pane on to
/// descent a second time.)
private struct PlaySession {
    let session: TmuxSession
    let scratch: URL

    /// `arguments` run in `directory` (default: the test's own working directory); `environment`:
    /// `NAME=value` words put before the command (e.g. `COLORTERM=truecolor`).
    init(_ arguments: String, width: Int = 120, height: Int = 40, directory: String? = nil, environment: String = "") throws {
        let binary = DescentProcess.executable.path
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("descent-e2e-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let before = scratch.appendingPathComponent("stty-before").path
        let after = scratch.appendingPathComponent("stty-after").path
        // The wrapper shell shares descent's process group, so a Ctrl-C or Ctrl-\ typed in the pane
        // reaches it too: it traps SIGINT and SIGQUIT (a trap, unlike an ignored signal, is reset
        // for descent).
        // The watchdog ignores the hangup of a killed tmux server and finds descent while the shell
        // is still its parent; 120 s later it kills it if it is still there (and still descent).
        let watchdog = "(trap '' HUP; for i in 1 2 3 4 5 6 7 8 9 10; do pid=$(pgrep -P $$ -x descent) && break; sleep 0.5; done; "
            + "sleep 120; [ \"$(cat /proc/$pid/comm 2>/dev/null)\" = descent ] && kill -KILL $pid) </dev/null >/dev/null 2>&1 & "
        let command = (directory.map { "cd '\($0)'; " } ?? "") + "trap true INT QUIT; stty -a > \(before); " + watchdog
            + "\(environment) '\(binary)' \(arguments); status=$?; stty -a > \(after); echo descent-exited $status; sleep 60"
        session = try TmuxSession(command: command, width: width, height: height)
    }

    /// Waits for the shell's line after descent returned; checks the terminal settings are back
    /// to what they were and the alternate screen is gone. Returns descent's exit status.
    func expectRestoredTerminal() throws -> Int? {
        let screen = try session.waitFor("the shell after quitting") { $0.contains("descent-exited") }
        #expect(!screen.contains("paused"))  // the alternate screen is gone
        let sttyBefore = try String(contentsOf: scratch.appendingPathComponent("stty-before"), encoding: .utf8)
        let sttyAfter = try String(contentsOf: scratch.appendingPathComponent("stty-after"), encoding: .utf8)
        #expect(sttyBefore == sttyAfter)
        let flags = Set(sttyAfter.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "\n" }))
        #expect(flags.contains("echo") && flags.contains("icanon") && flags.contains("ixon"))
        let line = screen.split(separator: "\n").first { $0.contains("descent-exited") } ?? ""
        return Int(line.split(separator: " ").last ?? "")
    }

    /// Checks the pane and its scrollback for what a terminal left in a bad state shows: the
    /// picture (the alternate screen still up) or escape sequences printed as text.
    func expectNoScreenLeftovers() {
        let history = session.captureHistory()
        #expect(!history.contains("\u{1b}"), "a raw escape character on screen:\n\(history)")
        // The Swift runtime's crash report follows on the restored terminal and may dump memory
        // whose printable bytes spell anything, `[?1049l` from the output buffer included: the
        // picture's leftovers are looked for before it.
        let beforeReport = history.range(of: "Program crashed").map { String(history[..<$0.lowerBound]) } ?? history
        #expect(!beforeReport.contains("Leaderboard") && !beforeReport.contains("paused"), "the picture is still there:\n\(history)")
        for garbage in ["^[", "[?1049", "[?25", "[?1000", "[?1006"] {
            #expect(!beforeReport.contains(garbage), "escape garbage \(garbage.debugDescription) on screen:\n\(history)")
        }
    }

    /// Sends `signal` to the descent process (the child of the pane's shell).
    func kill(_ signal: String) throws {
        let panePid = try TmuxSession.tmux(socket: session.socket, ["list-panes", "-t", session.name, "-F", "#{pane_pid}"])
            .output.trimmingCharacters(in: .whitespacesAndNewlines)
        let result = try TmuxSession.spawn(["pkill", "-\(signal)", "-P", panePid, "-x", "descent"])
        #expect(result.status == 0, "pkill: \(result.output)")
    }

    func cleanUp() { try? FileManager.default.removeItem(at: scratch) }
}

/// The repository's `scenes/` folder, which the lesson-list journeys open.
private let scenesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scenes").path

@Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed (CI installs it)"))
func playInARealTerminal() throws {
    let play = try PlaySession("play --steps 100000")
    defer { play.cleanUp() }
    let session = play.session

    var screen = try session.waitFor("the first frame") { $0.contains("paused") && $0.contains("step 0/100000") }
    #expect(screen.contains("sgd(lr=0.001)"))
    #expect(screen.contains("Leaderboard"))

    try session.send("Space")
    screen = try session.waitFor("playback") { $0.contains("playing") && (TmuxSession.shownStep($0) ?? 0) > 0 }
    try session.send("Space")
    screen = try session.waitForSettled("pause") { $0.contains("paused") }
    let paused = try #require(TmuxSession.shownStep(screen))
    #expect(paused > 0)

    try session.send(".")
    try session.waitFor("one step forward") { TmuxSession.shownStep($0) == paused + 1 }
    try session.send(",")
    try session.send(",")
    try session.waitFor("two steps back") { TmuxSession.shownStep($0) == paused - 1 }

    try session.send("?")
    screen = try session.waitFor("the help overlay") { $0.contains("Keys") && $0.contains("one step back") }
    #expect(screen.contains("hide / show optimizer n"))
    try session.send("?")
    try session.waitFor("the help to close") { !$0.contains("one step back") }

    try session.resize(width: 70, height: 34)
    screen = try session.waitFor("the stacked layout") { s in
        let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.count >= 34 && lines.allSatisfy { $0.count <= 70 } && s.contains("loss f(x)") && s.contains("paused")
    }
    try session.resize(width: 30, height: 8)
    try session.waitFor("the enlarge message") { $0.contains("enlarge") }
    try session.resize(width: 120, height: 40)
    try session.waitFor("the full layout again") { $0.contains("Leaderboard") && $0.contains("paused") }

    try session.send("q")
    #expect(try play.expectRestoredTerminal() == 0)
}

/// The live spec editor in a real terminal: `e` on adam at step 20, its rate edited, Enter; the
/// legend shows the new spec and the screen one step before the edit is as it was (the trail,
/// the arrows, the charts: only the spec's text changed).
@Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed (CI installs it)"))
func editingASpecLiveKeepsTheTrailBefore() throws {
    let play = try PlaySession("play 'adam(lr=0.05)' 'sgd(lr=0.002)' --steps 100")
    defer { play.cleanUp() }
    let session = play.session
    try session.waitFor("the first frame") { $0.contains("paused") && TmuxSession.shownStep($0) == 0 }
    try session.send(contentsOf: Array(repeating: ".", count: 20) + [","])
    let before = try session.waitFor("step 19") { TmuxSession.shownStep($0) == 19 }
    #expect(before.contains("adam(lr=0.05)"))
    try session.send(".")
    try session.waitFor("step 20") { TmuxSession.shownStep($0) == 20 }
    try session.send("e")
    try session.waitFor("the editor") { $0.contains("edit (Enter: from this step) ▸ adam(lr=0.05)") }
    try session.send("BSpace", "BSpace", "BSpace", "0", "2", ")")
    try session.waitFor("the edited spec") { $0.contains("▸ adam(lr=0.02)") }
    try session.send("Enter")
    let edited = try session.waitFor("the new spec in the legend") { !$0.contains("edit (Enter") && $0.contains("adam(lr=0.02)") }
    #expect(TmuxSession.shownStep(edited) == 20)
    #expect(!edited.contains("adam(lr=0.05)"))
    try session.send(",")
    let after = try session.waitFor("step 19 again") { TmuxSession.shownStep($0) == 19 }
    #expect(after.replacingOccurrences(of: "adam(lr=0.02)", with: "adam(lr=0.05)") == before)
    try session.send("q")
    #expect(try play.expectRestoredTerminal() == 0)
}

@Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed (CI installs it)"),
      arguments: [("TERM", SIGTERM), ("INT", SIGINT), ("HUP", SIGHUP), ("QUIT", SIGQUIT)])
/// Quitting signals end the program through its normal path: the status is 128 + signal and the
/// terminal is as it was.
func signalsRestoreTheTerminal(signal: String, number: Int32) throws {
    let play = try PlaySession("play --autoplay --steps 100000")
    defer { play.cleanUp() }
    try play.session.waitFor("playback") { $0.contains("playing") }
    try play.kill(signal)
    let status = try play.expectRestoredTerminal()
    #expect(status == Int(128 + number))
}

/// Ctrl-S does not freeze the view (flow control is off), and Ctrl-\ (SIGQUIT) restores the
/// terminal and exits with 128 + 3, with nothing from the runtime's backtracer on screen.
@Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed (CI installs it)"))
func ctrlSDoesNotFreezeAndCtrlBackslashQuits() throws {
    let play = try PlaySession("play")
    defer { play.cleanUp() }
    try play.session.waitFor("the first frame") { $0.contains("paused") && TmuxSession.shownStep($0) == 0 }
    try play.session.send("C-s")
    try play.session.send(".")
    try play.session.waitFor("a step after Ctrl-S") { TmuxSession.shownStep($0) == 1 }
    try play.session.send("C-q")
    try play.session.send("C-\\")
    let status = try play.expectRestoredTerminal()
    #expect(status == Int(128 + SIGQUIT))
    #expect(!play.session.capture().contains("Backtrace"))
}

@Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed (CI installs it)"))
func ctrlCQuitsAndRestoresTheTerminal() throws {
    let play = try PlaySession("play")
    defer { play.cleanUp() }
    try play.session.waitFor("the first frame") { $0.contains("paused") }
    try play.session.send("C-c")
    #expect(try play.expectRestoredTerminal() == Int(128 + SIGINT))  // Ctrl-C is SIGINT
}

@Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed (CI installs it)"))
func thePickerOpensAScene() throws {
    let scenes = scenesFolder
    let play = try PlaySession("play --pick --scenes '\(scenes)'")
    defer { play.cleanUp() }
    try play.session.waitFor("the picker") { $0.contains("choose a lesson") && $0.contains("The default race") }
    try play.session.waitFor("the long valley in the list") { $0.contains("The long valley") }
    try play.session.selectInList("The long valley")
    try play.session.send("Enter")
    try play.session.waitFor("the scene") { $0.contains("The long valley") && $0.contains("paused") && $0.contains("step 0/") }
    try play.session.send("q")
    try play.session.waitFor("the list again") { $0.contains("choose a lesson") }
    try play.session.send("q")
    #expect(try play.expectRestoredTerminal() == 0)
}

/// The lesson journey of issue 9: list → lesson → q → list (same entry selected) → ] → the next
/// lesson → n training view → n back → q → list → q quits, the terminal restored.
@Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed (CI installs it)"))
func lessonsCanBeLeftAndMovedBetween() throws {
    let scenes = scenesFolder
    let play = try PlaySession("play --pick --scenes '\(scenes)'")
    defer { play.cleanUp() }
    let session = play.session
    try session.waitFor("the lesson list") { $0.contains("choose a lesson") && $0.contains("The long valley") }
    try session.selectInList("The long valley")
    let titles = session.listTitles()
    let next = try #require(titles.firstIndex { $0.contains("The long valley") }.map { titles[$0 + 1] })
    try session.send("Enter")
    try session.waitFor("the lesson") { $0.contains("The long valley") && $0.contains("step 0/") }
    try session.send(".")
    try session.waitFor("a step") { TmuxSession.shownStep($0) == 1 }
    try session.send("q")
    try session.waitFor("the list, the same entry selected") { $0.contains("choose a lesson") && $0.contains("▸ The long valley") }
    try session.send("]")
    try session.waitFor("the next lesson") { !$0.contains("choose a lesson") && $0.contains(next) && $0.contains("step 0/") }
    try session.send("n")
    try session.waitFor("its training view") { $0.contains("validation accuracy") && $0.contains("n surface") }
    try session.send("n")
    try session.waitFor("its surface again") { $0.contains(next) && $0.contains("step 0/") }
    try session.send("q")
    try session.waitFor("the list, the next lesson selected") { $0.contains("choose a lesson") && $0.contains("▸ " + next) }
    try session.send("q")
    #expect(try play.expectRestoredTerminal() == 0)
}

/// A lessons folder with a broken file and two scenes out of file-name order: the list follows
/// `order` and shows the broken file with its FILE:LINE:COLUMN error, which Enter does not open.
@Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed (CI installs it)"))
func theListFollowsOrderAndShowsBrokenLessons() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("descent-lessons-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    func scene(_ title: String, order: Int) -> String {
        "title = \"\(title)\"\ndescription = \"About \(title).\"\norder = \(order)\n[surface]\nname = \"quadratic\"\n"
            + "[run]\nstart = [1, 1]\n[[optimizer]]\nspec = \"sgd(lr=0.1)\"\n"
    }
    try scene("Second lesson", order: 20).write(to: folder.appendingPathComponent("a.toml"), atomically: true, encoding: .utf8)
    try scene("First lesson", order: 10).write(to: folder.appendingPathComponent("b.toml"), atomically: true, encoding: .utf8)
    try "title = \"Broken\"\nsteps = = 3\n".write(to: folder.appendingPathComponent("c.toml"), atomically: true, encoding: .utf8)
    let play = try PlaySession("--scenes '\(folder.path)'")
    defer { play.cleanUp() }
    try play.session.waitFor("the list") { $0.contains("choose a lesson") && $0.contains("Second lesson") }
    #expect(play.session.listTitles().map { $0.replacingOccurrences(of: "✖ ", with: "") } == ["The default race", "First lesson", "Second lesson", "c.toml"])
    try play.session.selectInList("✖ c.toml")
    let screen = try play.session.waitFor("the error") { $0.contains("c.toml:2:9") && $0.contains("TOML syntax") }
    #expect(screen.contains("does not load"))
    try play.session.send("Enter")
    try play.session.waitFor("still the list") { $0.contains("choose a lesson") && $0.contains("! ") }
    try play.session.send("q")
    #expect(try play.expectRestoredTerminal() == 0)
}

/// Started outside the repository, `descent` finds the lessons of the source tree it was built in.
@Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed (CI installs it)"))
func lessonsAreFoundOutsideTheRepository() throws {
    let play = try PlaySession("", directory: FileManager.default.temporaryDirectory.path)
    defer { play.cleanUp() }
    let screen = try play.session.waitFor("the lessons") { $0.contains("choose a lesson") && $0.contains("The long valley") }
    #expect(screen.contains("lessons from /"))
    try play.session.send("q")
    #expect(try play.expectRestoredTerminal() == 0)
}

/// `play --tuned`: the race runs at the rates the search found, and the legend says so; the
/// training view (n) was tuned on its own net and says so too.
@Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed (CI installs it)"))
func playTunedRacesAtTheTunedRates() throws {
    let play = try PlaySession("play --tuned --budget 100 --surface quadratic --start 1,1 --dataset moons --samples 200 --net 2-8-2 --tune-epochs 2 sgd adam")
    defer { play.cleanUp() }
    let screen = try play.session.waitFor("the tuned race") { $0.contains("step 0/") && $0.contains("tuned)") }
    #expect(screen.contains("sgd(lr=") && screen.contains("adam(lr="))
    try play.session.send("n")
    let training = try play.session.waitFor("the tuned training view") { $0.contains("validation accuracy") && $0.contains("step 0") }
    #expect(training.contains("sgd(lr=") && training.contains("adam(lr=") && training.contains("tuned)"), "\(training)")
    try play.session.send("q")
    #expect(try play.expectRestoredTerminal() == 0)
}

/// `train-view --tuned`: the training view of flags at the rates the search on its net found.
@Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed (CI installs it)"))
func trainViewTunedTrainsAtTheTunedRates() throws {
    let play = try PlaySession("train-view --tuned --budget 2 --lr-grid 5 --refine 1 --dataset moons --samples 200 --net 2-8-2 sgd adam")
    defer { play.cleanUp() }
    let screen = try play.session.waitFor("the tuned training view") { $0.contains("validation accuracy") && $0.contains("tuned)") }
    #expect(screen.contains("sgd(lr=") && screen.contains("adam(lr="))
    try play.session.send("q")
    #expect(try play.expectRestoredTerminal() == 0)
}

/// The lesson list shows the default race once: its scene (with captions) takes the place of the
/// uncaptioned entry, and 'A fair race' (tuned when the list loads it) is listed too.
@Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed (CI installs it)"))
func theDefaultRaceIsListedOnce() throws {
    let scenes = scenesFolder
    let play = try PlaySession("play --pick --scenes '\(scenes)'", height: 60)
    defer { play.cleanUp() }
    try play.session.waitFor("the picker") { $0.contains("choose a lesson") && $0.contains("A fair race") }
    let titles = play.session.listTitles()
    #expect(titles.first?.hasPrefix("The default race: six optimizers on Beale") == true, "\(titles)")
    #expect(titles.filter { $0.contains("Beale") || $0.hasPrefix("The default race") }.count == 1, "\(titles)")
    try play.session.send("q")
    #expect(try play.expectRestoredTerminal() == 0)
}

extension TmuxSession {
    /// The titles of the lesson list's rows, top to bottom (as far as the list column shows them).
    func listTitles() -> [String] {
        capture().split(separator: "\n").map(String.init).filter { $0.hasPrefix("  ▸ ") || $0.hasPrefix("    ") }
            .map { String($0.dropFirst(4).prefix(44)).trimmingCharacters(in: .whitespaces) }
            .map { $0.hasSuffix("…") ? String($0.dropLast()) : $0 }  // a title cut to the column
            .filter { !$0.isEmpty }
    }

    /// Moves the list's selection down to the row titled `title`.
    func selectInList(_ title: String) throws {
        let titles = listTitles()
        let index = try #require(titles.firstIndex { $0.contains(title) })
        for _ in 0..<index { try send("j") }
        try waitFor("\(title) selected") { $0.contains("▸ " + title) }
    }
}

@Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed (CI installs it)"))
func trainingViewPlaysAndQuits() throws {
    let play = try PlaySession("train-view --dataset moons --net 2-8-2 --batch 32 sgd 'adam(lr=0.01)'")
    defer { play.cleanUp() }
    try play.session.waitFor("the training view") { $0.contains("validation accuracy") && $0.contains("step 0") }
    try play.session.send("Space")
    try play.session.waitFor("training to advance") { screen in
        guard let range = screen.range(of: "│ step ") else { return false }
        return (Int(screen[range.upperBound...].prefix { $0.isNumber }) ?? 0) > 0
    }
    try play.session.send("q")
    #expect(try play.expectRestoredTerminal() == 0)
}

@Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed (CI installs it)"))
func sShowsEveryOptimizersDecisionBoundaryWhilePlaying() throws {
    let play = try PlaySession("train-view --dataset moons --net 2-8-2 --batch 32 'sgd(lr=0.1)' 'adam(lr=0.01)'")
    defer { play.cleanUp() }
    try play.session.waitFor("the training view") { $0.contains("validation accuracy") && $0.contains("step 0") }
    try play.session.send("v", "v")
    try play.session.waitFor("the selected optimizer's boundary") { $0.contains("decision boundary: sgd(lr=0.1)") && $0.contains("●") }
    try play.session.send("s", "Space")
    try play.session.waitFor("both optimizers' boundaries, small, while playing") { screen in
        screen.contains("> sgd(lr=0.1) acc") && screen.contains("adam(lr=0.01) acc") && screen.contains("playing")
            && !screen.contains("decision boundary:")
    }
    try play.session.send("s")
    try play.session.waitFor("one large boundary again") { $0.contains("decision boundary: sgd(lr=0.1)") && !$0.contains("adam(lr=0.01) acc") }
    try play.session.send("q")
    #expect(try play.expectRestoredTerminal() == 0)
}

@Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed (CI installs it)"))
func nSwitchesBetweenTheSurfaceAndTheTrainingView() throws {
    let play = try PlaySession("play --dataset moons --net 2-8-2 --batch 32 'sgd(lr=0.01)' 'adam(lr=0.05)'")
    defer { play.cleanUp() }
    try play.session.waitFor("the surface view") { $0.contains("step 0/") && $0.contains("n net") }
    try play.session.send(".")
    try play.session.waitFor("one surface step") { TmuxSession.shownStep($0) == 1 }
    try play.session.send("n")
    try play.session.waitFor("the training view") { $0.contains("validation accuracy") && $0.contains("step 0") }
    try play.session.send("b", ".", "v")
    try play.session.waitFor("batch 16, one step and the walk panel") { screen in
        screen.contains("gradient cosine") && screen.contains(" 16") && screen.contains("step 1 ")
    }
    try play.session.send("v")
    try play.session.waitFor("the decision boundary") { $0.contains("decision boundary: sgd(lr=0.01)") && $0.contains("●") }
    try play.session.send("n")
    try play.session.waitFor("the surface view again, at its step") { TmuxSession.shownStep($0) == 1 && $0.contains("n net") }
    try play.session.send("q")
    #expect(try play.expectRestoredTerminal() == 0)
}

@Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed (CI installs it)"))
func aTrainingSceneOpensInTheTrainingView() throws {
    let scene = URL(fileURLWithPath: scenesFolder).appendingPathComponent("training-optimizers.toml").path
    let play = try PlaySession("play '\(scene)'")
    defer { play.cleanUp() }
    try play.session.waitFor("the scene's training view") { $0.contains("SGD, RMSprop and NAdam") && $0.contains("epoch 0/80") }
    try play.session.send("n")
    try play.session.waitFor("the notice that there is no surface") { $0.contains("no surface view here") }
    try play.session.send("Space")
    try play.session.waitFor("training to pause at the caption of epoch 0 or run on") { TmuxSession.shownStep($0).map { $0 > 0 } ?? false }
    try play.session.send("q")
    #expect(try play.expectRestoredTerminal() == 0)
}

/// The terminal most people have: `TERM=xterm-256color` (here inside tmux, which also sends Home
/// and End as `ESC [1~`/`ESC [4~`). With `COLORTERM=truecolor` the screen must hold 24-bit
/// colours, without it palette colours; either way Home/End must do what the help says (End once
/// read as Esc [ 4 ~: back, then hide optimizer 4). `NO_COLOR=` clears a NO_COLOR the test runner
/// may have set.
@Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed (CI installs it)"),
      arguments: [("truecolor", "38;2;", "38;5;"), ("", "38;5;", "38;2;")])
func coloursAndHomeEndUnderXterm256colorInTmux(colorterm: String, shown: String, absent: String) throws {
    let play = try PlaySession("play --steps 200", environment: "NO_COLOR= COLORTERM=\(colorterm)")
    defer { play.cleanUp() }
    let session = play.session
    try session.waitFor("the first frame") { $0.contains("paused") && $0.contains("step 0/200") }
    let colours = session.captureWithEscapes()
    #expect(colours.contains(shown) && !colours.contains(absent), "colours on screen:\n\(colours.prefix(400))")
    for _ in 0..<2 {
        try session.send("End")
        try session.waitFor("End: the horizon") { TmuxSession.shownStep($0) == 200 }
        try session.send("Home")
        try session.waitFor("Home: the start") { TmuxSession.shownStep($0) == 0 }
    }
    try session.send("PPage", "NPage", "Up", "Down", "Left")
    let screen = try session.waitFor("the race still on screen") { $0.contains("paused") }
    #expect(!screen.contains("hidden"))
    #expect(screen.contains("adagrad"))
    try session.send("q")
    #expect(try play.expectRestoredTerminal() == 0)
}

/// A distributed-SGD lesson played to its end in a real terminal: through its pauses, faster,
/// to the horizon and its last caption; `w` hides the worker trails there.
@Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed (CI installs it)"),
      arguments: [("easgd.toml", "Elastic averaging SGD", 400, [100], "weaker pull (α = 0.01)"),
                  ("hogwild.toml", "Hogwild!: lock-free SGD", 300, [30, 70], "Sparse samples keep λ small")])
func aDistributedLessonPlaysToTheEnd(file: String, title: String, horizon: Int, pauses: [Int], lastCaption: String) throws {
    let path = URL(fileURLWithPath: scenesFolder).appendingPathComponent(file).path
    let play = try PlaySession("play --scene '\(path)'")
    defer { play.cleanUp() }
    let session = play.session
    try session.waitFor("the lesson") { $0.contains(title) && $0.contains("step 0/\(horizon)") }
    for pause in pauses {
        try session.send("Space")
        try session.waitFor("the pause at step \(pause)") { $0.contains("paused") && TmuxSession.shownStep($0) == pause }
    }
    try session.send("+", "+", "+", "Space")
    let end = try session.waitFor("the horizon") { $0.contains("paused") && TmuxSession.shownStep($0) == horizon }
    #expect(end.contains(lastCaption))
    try session.send("w")
    try session.waitFor("the worker trails to go") { $0 != end && $0.contains("paused") }
    try session.send("q")
    #expect(try play.expectRestoredTerminal() == 0)
}

/// A plugin that crashes at its first step fails only its run: the legend says `failed`, the
/// status line the reason (its stderr's last line, escaped), the other run goes on, and quitting
/// restores the terminal and leaves no plugin process.
@Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed (CI installs it)"))
func aFailedPluginRunIsShownInTheTerminal() throws {
    let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("descent-plugin-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: pidFile) }
    let play = try PlaySession("play --plugin 'bad=python3 \(PluginCommandTests.faulty) crash \(pidFile)' 'bad(lr=0.01)' 'sgd(lr=0.001)'",
                               width: 160, height: 40)
    defer { play.cleanUp() }
    let session = play.session
    try session.waitFor("the first frame") { $0.contains("paused") && $0.contains("step 0/") }
    try session.send(".")
    let screen = try session.waitFor("the failure") { $0.contains("failed at step 1: plugin exited with status 3") }
    #expect(screen.contains("ZeroDivisionError: \\u{1b}[31mdivision by"), "\(screen)")
    #expect(screen.split(separator: "\n").contains { $0.contains("bad(lr=0.01)") && $0.contains("failed") && $0.contains("@1") }, "\(screen)")
    try session.send(".")
    try session.waitFor("the other run going on") { TmuxSession.shownStep($0) == 2 }
    try session.send("q")
    #expect(try play.expectRestoredTerminal() == 0)
    let pid = try #require(Int32(try String(contentsOfFile: pidFile, encoding: .utf8)))
    #expect(kill(pid, 0) == -1 && errno == ESRCH, "plugin process \(pid) is still there")
}

/// A fatal signal while the TUI runs (as a crash raises it: a bad access, an abort) restores the
/// terminal before anything else prints: the settings are as before, the picture and its escape
/// sequences are gone, and the exit status is 128 + signal (the runtime's report, if any, follows
/// on the restored terminal).
@Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed (CI installs it)"),
      arguments: [("SEGV", SIGSEGV), ("ABRT", SIGABRT), ("BUS", SIGBUS)])
func fatalSignalsRestoreTheTerminalFirst(signal: String, number: Int32) throws {
    let play = try PlaySession("play --autoplay --steps 100000")
    defer { play.cleanUp() }
    try play.session.waitFor("playback") { $0.contains("playing") }
    try play.kill(signal)
    let status = try play.expectRestoredTerminal()
    #expect(status == Int(128 + number))
    play.expectNoScreenLeftovers()
}

/// A Swift runtime error inside the TUI (the test-only trap of `DESCENT_CRASH_ON_KEY=X`, off
/// unless set): its "Fatal error" line, which the runtime prints before it traps, appears on the
/// restored terminal, before the crash report; exit status 128 + SIGILL.
@Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed (CI installs it)"))
func aRuntimeErrorInTheTUIRestoresTheTerminalBeforeItsMessage() throws {
    let play = try PlaySession("play --steps 1000", environment: "DESCENT_CRASH_ON_KEY=X")
    defer { play.cleanUp() }
    try play.session.waitFor("the first frame") { $0.contains("paused") && TmuxSession.shownStep($0) == 0 }
    try play.session.send(".")
    try play.session.waitFor("a step before the crash") { TmuxSession.shownStep($0) == 1 }
    try play.session.send("X")
    let status = try play.expectRestoredTerminal()
    #expect(status == Int(128 + SIGILL))
    play.expectNoScreenLeftovers()
    let history = play.session.captureHistory()
    let message = try #require(history.range(of: "Fatal error: DESCENT_CRASH_ON_KEY"), "the runtime's message is lost:\n\(history)")
    if let report = history.range(of: "Program crashed") { #expect(message.lowerBound < report.lowerBound) }
}
