import DescentCore
import DescentRender
import DescentScenes

extension RaceSetup {
    /// The race of `scene`: per optimizer its chain spec, label, colour, start, schedule and
    /// gradient oracle (minibatch or full batch for a data scene), with the scene's view, steps,
    /// tolerance, nearest ladder speed, layout, title, description and notes; the seed is shown
    /// when the scene has noise, data or a cloud.
    ///
    /// A cloud scene also carries its ``Cloud`` (``cloud``), shown by the cloud screen; the
    /// entries (from the cloud's centre) give each cloud its label, colour and visibility. Nil
    /// for a training-only scene.
    public init?(scene: Scene, registry: Registry) throws(SpecError) {
        let registry = scene.extending(registry)
        guard let surface = scene.surface else { return nil }
        var entries: [Entry] = []
        for i in scene.optimizers.indices {
            let optimizer = scene.optimizers[i]
            entries.append(Entry(spec: scene.chainSpec(i), optimizer: try scene.makeOptimizer(i, registry: registry),
                                 label: optimizer.label, color: optimizer.color.map(Color.init(scene:)),
                                 start: scene.cloud == nil ? scene.start(i) : nil,
                                 schedule: try scene.makeSchedule(i, registry: registry), oracle: { scene.oracle(i) }))
        }
        let start = scene.cloud?.starts.center ?? scene.start
        self.init(surface: surface.surface, start: start, entries: entries,
                  schedule: try scene.makeSchedule(registry: registry), steps: scene.steps, tolerance: scene.tolerance,
                  layout: PlotLayoutMode(rawValue: scene.layout.rawValue) ?? .overlay, view: scene.view, registry: registry)
        optimizerSeed = scene.optimizerSeed
        addedOracle = { scene.oracle(for: .minibatch) }
        addedSpecPrefix = scene.addedSpecPrefix
        recordedLoss = scene.recordedLoss
        title = scene.title.isEmpty ? nil : scene.title
        description = scene.description.isEmpty ? nil : scene.description
        notes = scene.notes.sorted { $0.step < $1.step }
        speedIndex = PlaybackSpeed.nearestIndex(to: scene.speed)
        if try scene.isRandom(registry: registry) { seed = scene.optimizerSeed }
        cloud = try scene.makeCloud(registry: registry)
    }
}

extension Scene {
    /// Whether anything in the scene is random: gradient noise, a data problem, a cloud of
    /// starts, or an optimizer chain that draws random numbers (`noise(…) | sgd`, `noisy_sgd`),
    /// found by taking three steps with the scene's seed and with another one.
    func isRandom(registry: Registry) throws(SpecError) -> Bool {
        if noise != nil || data != nil || cloud != nil { return true }
        for i in optimizers.indices {
            func point(seed: UInt64) throws(SpecError) -> [Double] {
                var run = Run(label: "", spec: "", optimizer: try registry.optimizer(chainSpec(i), seed: seed).optimizer,
                              schedule: try makeSchedule(i, registry: registry), oracle: oracle(i), start: start(i),
                              recordsState: false)
                run.advance(toStep: 3)
                return run.point(run.count - 1)
            }
            if try point(seed: optimizerSeed) != point(seed: optimizerSeed &+ 1) { return true }
        }
        return false
    }
}

extension Color {
    /// The terminal colour of a scene colour (24-bit; quantized by the serializer).
    init(scene color: SceneColor) { self = .rgb(color.red, color.green, color.blue) }
}

extension PlaybackSpeed {
    /// The index of the ladder speed nearest to `stepsPerSecond` on a log scale (smallest
    /// ratio max(s/l, l/s)) (the slower
    /// one on a tie; the default for a non-finite or non-positive speed).
    public static func nearestIndex(to stepsPerSecond: Double) -> Int {
        guard stepsPerSecond.isFinite, stepsPerSecond > 0 else { return defaultIndex }
        func ratio(_ k: Int) -> Double { max(ladder[k] / stepsPerSecond, stepsPerSecond / ladder[k]) }
        return ladder.indices.min { ratio($0) < ratio($1) } ?? defaultIndex
    }
}
