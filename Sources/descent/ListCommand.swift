import ArgumentParser
import DescentCore

/// `descent list`: every surface, optimizer, schedule and transform with its parameters.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List surfaces, optimizers, schedules and transforms with their parameters and defaults.")

    enum Section: String, ExpressibleByArgument, CaseIterable {
        case surfaces, optimizers, schedules, transforms
    }

    @Argument(help: "Only this section: surfaces, optimizers, schedules or transforms.")
    var section: Section?

    @OptionGroup(title: "Your own optimizers") var extensions: ExtensionOptions

    func run() throws {
        let registry = try extensions.registry()
        var blocks: [String] = []
        for s in section.map({ [$0] }) ?? Section.allCases {
            switch s {
            case .surfaces: blocks.append(block("Surfaces", registry.surfaces))
            case .optimizers: blocks.append(block("Optimizers", registry.optimizers))
            case .schedules: blocks.append(block("Schedules", registry.schedules))
            case .transforms: blocks.append(block("Transforms (chain before an optimizer: 'clip_norm(max_norm=1) | sgd(lr=0.1)')", registry.transforms))
            }
        }
        print(blocks.joined(separator: "\n\n"))
    }

    private func block<P>(_ title: String, _ entries: [RegistryEntry<P>]) -> String {
        let nameWidth = entries.map(\.name.count).max() ?? 0
        var lines = [title + ":"]
        for entry in entries {
            let pad = String(repeating: " ", count: nameWidth - entry.name.count)
            let reference = entry.reference.isEmpty ? "" : " [\(entry.reference)]"
            lines.append("  \(entry.name)\(pad)  \(entry.summary)\(reference)")
            let assignments = entry.parameters.map { "\($0.name)=\($0.defaultDescription)" }
            let width = assignments.map(\.count).max() ?? 0
            for (p, assignment) in zip(entry.parameters, assignments) {
                let bounds = p.bounds == .any ? "" : " (\(p.bounds.description))"
                lines.append("      \(assignment)\(String(repeating: " ", count: width - assignment.count))  \(p.doc)\(bounds)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
