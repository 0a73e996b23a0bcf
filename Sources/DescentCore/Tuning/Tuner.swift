import Foundation

/// What to tune and how: the problem, the search grid and the budget of each trial.
public struct TuneSetup {
    /// The surface the trials descend; nil when they train a net (``net``).
    public var surface: Surface?
    /// The starts every trial runs from (its figure is the mean over them); at least one.
    public var starts: [[Double]]
    /// The net every trial trains instead of descending a surface, or nil.
    public var net: NetTuning?
    public var schedule: any Schedule
    /// Steps per trial and start (epochs when the trials train a net).
    public var budget: Int
    public var criterion: TuneCriterion
    /// The learning rates of the first, coarse log grid: `gridPoints` rates spaced evenly in
    /// log₁₀ η from the lower to the upper bound.
    public var rates: ClosedRange<Double>
    public var gridPoints: Int
    /// Rounds of refinement: each halves the log spacing h and tries η*·10^(±h) around the best
    /// rate η* so far.
    public var refinements: Int
    /// A second real hyperparameter and the values tried for it (each with the whole lr search).
    public var also: (name: String, values: [Double])?
    /// The seed given to every optimizer built (noise); the same for every trial.
    public var seed: UInt64
    public var registry: Registry

    public init(surface: Surface?, starts: [[Double]], schedule: any Schedule = ConstantSchedule(), budget: Int,
                criterion: TuneCriterion = .finalLoss, rates: ClosedRange<Double> = 1e-5...10, gridPoints: Int = 13,
                refinements: Int = 4, also: (name: String, values: [Double])? = nil, seed: UInt64 = 0,
                registry: Registry = .builtin) {
        self.surface = surface
        self.starts = starts
        self.schedule = schedule
        self.budget = budget
        self.criterion = criterion
        self.rates = rates
        self.gridPoints = gridPoints
        self.refinements = refinements
        self.also = also
        self.seed = seed
        self.registry = registry
    }

    /// The search on a net (`budget` in epochs): every trial trains a fresh copy of `net`.
    public init(net: NetTuning, schedule: any Schedule = ConstantSchedule(), budget: Int, criterion: TuneCriterion = .finalLoss,
                rates: ClosedRange<Double> = 1e-5...10, gridPoints: Int = 13, refinements: Int = 4,
                also: (name: String, values: [Double])? = nil, seed: UInt64 = 0, registry: Registry = .builtin) {
        self.init(surface: nil, starts: [[]], schedule: schedule, budget: budget, criterion: criterion, rates: rates, gridPoints: gridPoints,
                  refinements: refinements, also: also, seed: seed, registry: registry)
        self.net = net
    }

    /// The number of trials one optimizer takes at most (grid plus refinements, per value of
    /// the second parameter).
    public var trialsPerOptimizer: Int { Self.trials(gridPoints: gridPoints, refinements: refinements, alsoValues: also?.values.count) }

    /// Trials per optimizer at most: (grid points + 2 per refinement) per value of the second parameter.
    public static func trials(gridPoints: Int, refinements: Int, alsoValues: Int?) -> Int {
        (gridPoints + 2 * refinements) * max(1, alsoValues ?? 1)
    }

    /// The steps tuning `optimizers` specs takes at most: optimizers × trials × starts × budget
    /// (what ``Limits/tuneSteps`` and ``Limits/sceneTuneSteps`` bound), as a Double so it cannot overflow.
    public func work(optimizers: Int) -> Double { Self.work(optimizers: optimizers, trials: trialsPerOptimizer, starts: starts.count, budget: budget) }

    /// optimizers × trials × starts × budget, as a Double.
    public static func work(optimizers: Int, trials: Int, starts: Int, budget: Int) -> Double {
        Double(optimizers) * Double(trials) * Double(starts) * Double(max(budget, 1))
    }
}

/// The outcome of tuning one optimizer spec.
public struct TuneResult: Sendable {
    /// The spec as given.
    public var spec: String
    /// The winning trial: the best healthy one; nil when every trial diverged or failed.
    public var best: TuneTrial?
    /// Every trial at the winner's value of the second parameter (all trials when none is
    /// tuned), in increasing learning rate: the sensitivity curve.
    public var curve: [TuneTrial]
    /// All trials, in the order they ran.
    public var trials: [TuneTrial]
    /// The learning rates, around the winner along `curve`, of the unbroken stretch of healthy
    /// trials whose figure is within 2× of the best: (figure − floor) ≤ 2·(best − floor), the
    /// floor being what the criterion could reach at best (f* of the lowest known minimum, 0
    /// steps; the best figure itself when f* is unknown or the best lies below it). How
    /// forgiving the optimizer is of its learning rate (for `steps`, trials that never arrived
    /// are outside it). Nil when no rate won, or (for `steps`)
    /// the winner never arrived.
    public var forgiving: ClosedRange<Double>?
}

/// The learning-rate search of `descent tune`: a log grid, refined around the best rate, each
/// trial run for a fixed budget from every start and scored by a criterion. A trial that
/// diverges (or cannot be built) on any start never wins. Deterministic: the same setup gives
/// the same trials, bit for bit.
public enum Tuner {
    /// Tunes `spec` (an optimizer spec, with a transform chain if any): its `lr`, and the second
    /// parameter if the setup names one, overriding whatever the spec sets. Throws when the spec
    /// itself is not valid, the second parameter is not a real hyperparameter of its optimizer, or
    /// the optimizer draws samples (Hogwild!) where there is no finite sum.
    public static func tune(_ spec: String, _ setup: TuneSetup) throws(SpecError) -> TuneResult {
        var chain = try SpecParser.parseChain(spec)
        if try setup.registry.optimizer(spec, seed: setup.seed).optimizer.drawsSamples, setup.surface?.samples == nil {
            throw SpecError(DistributedOptimizers.noSamples)
        }
        let last = chain[chain.count - 1]
        if let also = setup.also { try checkSecondParameter(also.name, of: spec, registry: setup.registry) }
        var trials: [TuneTrial] = []
        var best: TuneTrial?
        for alsoValue in setup.also.map({ $0.values.map(Optional.some) }) ?? [nil] {
            if let alsoValue, let name = setup.also?.name { chain[chain.count - 1] = last.setting(name, to: alsoValue) }
            let base = chain
            var tried: [Double: TuneTrial] = [:]
            func trial(_ lr: Double) -> TuneTrial {
                if let t = tried[lr] { return t }
                var links = base
                links[links.count - 1] = links[links.count - 1].setting("lr", to: lr)
                let t = run(links.map(\.text).joined(separator: " | "), lr: lr, also: alsoValue, setup)
                tried[lr] = t
                trials.append(t)
                return t
            }
            let low = log10(setup.rates.lowerBound), high = log10(setup.rates.upperBound)
            let n = max(setup.gridPoints, 2)
            var h = (high - low) / Double(n - 1)
            var exponent: Double?
            var local: TuneTrial?
            for i in 0..<n {
                let e = low + Double(i) * h
                let t = trial(pow(10, e))
                if local.map({ t.beats($0) }) ?? true { local = t; exponent = e }
            }
            for _ in 0..<setup.refinements {
                guard let centre = exponent, local?.isHealthy == true else { break }
                h /= 2
                for e in [centre - h, centre + h] {
                    let t = trial(pow(10, e))
                    if let l = local, t.beats(l) { local = t; exponent = e }
                }
            }
            if let local, best.map({ local.beats($0) }) ?? true { best = local }
        }
        let winner = best?.isHealthy == true ? best : nil
        let curve = trials.filter { $0.also == (winner ?? trials.first)?.also }.sorted { $0.learningRate < $1.learningRate }
        return TuneResult(spec: spec, best: winner, curve: curve, trials: trials,
                          forgiving: winner.flatMap { forgivingRange(curve, winner: $0, setup: setup) })
    }

    /// Throws unless `name` is a real hyperparameter, other than lr, of the last optimizer of the
    /// chain `spec`: what a second tuned parameter must be.
    public static func checkSecondParameter(_ name: String, of spec: String, registry: Registry) throws(SpecError) {
        let chain = try SpecParser.parseChain(spec)
        let last = chain[chain.count - 1]
        guard let entry = registry.optimizers.first(where: { $0.name == last.name }),
              let parameter = entry.parameters.first(where: { $0.name == name }), parameter.kind == .real, name != "lr" else {
            throw SpecError("'\(name)' is not a real hyperparameter of '\(last.name)' besides lr (see 'descent list optimizers')")
        }
    }

    /// One trial: `spec` for the budget from every start.
    static func run(_ spec: String, lr: Double, also: Double?, _ setup: TuneSetup) -> TuneTrial {
        var trial = TuneTrial(learningRate: lr, also: also, spec: spec, figure: nil, finalLoss: nil)
        let configured: ConfiguredOptimizer
        do {
            configured = try setup.registry.optimizer(spec, seed: setup.seed)
        } catch {
            trial.failure = error.message
            return trial
        }
        if let net = setup.net { return net.trial(trial, optimizer: configured.optimizer, setup) }
        guard let surface = setup.surface else { preconditionFailure("a tuning setup has a surface or a net") }
        var figures = 0.0, losses = 0.0
        for start in setup.starts {
            let run = Run(label: spec, spec: spec, optimizer: configured.optimizer, schedule: setup.schedule,
                          oracle: surface.oracle, start: start, recordsState: false)
            var score = TrialScore(criterion: setup.criterion, surface: surface, budget: setup.budget)
            switch RunStream.forEachStep(of: run, oracle: surface.oracle, steps: setup.budget, { score.add($0) }) {
            case nil: break
            case .diverged(let k)?:
                trial.divergedAt = k
                return trial
            case .failed(let k, let failure)?:
                trial.divergedAt = k
                trial.failure = failure.reason
                return trial
            }
            figures += score.figure
            losses += score.finalLoss
        }
        let count = Double(setup.starts.count)
        trial.figure = figures / count
        trial.finalLoss = losses / count
        return trial
    }

    /// See ``TuneResult/forgiving``.
    static func forgivingRange(_ curve: [TuneTrial], winner: TuneTrial, setup: TuneSetup) -> ClosedRange<Double>? {
        guard let bestFigure = winner.figure, bestFigure.isFinite, !winner.neverArrived(setup),
              let w = curve.firstIndex(where: { $0.learningRate == winner.learningRate }) else { return nil }
        // A net's loss (cross-entropy, mean squared error) is at least 0.
        let fStar = setup.net != nil ? 0 : setup.surface?.minimumValue
        let floor = min(setup.criterion.floor(minimumValue: fStar, budget: setup.budget) ?? bestFigure, bestFigure)
        let limit = 2 * (bestFigure - floor)
        func within(_ t: TuneTrial) -> Bool { t.figure.map { $0 - floor <= limit } ?? false && !t.neverArrived(setup) }
        var lo = w, hi = w
        while lo > 0, within(curve[lo - 1]) { lo -= 1 }
        while hi < curve.count - 1, within(curve[hi + 1]) { hi += 1 }
        return curve[lo].learningRate...curve[hi].learningRate
    }
}

extension TuneTrial {
    /// Whether, for the `steps` criterion, no start arrived within the budget.
    public func neverArrived(_ setup: TuneSetup) -> Bool {
        figure.map { setup.criterion.neverArrived($0, budget: setup.budget) } ?? false
    }
}

/// The starts of a tuning run: the given start, then `count − 1` more drawn uniformly (seeded)
/// from the box of ±10% of the view's width and height around it.
public func tuneStarts(around start: [Double], viewBox: ViewBox, count: Int, seed: UInt64) -> [[Double]] {
    var random = Xoshiro256(seed: seed)
    let w = viewBox.x.upperBound - viewBox.x.lowerBound, h = viewBox.y.upperBound - viewBox.y.lowerBound
    var starts = [start]
    for _ in 1..<max(count, 1) {
        let dx = (random.uniform() - 0.5) * 0.2 * w, dy = (random.uniform() - 0.5) * 0.2 * h
        starts.append([start[0] + dx, start[1] + dy])
    }
    return starts
}
