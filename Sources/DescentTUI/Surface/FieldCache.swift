import DescentCore
import DescentRender

/// The sampled surface per view: a frame composes from it and never resamples. A view is a
/// viewport (view box and plot rectangle), so the field is recomputed only after a zoom, a pan
/// or a resize; the few most recent views are kept (overlay and grid both stay warm).
public final class FieldCache {
    /// How many views are kept.
    public let capacity: Int
    /// How many fields have been sampled so far (for tests and benchmarks).
    public private(set) var samplings = 0
    private var entries: [(surface: String, viewport: Viewport, layers: SurfaceLayers)] = []

    public init(capacity: Int = 3) {
        self.capacity = max(1, capacity)
    }

    /// The layers of `surface` in `viewport`, sampled now if this view is not cached.
    public func layers(for surface: Surface, viewport: Viewport) -> SurfaceLayers {
        if let index = entries.firstIndex(where: { $0.surface == surface.name && $0.viewport == viewport }) {
            let entry = entries.remove(at: index)
            entries.append(entry)
            return entry.layers
        }
        let layers = SurfaceLayers(surface: surface, viewport: viewport)
        samplings += 1
        entries.append((surface.name, viewport, layers))
        if entries.count > capacity { entries.removeFirst() }
        return layers
    }
}
