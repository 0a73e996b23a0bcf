import DescentCore
import DescentRender

/// The live spec editor of the training view: `e` edits the selected optimizer's spec and Enter
/// applies it from the next step (the same optimizer keeps its state, another starts fresh at
/// the current θ), `E` restarts that trainer from θ₀ and brings it back to the shown step, `a`
/// adds a trainer (from θ₀, the selected one's batch size and schedule, brought to the shown
/// step), `x` removes the selected one. Every trainer keeps the same minibatch order.
extension TrainingState: LiveSpecEditing {
    /// `e` / `E`: the editor on the selected trainer's spec in force.
    mutating func openEditor(restart: Bool) {
        guard trainers.indices.contains(selected) else { return }
        isPlaying = false
        editor = SpecEditor(purpose: restart ? .restart : .applyFromNow, text: specs[selected])
    }

    /// `a`: the editor on an empty spec, while there is room for another trainer.
    mutating func openAdder() {
        guard trainers.count < Limits.optimizers.upperBound else {
            notice = "at most \(Limits.optimizers.upperBound) optimizers (the limit): remove one first (x)"
            return
        }
        isPlaying = false
        editor = SpecEditor(purpose: .add)
    }

    mutating func replaceSelected(with text: String, restart: Bool) -> String? {
        let k = selected
        guard trainers.indices.contains(k) else { return nil }
        let configured: ConfiguredOptimizer
        switch SpecEditor.build(text, registry: setup.registry, seed: setup.seed ?? 0, schedule: trainers[k].schedule) {
        case .success(let built): configured = built
        case .failure(let error): return error.message
        }
        if restart {
            trainers[k] = trainers[k].restarted(label: configured.spec, optimizer: configured.optimizer, schedule: trainers[k].schedule)
            catchUp(k)
        } else {
            do {
                try trainers[k].change(to: OptimizerChange(step: step, to: configured, from: specs[k]).replacement)
            } catch {
                return SpecEditorError(error).message
            }
        }
        respecify(k, configured.spec)
        return nil
    }

    mutating func add(_ text: String) -> String? {
        guard let template = trainers.indices.contains(selected) ? trainers[selected] : trainers.first else { return nil }
        let configured: ConfiguredOptimizer
        switch SpecEditor.build(text, registry: setup.registry, seed: setup.seed ?? 0, schedule: template.schedule) {
        case .success(let built): configured = built
        case .failure(let error): return error.message
        }
        trainers.append(template.restarted(label: configured.spec, optimizer: configured.optimizer, schedule: template.schedule))
        history.append([])
        specs.append(configured.spec)
        colors.append(Palette.okabeIto.firstUnused(colors, limit: Limits.optimizers.upperBound))
        selected = trainers.count - 1
        catchUp(selected)
        notice = "added \(configured.spec), from θ₀"
        return nil
    }

    /// `x`: removes the selected trainer, unless it is the last one.
    mutating func removeSelected() {
        guard trainers.count > 1, trainers.indices.contains(selected) else {
            notice = "the last optimizer stays: add another (a) before removing it"
            return
        }
        notice = "removed \(trainers[selected].label)"
        trainers.remove(at: selected)
        history.remove(at: selected)
        specs.remove(at: selected)
        colors.remove(at: selected)
        selected = min(selected, trainers.count - 1)
    }

    /// Trainer `k`'s spec in force is `spec`; the legend shows it (numbers to 6 significant digits).
    mutating func respecify(_ k: Int, _ spec: String) {
        specs[k] = spec
        trainers[k].label = readableSpec(spec)
    }

    /// Trainer `k`, fresh, brought to the shown step like the others (evaluated at the same
    /// steps), so the race stays in lockstep.
    private mutating func catchUp(_ k: Int) {
        history[k] = [TrainingPoint(trainers[k], since: 0)]
        var t = 0
        while t < step, trainers[k].isActive {
            _ = trainers[k].step()
            t += 1
            if t % evaluateEvery == 0 { record(trainer: k) }
        }
    }
}
