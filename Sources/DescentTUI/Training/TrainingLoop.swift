import DescentRender

/// Runs the training view on `terminal` until `q` (or an interrupt), `n` (when the state can
/// switch views) or `duration`, returning the final state and why it stopped. The caller owns
/// the terminal's start and stop.
///
/// No busy waiting: while paused the loop blocks in `readEvent` (waking once a second at most,
/// ``EventLoop/idleTimeoutMilliseconds``); while playing it waits for input until the next frame
/// is due, at most `framesPerSecond` (≤ 30) frames a second, each taking
/// ``TrainingState/stepsPerFrame`` steps of every optimizer. A frame is drawn only after
/// something happened; the size is read again before every frame.
public func runTraining(on terminal: some TerminalDevice, state initial: TrainingState, composer: TrainingComposer,
                        framesPerSecond: Int = 30, for duration: Duration? = nil) -> (state: TrainingState, exit: LoopExit) {
    let clock = ContinuousClock()
    let end = duration.map { clock.now + $0 }
    let frameTime = Duration.milliseconds(1000 / min(max(1, framesPerSecond), 30))
    var state = initial
    state.resumeHere()
    var nextFrame = clock.now + frameTime

    func present() {
        let size = terminal.size()
        terminal.present(composer.compose(state, width: size.width, height: size.height))
    }

    terminal.invalidate()
    present()
    while true {
        if state.isQuitting { return (state, .quit) }
        if state.isSwitchingView { return (state, .switchView) }
        let now = clock.now
        if let end, now >= end { return (state, .timeUp) }
        var wait = state.isPlaying ? EventLoop.milliseconds(from: now, to: nextFrame) : EventLoop.idleTimeoutMilliseconds
        if let end { wait = min(wait, EventLoop.milliseconds(from: now, to: end)) }
        var changed = false
        if let event = terminal.readEvent(timeoutMilliseconds: wait) {
            if case .resize = event { terminal.invalidate() }
            if case .key(.ctrl("l")) = event { terminal.invalidate() }
            let wasPlaying = state.isPlaying
            if let action = TrainingKeymap.action(for: event) { state.apply(action) }
            if state.isPlaying, !wasPlaying { nextFrame = clock.now + frameTime }
            changed = true
        }
        if state.isPlaying, !state.isQuitting, !state.isSwitchingView, clock.now >= nextFrame {
            state.apply(.frame)
            nextFrame = clock.now + frameTime
            changed = true
        }
        if changed, !state.isQuitting, !state.isSwitchingView { present() }
    }
}
