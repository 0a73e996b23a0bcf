import DescentCore
import TOMLKit

/// The limits of scene files are the program's one table, ``Limits``; the TUI names them so.
public typealias SceneLimits = Limits

/// Turns a parsed TOML table into a ``Scene``, reporting every problem through its reader.
struct SceneValidator {
    var reader: SceneReader
    var registry: Registry
    /// Whether `[[plugin]]` programs may start.
    var plugins: ScenePluginPolicy
    /// The names of the plugins that were refused (already reported): specs naming them are not
    /// reported again as unknown.
    var refusedPlugins: [String] = []

    static let topKeys = ["title", "description", "order", "surface", "data", "run", "noise", "cloud", "optimizer", "notes", "training", "rule", "plugin", "tune"]
    static let runKeys = ["start", "steps", "tolerance", "speed", "layout", "seed", "schedule"]

    /// The scene, or nil when something required could not be read (the reader holds why).
    mutating func scene(from root: TOMLTable) -> Scene? {
        reader.checkKeys(root, at: "", allowed: Self.topKeys)
        let title = text(root, "title", in: "", maxLength: Limits.titleLength, singleLine: true, required: "a scene needs a title (a string)")
        let description = text(root, "description", in: "", maxLength: Limits.textLength, singleLine: false,
                               required: "a scene needs a description (a string)")

        let order = reader.integer(root, "order", in: "", range: Limits.sceneOrder)
        let run = reader.table(root, "run", in: "") ?? TOMLTable()
        reader.checkKeys(run, at: "run", allowed: Self.runKeys)
        let seed = reader.seed(run, "seed", in: "run") ?? 0
        let rules = self.rules(root)
        let plugins = self.plugins(root)
        let training = self.training(root, seed: seed)
        // Without a surface race the scene shows the plain square around the origin.
        var scene = Scene(
            file: reader.file, title: title ?? "", description: description ?? "", order: order, surface: nil,
            view: ViewBox(x: -1...1, y: -1...1), start: [0, 0], optimizers: [], schedule: nil, noise: nil, steps: 200,
            tolerance: 0.01, speed: 30, layout: .overlay, seed: seed, notes: [], cloud: nil, data: nil, training: training)
        scene.rules = rules
        scene.plugins = plugins

        let isEmpty = ["surface", "data", "optimizer", "training"].allSatisfy { root[$0] == nil }
        if isEmpty {
            reader.reportMissing("surface", "a scene needs a surface race ([surface] and [[optimizer]]), a training race ([training]), or both")
            return nil
        }
        if Self.hasSurfaceRace(root) {
            guard surfaceRace(root, run: run, seed: seed, into: &scene) else { return nil }
        } else {
            rejectSurfaceRace(root, run: run)
        }
        guard title != nil, description != nil, scene.surface != nil || training != nil else { return nil }
        return scene
    }

    /// The `[[rule]]` tables: optimizers written as equations, inline or in a rule file (`file`,
    /// relative to the scene's folder); each is registered, so the scene's specs may use it.
    private mutating func rules(_ root: TOMLTable) -> [OptimizerEntry] {
        var entries: [OptimizerEntry] = []
        for (i, table) in reader.tables(root, "rule", in: "").enumerated() {
            let path = "rule[\(i)]"
            var entry: OptimizerEntry?
            if let file = reader.string(table, "file", in: path) {
                reader.checkKeys(table, at: path, allowed: ["file"])
                do throws(SceneLoadError) {
                    entry = try RuleFile.load(path: reader.resolve(file))
                } catch {
                    reader.report(SceneReader.path(path, "file"), error.description)
                }
            } else {
                entry = RuleFile.read(table, at: path, source: reader.file, reader: &reader)
            }
            guard let entry else { continue }
            do {
                try registry.register(entry)
                entries.append(entry)
            } catch {
                reader.report(path, error.message)
            }
        }
        return entries
    }

    /// Whether the scene races on a surface: always without `[training]` (the checks then say what
    /// is missing); with `[training]` when it has a `[surface]`, or `[data]` and `[[optimizer]]`.
    static func hasSurfaceRace(_ root: TOMLTable) -> Bool {
        root["training"] == nil || root["surface"] != nil || (root["data"] != nil && root["optimizer"] != nil)
    }

    /// Reads the surface race into `scene`: its surface, view, starts, optimizers, schedule,
    /// noise, horizon, tolerance, speed, layout, captions, cloud and data. False when something
    /// required could not be read.
    private mutating func surfaceRace(_ root: TOMLTable, run: TOMLTable, seed: UInt64, into scene: inout Scene) -> Bool {
        let steps = reader.integer(run, "steps", in: "run", range: 1...Limits.steps.upperBound) ?? 200
        let tolerance = reader.number(run, "tolerance", in: "run", range: 1e-12...1e3) ?? 0.01
        let speed = reader.number(run, "speed", in: "run", range: Limits.speed) ?? 30
        let layout = reader.choice(run, "layout", in: "run", as: SceneLayout.self) ?? .overlay
        let schedule = scheduleSpec(run, in: "run")

        let data = self.data(root, seed: seed)
        let surface = self.surface(root, data: data)
        let noise = self.noise(root, seed: seed)
        let cloud = self.cloud(root, seed: seed)
        let start = coordinatePoint(run, "start", in: "run")
        // Written but invalid sections were reported already; the checks below depend on whether
        // they were written, so one mistake does not cascade into several messages.
        let optimizers = self.optimizers(root, noise: noise, hasData: root["data"] != nil, oracle: surface?.surface.surface.oracle, seed: seed)
        checkStarts(start: start, optimizers: optimizers, hasCloud: root["cloud"] != nil)
        checkBudget(steps: steps, optimizers: optimizers.count, cloud: cloud)
        let notes = self.notes(root, steps: steps)

        guard let surface, !optimizers.isEmpty else { return false }
        scene.surface = surface.surface
        scene.view = surface.view ?? surface.surface.surface.viewBox
        scene.start = start ?? cloud?.starts.center ?? optimizers.compactMap(\.start).first ?? [0, 0]
        scene.optimizers = optimizers
        scene.schedule = schedule
        scene.noise = noise
        scene.steps = steps
        scene.tolerance = tolerance
        scene.speed = speed
        scene.layout = layout
        scene.notes = notes
        scene.cloud = cloud
        scene.data = data
        scene.tune = tune(root, scene: scene)
        return true
    }

    /// In a scene whose only race is the training race, reports every key that configures a
    /// surface race (all of `[run]` but its `seed`), saying where its training counterpart lives.
    private mutating func rejectSurfaceRace(_ root: TOMLTable, run: TOMLTable) {
        let only = "this scene has only a training race"
        let hints = [
            ("optimizer", "[[optimizer]] races on a [surface] and \(only); add a [surface], or put training optimizers in [[training.optimizer]]"),
            ("data", "[data] makes the surface of a surface race and \(only); the training data set is training.dataset"),
            ("noise", "[noise] is for the surface race and \(only); chain noise into a training spec: \"noise(sigma=0.01) | sgd(lr=0.1)\""),
            ("cloud", "[cloud] starts the surface race and \(only); remove it"),
            ("notes", "[[notes]] caption the surface race and \(only); use [[training.notes]] with an epoch"),
            ("tune", "a top-level tune = { … } tunes the surface race and \(only); tune the training race with tune = { … } in [training]"),
        ]
        for (key, hint) in hints where root[key] != nil { reader.reportKey(key, hint) }
        for key in Self.runKeys where run[key] != nil && key != "seed" {
            reader.reportKey("run." + key, "configures the surface race and \(only); remove it")
        }
    }

    // MARK: Text

    /// A string that is safe to draw: not empty, no control characters (so a scene cannot send
    /// escape sequences to the terminal), at most `maxLength` characters.
    mutating func text(
        _ table: TOMLTable, _ key: String, in parent: String, maxLength: Int, singleLine: Bool, required: String? = nil
    ) -> String? {
        guard let s = reader.string(table, key, in: parent, required: required) else { return nil }
        let path = SceneReader.path(parent, key)
        if s.allSatisfy(\.isWhitespace) {
            reader.report(path, "must not be empty")
            return nil
        }
        if s.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && (singleLine || $0 != "\n") }) {
            reader.report(path, singleLine ? "must be one line without control characters" : "must not contain control characters other than line breaks")
            return nil
        }
        if s.count > maxLength {
            reader.report(path, "must be at most \(maxLength) characters, got \(s.count)")
            return nil
        }
        return s
    }

    // MARK: Run

    /// A `schedule` spec, checked in the registry.
    mutating func scheduleSpec(_ table: TOMLTable, in parent: String) -> String? {
        guard let spec = reader.string(table, "schedule", in: parent) else { return nil }
        do {
            _ = try registry.schedule(spec)
            return spec
        } catch {
            reportSpec(SceneReader.path(parent, "schedule"), error)
            return nil
        }
    }

    /// A start point or centre: two finite numbers within ±``Limits/coordinate``.
    mutating func coordinatePoint(_ table: TOMLTable, _ key: String, in parent: String, required: String? = nil) -> [Double]? {
        guard let p = reader.point(table, key, in: parent, required: required) else { return nil }
        guard p.allSatisfy({ abs($0) <= Limits.coordinate }) else {
            reader.report(SceneReader.path(parent, key), "coordinates must be within ±\(formatNumber(Limits.coordinate))")
            return nil
        }
        return p
    }

    /// Every optimizer needs somewhere to start: the cloud, the scene's start or its own.
    private mutating func checkStarts(start: [Double]?, optimizers: [SceneOptimizer], hasCloud: Bool) {
        if hasCloud {
            if start != nil { reader.reportKey("run.start", "a scene with a [cloud] starts every run from the cloud; remove run.start") }
            for (i, o) in optimizers.enumerated() where o.start != nil {
                reader.reportKey("optimizer[\(i)].start", "a scene with a [cloud] starts every run from the cloud; remove this start")
            }
            for (i, o) in optimizers.enumerated() where o.schedule != nil {
                reader.reportKey("optimizer[\(i)].schedule", "every cloud of a scene with a [cloud] follows run.schedule; remove this schedule")
            }
        } else if start == nil, reader.index["run.start"] == nil {
            for (i, o) in optimizers.enumerated() where o.start == nil {
                reader.reportMissing("optimizer[\(i)].start", "give run.start = [x, y] (or a start for every optimizer)")
            }
        }
    }

    /// A cloud keeps every step of every run, so steps × runs is bounded by
    /// ``Limits/recordedPoints``; a race keeps at most 2·``Limits/liveHistoryWindow`` + 1 steps
    /// per run however long it plays, so only ``Limits/steps`` bounds it.
    private mutating func checkBudget(steps: Int, optimizers: Int, cloud: SceneCloud?) {
        guard let cloud else { return }
        let runs = optimizers * cloud.starts.count
        let (points, overflow) = (steps + 1).multipliedReportingOverflow(by: max(runs, 1))
        if overflow || points > Limits.recordedPoints {
            reader.report("run.steps", "\(steps) steps × \(runs) runs is more than \(Limits.recordedPoints) recorded points; use fewer steps or runs")
        }
    }

    // MARK: Notes

    private mutating func notes(_ root: TOMLTable, steps: Int) -> [SceneNote] {
        captions(root, in: "", at: "step", last: steps).map { SceneNote(step: $0.at, text: $0.text, pause: $0.pause) }
    }

    /// The `[[notes]]` of `table` (at `parent`): each shown from its `key` (0…`last`) on, with its
    /// text and whether it pauses; sorted by `key`, notes at the same place in file order.
    mutating func captions(_ table: TOMLTable, in parent: String, at key: String, last: Int) -> [(at: Int, text: String, pause: Bool)] {
        let notesPath = SceneReader.path(parent, "notes")
        let tables = reader.tables(table, "notes", in: parent)
        if tables.count > Limits.notes.upperBound {
            reader.report(notesPath, "at most \(Limits.notes.upperBound) notes, got \(tables.count)")
            return []
        }
        var notes: [(at: Int, text: String, pause: Bool)] = []
        for (i, t) in tables.enumerated() {
            let path = notesPath + "[\(i)]"
            reader.checkKeys(t, at: path, allowed: [key, "text", "pause"])
            let at = reader.integer(t, key, in: path, range: 0...last, required: "a note needs the \(key) it is shown at")
            let text = self.text(t, "text", in: path, maxLength: Limits.textLength, singleLine: false, required: "a note needs its text")
            let pause = reader.bool(t, "pause", in: path) ?? false
            if let at, let text { notes.append((at, text, pause)) }
        }
        return notes.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }

    // MARK: Specs

    /// Reports a registry error at the column it points into (when the string is verbatim).
    mutating func reportSpec(_ path: String, _ error: SpecError) {
        if refusedPlugins.contains(where: { error.message.hasPrefix("unknown optimizer '\($0)'") }) { return }
        let message = error.message.split(separator: "\n").joined(separator: " ")
        let position = reader.index[path]?.position(inString: error.column)
        reader.report(path, message, at: position)
    }
}
