import DescentCore
import DescentRender

/// The decision-region maps the training view has drawn, so that a frame copies them and
/// predicts and draws again only for a net it has not drawn yet. One cache per composer (its
/// glyphs and colours are part of every map).
///
/// An entry is keyed by everything a map depends on: the trainer's place in the race, the
/// viewport (view box and screen rectangle), the net, its loss (the prediction's link), the
/// training samples drawn on top and the parameters θ themselves: the snapshot
/// ``TrainingState/boundaryParameters`` holds, which the state renews at most 4 times a second
/// while playing. An unchanged snapshot is the same array storage, so a hit compares θ (and the
/// samples) in constant time. The few most recent maps are kept (every optimizer's small
/// multiple and a large one).
public final class BoundaryCache {
    /// How many maps are kept.
    public let capacity: Int
    /// How many maps have been predicted and drawn so far (for tests and benchmarks).
    public private(set) var computations = 0
    /// How many pixels those held in all.
    public private(set) var pixelsPredicted = 0

    private struct Entry {
        var trainer: Int
        var viewport: Viewport
        var net: MLP
        var loss: LossFunction
        var features: [Double]
        var labels: [Int]
        var parameters: [Double]
        /// The map drawn at the origin, viewport-sized.
        var tile: CellBuffer
    }

    private var entries: [Entry] = []

    public init(capacity: Int = 24) {
        self.capacity = max(1, capacity)
    }

    /// Draws trainer `index`'s decision regions at `parameters` in `viewport` with its training
    /// samples on top (``ClassMap``), predicted and drawn now unless cached.
    func draw(_ trainer: Trainer, index: Int, parameters: [Double], viewport: Viewport, hasColors: Bool, glyphs: Glyphs,
              into buffer: inout CellBuffer) {
        let net = trainer.problem.net, loss = trainer.problem.loss, data = trainer.problem.data.train
        if let k = entries.firstIndex(where: {
            $0.trainer == index && $0.viewport == viewport && $0.net == net && $0.loss == loss && $0.parameters == parameters
                && $0.features == data.features && $0.labels == data.labels
        }) {
            let entry = entries.remove(at: k)
            entries.append(entry)
            buffer.draw(entry.tile, x: viewport.rect.x, y: viewport.rect.y)
            return
        }
        let local = Viewport(box: viewport.box, rect: Rect(x: 0, y: 0, width: viewport.rect.width, height: viewport.rect.height))
        let pixels = trainer.predictions(at: ClassMap.pixelCenters(local), parameters: parameters).map { ($0.predictedClass, $0.confidence) }
        let samples = data.labels.indices.map { ClassMap.Sample(x: data.features[2 * $0], y: data.features[2 * $0 + 1], label: data.labels[$0]) }
        var tile = CellBuffer(width: local.rect.width, height: local.rect.height)
        ClassMap(viewport: local, pixels: pixels, samples: samples, hasColors: hasColors).draw(into: &tile, glyphs: glyphs)
        computations += 1
        pixelsPredicted += pixels.count
        // One map per trainer and viewport: the older map of the same place goes.
        entries.removeAll { $0.trainer == index && $0.viewport == viewport }
        entries.append(Entry(trainer: index, viewport: viewport, net: net, loss: loss, features: data.features, labels: data.labels,
                             parameters: parameters, tile: tile))
        if entries.count > capacity { entries.removeFirst() }
        buffer.draw(tile, x: viewport.rect.x, y: viewport.rect.y)
    }
}
