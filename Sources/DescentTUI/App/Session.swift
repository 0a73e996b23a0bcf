import DescentRender

/// The interactive session: the surface view (``EventLoop``) and the training view
/// (``runTraining(on:state:composer:framesPerSecond:for:)``) on one terminal, `n` switching
/// between them. Each view keeps its state while the other one is shown (the surface pauses
/// when left; training keeps its play state), so coming back continues where it was.
public struct Session {
    /// Which view is on screen.
    public enum View: Sendable, Equatable { case surface, training }

    public var surface: EventLoop?
    public var training: TrainingState?
    public let trainingComposer: TrainingComposer
    public private(set) var view: View

    /// A session showing `view` first; it must have that view's state. The training state's
    /// ``TrainingState/canSwitchView`` is set when there is a surface view.
    public init(surface: EventLoop?, training: TrainingState?, trainingComposer: TrainingComposer, startIn view: View) {
        precondition(view == .surface ? surface != nil : training != nil, "the session starts in a view it has")
        self.surface = surface
        self.training = training
        self.training?.canSwitchView = surface != nil
        self.trainingComposer = trainingComposer
        self.view = view
    }

    /// Runs the views, switching on `n`, until one quits or `duration` has passed.
    /// `initialActions` go to the surface view the first time it is shown.
    public mutating func run(on terminal: some TerminalDevice, for duration: Duration? = nil, initialActions: [Action] = []) {
        let clock = ContinuousClock()
        let end = duration.map { clock.now + $0 }
        var pending = initialActions
        while true {
            let remaining = end.map { $0 - clock.now }
            if let remaining, remaining <= .zero { return }
            let exit: LoopExit
            switch view {
            case .surface:
                guard var loop = surface else { return }
                terminal.invalidate()
                exit = loop.run(on: terminal, for: remaining, initialActions: pending)
                pending = []
                surface = loop
            case .training:
                guard let state = training else { return }
                let result = runTraining(on: terminal, state: state, composer: trainingComposer, for: remaining)
                training = result.state
                exit = result.exit
            }
            guard exit == .switchView else { return }
            let other: View = view == .surface ? .training : .surface
            if other == .surface ? surface != nil : training != nil { view = other }
        }
    }
}
