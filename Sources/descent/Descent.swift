import ArgumentParser

/// The `descent` command and its subcommands.
struct Descent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "descent",
        abstract: "Watch gradient-descent optimizers race across test surfaces.",
        discussion: """
            Optimizers, schedules and transforms are given as spec strings with PyTorch's \
            keyword names: 'adam(lr=0.01, betas=(0.9, 0.99))', 'sgd(lr=0.02, momentum=0.9, \
            nesterov=true)', 'cosine(t_max=100)'. Chain gradient transforms in front of an \
            optimizer with '|': 'clip_norm(max_norm=1) | sgd(lr=0.1)'. Surfaces are built-in \
            names ('beale', 'elongated_bowl(condition=40, angle=30)') or expressions in x and y \
            ('5x^2 + 2xy + 3y^2'). 'descent list' shows everything with its parameters.
            """,
        subcommands: [PlayCommand.self, RenderCommand.self, RecordCommand.self, ListCommand.self, TraceCommand.self, RaceCommand.self, TuneCommand.self, CheckCommand.self, TrainCommand.self, TrainViewCommand.self, BenchCommand.self],
        defaultSubcommand: PlayCommand.self)
}
