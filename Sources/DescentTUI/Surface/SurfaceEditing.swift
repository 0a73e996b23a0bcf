import DescentCore
import DescentRender

/// The live spec editor of the surface race: `e` edits the selected optimizer's spec and Enter
/// applies it from the shown step (the history before it stays as it was; the same optimizer
/// keeps its state, another one starts fresh from the shown point), `E` restarts it from the
/// start, `a` adds an optimizer, `x` removes the selected one. Specs are built with the race's
/// registry (rules and plugins included) and checked like the command line's.
extension SurfaceState: LiveSpecEditing {
    /// The editor's keys while it is open (every action goes to it), and `e`, `E`, `a`, `x`.
    public mutating func applyOwn(_ action: Action) -> [Command]? {
        if editor != nil {
            editorAction(action)
            return action == .quit ? [.quit] : []
        }
        switch action {
        case let .editSpec(restart): openEditor(restart: restart)
        case .addOptimizer: openAdder()
        case .removeOptimizer: removeSelected()
        default: return nil
        }
        return []
    }

    /// `e` / `E`: the editor on the selected optimizer's spec in force.
    mutating func openEditor(restart: Bool) {
        guard race.runs.indices.contains(controls.selected) else { return }
        controls.isPlaying = false
        editor = SpecEditor(purpose: restart ? .restart : .applyFromNow, text: race.runs[controls.selected].spec)
    }

    /// `a`: the editor on an empty spec (or the scene's noise transform in front,
    /// ``RaceSetup/addedSpecPrefix``), while there is room for another optimizer.
    mutating func openAdder() {
        guard styles.count < Limits.optimizers.upperBound else {
            controls.notice = "at most \(Limits.optimizers.upperBound) optimizers (the limit): remove one first (x)"
            return
        }
        controls.isPlaying = false
        editor = SpecEditor(purpose: .add, text: setup.addedSpecPrefix)
    }

    mutating func replaceSelected(with text: String, restart: Bool) -> String? {
        let k = controls.selected
        guard race.runs.indices.contains(k) else { return nil }
        let configured: ConfiguredOptimizer
        switch SpecEditor.build(text, registry: setup.registry, seed: setup.optimizerSeed, schedule: styles[k].schedule,
                                oracle: styles[k].makeOracle()) {
        case .success(let built): configured = built
        case .failure(let error): return error.message
        }
        let run = race.runs[k]
        if restart {
            race.restart(run: k, with: styles[k].firstRun(of: configured.optimizer, spec: configured.spec))
        } else {
            do {
                let change = OptimizerChange(step: controls.step, to: configured, from: run.spec)
                race.restart(run: k, with: try run.changed(change, oracle: styles[k].makeOracle()))
            } catch {
                return SpecEditorError(error).message
            }
        }
        race.advance(run: k, toStep: min(controls.step + 1, Self.historyLimit))
        return nil
    }

    /// Adds the optimizer of `text` from the race's start (computed up to the shown step), in
    /// the first trail colour no other optimizer has, seeing the gradients an added optimizer
    /// sees (``RaceSetup/addedOracle``); nil when done, else why not.
    mutating func add(_ text: String) -> String? {
        let configured: ConfiguredOptimizer
        switch SpecEditor.build(text, registry: setup.registry, seed: setup.optimizerSeed, schedule: setup.schedule,
                                oracle: setup.addedOracle?() ?? setup.surface.oracle) {
        case .success(let built): configured = built
        case .failure(let error): return error.message
        }
        let color = Palette.trails.firstUnused(styles.map(\.color), limit: Limits.optimizers.upperBound)
        let style = LaneStyle(entry: RaceSetup.Entry(spec: configured.spec, optimizer: configured.optimizer, oracle: setup.addedOracle),
                              color: color, setup: setup, start: start)
        race.append(style.firstRun(of: configured.optimizer))
        styles.append(style)
        controls.selected = styles.count - 1
        race.advance(run: controls.selected, toStep: min(controls.step + 1, Self.historyLimit))
        controls.notice = "added \(style.label), from the start"
        return nil
    }

    /// `x`: removes the selected optimizer, unless it is the last one.
    mutating func removeSelected() {
        let k = controls.selected
        guard styles.count > 1, styles.indices.contains(k) else {
            controls.notice = "the last optimizer stays: add another (a) before removing it"
            return
        }
        let label = lanes[k].label
        styles.remove(at: k)
        race.remove(run: k)
        controls.selected = min(k, styles.count - 1)
        if styles[controls.selected].isHidden { select(offset: 1) }
        controls.notice = "removed \(label)"
    }
}
