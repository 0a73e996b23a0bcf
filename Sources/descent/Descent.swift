import ArgumentParser
import DescentCore

@main
struct Descent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "descent",
        abstract: "Watch gradient-descent optimizers race across test surfaces.")
}
