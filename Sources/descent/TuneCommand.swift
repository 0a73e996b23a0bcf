import ArgumentParser
import DescentCore
import DescentRender
import Foundation

/// `descent tune`: the learning rate (and optionally one more hyperparameter) of each optimizer,
/// searched on a refined log grid, as a table and a chart of result versus rate.
struct TuneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tune",
        abstract: "Tune each optimizer's learning rate on a surface or a net: a table and a sensitivity chart.",
        discussion: """
            For each optimizer spec, tries --lr-grid learning rates spaced evenly on a log scale \
            over --lr-range, then --refine rounds around the best (each halves the spacing and \
            tries one rate either side). Every trial runs --budget steps from every start and is \
            scored by --by (lower is better); a trial that diverges on any start never wins. \
            The table gives the best rate, its result, and the range of rates within 2x of the \
            best result (measured above the best the criterion allows: f* of the lowest known \
            minimum, or 0 steps), which says how forgiving the optimizer is. The chart plots the \
            result against the rate (log axis), one curve per optimizer. 'descent race --tuned' \
            with the same arguments races at the rates found. With --dataset (and the net \
            options) every trial trains a fresh copy of the net instead, for --budget epochs \
            (default 5), scored by the training loss (final, or area: summed over the epochs).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var tuning: TuneOptions
    @OptionGroup(title: "Tuning on a net (with --dataset; --budget counts epochs, default 5)") var net: NetOptions

    @Option(name: .customLong("tol"), help: "Distance to a known minimum that counts as arrived (for --by steps).")
    var tolerance: Double = 1e-3

    @Option(help: "Output format: table (with the chart), csv or json.")
    var format: Format = .table

    @Flag(help: "Plain ASCII chart instead of braille.")
    var ascii = false

    @Option(help: "Chart colours: auto, never, 8, 16, 256 or truecolor (NO_COLOR in the environment also turns them off).")
    var color: ColorChoice = .auto

    @Option(name: .customLong("chart-size"), help: ArgumentHelp("The chart's size in cells.", valueName: "WxH"))
    var chartSize: String = "72x18"

    @Argument(help: "Optimizer specs to tune, e.g. sgd momentum 'adam(betas=(0.9, 0.99))'.")
    var optimizers: [String] = []

    func validate() throws {
        guard !optimizers.isEmpty else { throw ValidationError("give at least one optimizer spec, e.g. 'descent tune sgd adam'") }
        try checkOptimizerCount(optimizers.count)
        guard tolerance.isFinite, tolerance > 0 else { throw ValidationError("--tol must be a positive number") }
        _ = try size()
    }

    func run() throws {
        let registry = try simulation.extensions.registry()
        let setup: TuneSetup
        if isOnNet {
            let (recipe, problem) = try net.makeProblem(seed: simulation.seed)
            setup = try tuning.setup(NetTuning(recipe: recipe, problem: problem, starts: tuning.starts), simulation, epochs: simulationBudget,
                                     optimizers: optimizers.count, registry: registry)
        } else {
            let surface = try simulation.resolveSurface(registry)
            let start = try simulation.resolveStart(on: surface)
            setup = try tuning.setup(simulation, surface: surface, start: start, tolerance: tolerance, optimizers: optimizers.count,
                                     registry: registry)
        }
        let results = try tuning.tune(optimizers, setup)
        switch format {
        case .json: print(json(results, setup).text)
        case .csv: print(table(results).render(.csv))
        case .table:
            print(table(results).render(.plain))
            print("")
            print(chart(results), terminator: "")
        }
    }

    private var figureName: String {
        switch tuning.by {
        case .final: "final loss"
        case .steps: "steps to tol"
        case .area: "area"
        }
    }

    private func figure(_ t: TuneTrial?) -> String {
        guard let t, let f = t.figure else { return "-" }
        return tuning.by == .steps && TuneCriterion.stepsToTolerance(tolerance).neverArrived(f, budget: simulationBudget) ? "never" : compact(f)
    }

    private func table(_ results: [TuneResult]) -> Table {
        let alsoColumn = tuning.also.map { ["best " + $0] } ?? []
        let lossColumn = tuning.by == .final ? [] : ["final loss"]
        let header = ["optimizer", "best lr"] + alsoColumn + [figureName] + lossColumn + ["lr within 2x of best", "trials", "diverged"]
        return Table(header: header, rows: results.map(row), numeric: Set(1...(2 + alsoColumn.count + lossColumn.count)))
    }

    private func row(_ r: TuneResult) -> [String] {
        var cells = [r.spec, r.best.map { compact($0.learningRate) } ?? "-"]
        if tuning.also != nil { cells.append(r.best?.also.map(compact) ?? "-") }
        let range = r.forgiving.map { "\(compact($0.lowerBound)) .. \(compact($0.upperBound))" } ?? "-"
        let diverged = r.trials.filter { !$0.isHealthy }.count
        cells.append(figure(r.best))
        if tuning.by != .final { cells.append(r.best?.finalLoss.map(compact) ?? "-") }
        return cells + [range, String(r.trials.count), String(diverged)]
    }

    private func json(_ results: [TuneResult], _ setup: TuneSetup) -> JSON {
        func trial(_ t: TuneTrial) -> JSON {
            .object([
                ("lr", .number(t.learningRate)),
                ("also", t.also.map(JSON.number) ?? .null),
                ("spec", .string(t.spec)),
                ("figure", t.figure.map { $0.isFinite ? JSON.number($0) : .null } ?? .null),
                ("final_loss", t.finalLoss.map(JSON.number) ?? .null),
                ("diverged_at", .integer(t.divergedAt)),
                ("failure", t.failure.map(JSON.string) ?? .null),
            ])
        }
        return .object([
            (isOnNet ? "dataset" : "surface", .string(isOnNet ? net.datasetName : simulation.surface)),
            ("budget", .number(Double(setup.budget))),
            ("by", .string(tuning.by.rawValue)),
            ("starts", setup.net.map { .number(Double($0.starts)) } ?? .array(setup.starts.map { .array($0.map(JSON.number)) })),
            ("also", tuning.also.map(JSON.string) ?? .null),
            ("results", .array(results.map { r in
                .object([
                    ("optimizer", .string(r.spec)),
                    ("best", r.best.map(trial) ?? .null),
                    ("within_2x", r.forgiving.map { .array([.number($0.lowerBound), .number($0.upperBound)]) } ?? .null),
                    ("trials", .array(r.curve.map(trial))),
                ])
            })),
        ])
    }

    /// The sensitivity chart (result against learning rate, log x axis) and a legend line per
    /// optimizer, as text with colours for the terminal.
    private func chart(_ results: [TuneResult]) -> String {
        let (width, height) = (try? size()) ?? (72, 18)
        let glyphs = Glyphs.select(ascii: ascii)
        let series = results.enumerated().map { i, r in
            ChartSeries(label: r.spec, values: r.curve.map { $0.figure ?? .nan }, color: Palette.trails[i],
                        mark: TrailStyle.lane(i).mark, positions: r.curve.map(\.learningRate))
        }
        let logY = tuning.by != .steps
        var buffer = CellBuffer(width: width, height: height + results.count)
        LineChart(title: "\(figureName) after \(simulationBudget) \(isOnNet ? "epochs" : "steps") vs learning rate", series: series,
                  yScale: logY ? .log10 : .linear, xLabel: "lr", xScale: .log10)
            .draw(into: &buffer, rect: Rect(x: 0, y: 0, width: width, height: height), glyphs: glyphs)
        for (i, r) in results.enumerated() {
            let style = TrailStyle.lane(i)
            let key = ascii ? String(style.mark.map(Character.init) ?? "*") : String(Character(style.head))
            let best = r.best.map { " best lr \(compact($0.learningRate)): \(figure($0))" } ?? " every rate diverged"
            _ = buffer.write(key + " " + Sanitizer.clean(r.spec) + best, x: 2, y: height + i, style: Style(foreground: Palette.trails[i]))
        }
        return AnsiSerializer(depth: depth()).serialize(buffer)
    }

    /// Whether the trials train a net (`--dataset` given) instead of descending a surface.
    private var isOnNet: Bool { net.dataset != nil }

    /// Steps (on a net: epochs) per trial.
    private var simulationBudget: Int { tuning.budget ?? (isOnNet ? 5 : simulation.steps) }

    private func size() throws -> (Int, Int) {
        let parts = chartSize.split(separator: "x").map { Int($0) }
        guard parts.count == 2, let w = parts[0], let h = parts[1] else {
            throw ValidationError("--chart-size \(Sanitizer.quoted(chartSize)): expected WIDTHxHEIGHT in cells, such as 72x18")
        }
        try checkLimit(w, Limits.frameSide, option: "--chart-size width")
        try checkLimit(h, Limits.frameSide, option: "--chart-size height")
        return (w, h)
    }

    private func depth() -> ColorDepth {
        if let depth = color.depth { return depth }
        guard isatty(STDOUT_FILENO) == 1 else { return .none }
        return ColorDepth.detect(environment: ProcessInfo.processInfo.environment, colorsReported: nil)
    }
}
