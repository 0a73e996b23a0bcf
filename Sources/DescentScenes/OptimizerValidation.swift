import DescentCore
import TOMLKit

extension SceneValidator {
    static let optimizerKeys = ["spec", "label", "color", "start", "schedule", "gradient", "tune"]

    /// The `[[optimizer]]` tables: a spec (built through the registry, so unknown names and bad
    /// parameters are reported with the valid choices), an optional label, colour, start, and
    /// (with `[data]`) which gradient the optimizer sees. With the race's `oracle` (nil when the
    /// surface or data could not be read), Hogwild! is refused where it has no finite sum, and
    /// given a `gradient` other than its own single samples; a distributed optimizer (which
    /// computes its workers' own gradients) with `[noise]` or matched noise in front.
    mutating func optimizers(_ root: TOMLTable, noise: SceneNoise?, hasData: Bool, oracle: GradientOracle?, seed: UInt64) -> [SceneOptimizer] {
        let tables = optimizerTables(root, "optimizer", in: "", required: "a scene needs at least one [[optimizer]] with a spec")
        var result: [SceneOptimizer] = []
        for (i, table) in tables.enumerated() {
            let path = "optimizer[\(i)]"
            reader.checkKeys(table, at: path, allowed: Self.optimizerKeys)
            let built = configuredOptimizer(table, at: path, seed: seed, oracle: oracle)
            let label = text(table, "label", in: path, maxLength: Limits.titleLength, singleLine: true)
            let color = self.color(table, at: path)
            let start = coordinatePoint(table, "start", in: path)
            let schedule = scheduleSpec(table, in: path)
            var gradient = SceneGradient.minibatch
            if table["gradient"] != nil {
                if hasData {
                    gradient = reader.choice(table, "gradient", in: path, as: SceneGradient.self) ?? .minibatch
                } else {
                    reader.reportKey(path + ".gradient", "only a scene with [data] has minibatch gradients; remove gradient")
                }
            }
            if let built, let reason = built.optimizer.ownGradients {
                let name = built.configuration.name
                if built.optimizer.drawsSamples, gradient != .minibatch {
                    reader.reportKey(path + ".gradient", "\(name) \(reason); remove gradient")
                } else if gradient == .matchedNoise {
                    reader.reportKey(path + ".gradient", "\(name) \(reason), which matched noise never reaches; use minibatch or full")
                }
                if root["noise"] != nil {
                    reader.report(path + ".spec", "\(name) \(reason), which [noise] never reaches; remove [noise]")
                }
            }
            let tune = reader.bool(table, "tune", in: path) ?? true
            guard let spec = built?.spec else { continue }
            result.append(SceneOptimizer(spec: spec, label: label ?? spec, hasOwnLabel: label != nil, color: color, start: start, schedule: schedule, gradient: gradient,
                                         tune: tune))
        }
        return result
    }

    /// The array of optimizer tables at `parent.key`: reports it missing or empty (`required`
    /// says what is needed) and longer than ``Limits/optimizers`` (then none are read).
    mutating func optimizerTables(_ table: TOMLTable, _ key: String, in parent: String, required: String) -> [TOMLTable] {
        let path = SceneReader.path(parent, key)
        let tables = reader.tables(table, key, in: parent, required: required)
        if tables.isEmpty, table[key]?.array?.isEmpty == true { reader.report(path, required) }
        if tables.count > Limits.optimizers.upperBound {
            reader.report(path, "at most \(Limits.optimizers.upperBound) optimizers, got \(tables.count)")
            return []
        }
        return tables
    }

    /// The `spec` of a training optimizer table, built in the registry with `seed` (errors at
    /// their column); an optimizer that draws a finite sum's samples (Hogwild!) is refused, since
    /// a net's loss here is not one.
    mutating func optimizerSpec(_ table: TOMLTable, at path: String, seed: UInt64) -> String? {
        guard let built = configuredOptimizer(table, at: path, seed: seed, oracle: nil) else { return nil }
        guard !built.optimizer.drawsSamples else {
            reader.report(path + ".spec", "\(built.configuration.name) draws single samples of a finite sum, which a training race's net is not; "
                          + "race it in [[optimizer]] with [data]")
            return nil
        }
        return built.spec
    }

    /// The optimizer of a table's `spec`, built in the registry with `seed`, and checked against
    /// `oracle` when given (Hogwild! needs a finite sum's samples); errors at their column.
    mutating func configuredOptimizer(_ table: TOMLTable, at path: String, seed: UInt64, oracle: GradientOracle?) -> ConfiguredOptimizer? {
        guard let spec = reader.string(table, "spec", in: path, required: "an optimizer needs a spec, e.g. spec = \"adam(lr=0.1)\"") else {
            return nil
        }
        do {
            var configured = try registry.optimizer(spec, seed: seed)
            if let oracle { try configured.optimizer.checkSamples(of: oracle) }
            configured.spec = spec
            return configured
        } catch {
            reportSpec(path + ".spec", error)
            return nil
        }
    }

    /// The `color` of an optimizer table: a palette name or `#RRGGBB`.
    mutating func color(_ table: TOMLTable, at path: String) -> SceneColor? {
        guard let text = reader.string(table, "color", in: path) else { return nil }
        guard let color = SceneColor(text) else {
            let names = SceneColor.named.map(\.name)
            reader.report(path + ".color", "unknown colour '\(text)'; \(SceneReader.didYouMean(text, among: names))use #RRGGBB or one of \(names.joined(separator: ", "))")
            return nil
        }
        return color
    }

    // MARK: Noise

    /// `[noise]`: `sigma` (constant) or `eta` and `gamma` (annealed), and a `seed`.
    mutating func noise(_ root: TOMLTable, seed: UInt64) -> SceneNoise? {
        guard let table = reader.table(root, "noise", in: "") else { return nil }
        reader.checkKeys(table, at: "noise", allowed: ["sigma", "eta", "gamma", "seed"])
        let noiseSeed = reader.seed(table, "seed", in: "noise") ?? seed
        let sigma = reader.number(table, "sigma", in: "noise", range: 0...1e6)
        let eta = reader.number(table, "eta", in: "noise", range: 0...1e6)
        let gamma = reader.number(table, "gamma", in: "noise", range: 0...10)
        let constant = table["sigma"] != nil, annealed = table["eta"] != nil || table["gamma"] != nil
        if constant && annealed {
            reader.reportKey("noise.sigma", "give sigma (constant noise) or eta and gamma (annealed noise), not both")
            return nil
        }
        if constant {
            return sigma.map { SceneNoise(scale: .constant(sigma: $0), seed: noiseSeed) }
        }
        if annealed {
            for key in ["eta", "gamma"] where table[key] == nil {
                reader.reportMissing("noise." + key, "annealed noise needs eta and gamma (σ_t² = eta/(1+t)^gamma)")
            }
            guard let eta, let gamma else { return nil }
            return SceneNoise(scale: .annealed(eta: eta, gamma: gamma), seed: noiseSeed)
        }
        reader.reportMissing("noise.sigma", "give sigma (constant noise) or eta and gamma (annealed noise)")
        return nil
    }

    // MARK: Cloud

    /// `[cloud]`: `count` starts in the disc of `radius` around `center`, and the `escape_radius`.
    mutating func cloud(_ root: TOMLTable, seed: UInt64) -> SceneCloud? {
        guard let table = reader.table(root, "cloud", in: "") else { return nil }
        reader.checkKeys(table, at: "cloud", allowed: ["count", "center", "radius", "seed", "escape_radius"])
        let count = reader.integer(table, "count", in: "cloud", range: Limits.cloudCount, required: "a cloud needs count (how many starts)")
        let center = coordinatePoint(table, "center", in: "cloud", required: "a cloud needs center = [x, y]")
        let radius = reader.number(table, "radius", in: "cloud", range: 0...Limits.coordinate, required: "a cloud needs radius (of the disc of starts)")
        let escape = reader.number(table, "escape_radius", in: "cloud", range: 0...Limits.coordinate,
                                   required: "a cloud needs escape_radius (a run has escaped once it is farther from the centre)")
        let cloudSeed = reader.seed(table, "seed", in: "cloud") ?? seed
        guard let count, let center, let radius, let escape else { return nil }
        guard escape > radius else {
            reader.report("cloud.escape_radius", "must be larger than radius (\(formatNumber(radius))), got \(formatNumber(escape))")
            return nil
        }
        return SceneCloud(starts: StartCloud(count: count, center: center, radius: radius, seed: cloudSeed), escapeRadius: escape)
    }

    // MARK: Data

    /// `[data]`: `kind` (a finite-sum objective), its parameters, `batch_size` and `view`.
    mutating func data(_ root: TOMLTable, seed: UInt64) -> SceneData? {
        guard let table = reader.table(root, "data", in: "") else { return nil }
        let kinds = StochasticObjectives.all.map(\.name)
        guard let kind = reader.string(table, "kind", in: "data", required: "data needs kind = one of \(kinds.joined(separator: ", "))") else {
            return nil
        }
        guard let entry = StochasticObjectives.all.first(where: { $0.name == kind }) else {
            reportUnknown("data.kind", kind: "data kind", name: kind, valid: kinds)
            return nil
        }
        guard let built = configure(entry, from: table, at: "data", nameKey: "kind", otherKeys: ["batch_size", "view"]) else { return nil }
        let n = built.product.count
        let batch = reader.integer(table, "batch_size", in: "data", range: 1...n, required: "data needs batch_size (samples per minibatch)")
        guard let batch else { return nil }
        return SceneData(spec: built.configuration.specDescription,
                         objective: built.product, batchSize: batch)
    }
}
