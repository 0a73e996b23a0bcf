import DescentCore

/// A surface sampled once on the half-block pixel grid of a plot rectangle (W × 2H pixels for a
/// W × H cell rect), with each sample's normalised level t ∈ [0, 1]. This is the cached object:
/// a frame composes from it and never resamples.
///
/// Levels: with g(f) = f on a linear scale, or g(f) = log(f − f_min + δ) on a log scale,
/// δ = 10⁻⁴·(f_max − f_min) (1 if the range is 0), t = (g(f) − g(f_min)) / (g(f_max) − g(f_min)),
/// and t = ½ everywhere when the field is constant. Non-finite samples get level NaN and are
/// drawn in the neutral colour.
public struct Field: Sendable {
    /// The view the samples belong to; pixel (i, j) samples the centre of pixel i, row j.
    public let viewport: Viewport
    /// Pixels across (= rect width) and down (= 2 · rect height).
    public let width: Int
    public let height: Int
    /// f at each pixel centre, row-major from the top row.
    public let values: [Double]
    /// The normalised level t ∈ [0, 1] per pixel, NaN where f is not finite.
    public let levels: [Double]
    /// The smallest and largest finite sample (NaN when there is none).
    public let minimum: Double
    public let maximum: Double
    /// Whether levels are log(f − f_min + δ) rather than f.
    public let logScale: Bool

    /// Samples `surface.value` at the centre of every pixel of `viewport`, log-scaled when the
    /// surface prefers it (or when `logScale` says so).
    public init(surface: Surface, viewport: Viewport, logScale: Bool? = nil) {
        let size = viewport.gridSize(.pixels)
        var values = [Double](repeating: .nan, count: size.width * size.height)
        for j in 0..<size.height {
            let y = viewport.center(column: 0, row: j, .pixels).y
            for i in 0..<size.width {
                values[j * size.width + i] = surface.value(viewport.center(column: i, row: 0, .pixels).x, y)
            }
        }
        self.init(viewport: viewport, values: values, logScale: logScale ?? surface.prefersLogScale)
    }

    /// A field from given samples (row-major, `viewport.gridSize(.pixels)` of them; missing ones
    /// count as non-finite, extra ones are dropped).
    public init(viewport: Viewport, values: [Double], logScale: Bool) {
        let size = viewport.gridSize(.pixels)
        let count = size.width * size.height
        var samples = Array(values.prefix(count))
        if samples.count < count { samples += Array(repeating: .nan, count: count - samples.count) }
        self.viewport = viewport
        width = size.width
        height = size.height
        self.values = samples
        self.logScale = logScale
        let finite = samples.filter(\.isFinite)
        minimum = finite.min() ?? .nan
        maximum = finite.max() ?? .nan
        let scale = LevelScale(minimum: minimum, maximum: maximum, logarithmic: logScale)
        levels = samples.map(scale.level)
    }

    /// The level t of pixel (i, j), NaN outside the grid or where f is not finite.
    public func level(column i: Int, row j: Int) -> Double {
        guard i >= 0, i < width, j >= 0, j < height else { return .nan }
        return levels[j * width + i]
    }

    /// The level t a value f would have in this field (the same mapping as the samples; clamped
    /// to [0, 1]), e.g. to draw an iso-line through a given loss.
    public func level(of value: Double) -> Double {
        LevelScale(minimum: minimum, maximum: maximum, logarithmic: logScale).level(value)
    }
}

/// The map f ↦ t ∈ [0, 1] of a ``Field``: linear in f, or in log(f − f_min + δ).
struct LevelScale {
    let minimum: Double
    let logarithmic: Bool
    let delta: Double
    let low: Double
    let span: Double

    init(minimum: Double, maximum: Double, logarithmic: Bool) {
        self.minimum = minimum
        self.logarithmic = logarithmic
        let range = maximum - minimum
        delta = range > 0 && range.isFinite ? range * 1e-4 : 1
        let scaledMaximum = logarithmic ? log(range + delta) : maximum
        low = logarithmic ? log(delta) : minimum
        span = scaledMaximum - low
    }

    func level(_ f: Double) -> Double {
        guard f.isFinite, minimum.isFinite else { return .nan }
        guard span > 0, span.isFinite else { return 0.5 }
        let g = logarithmic ? log(max(f - minimum, 0) + delta) : f
        return min(max((g - low) / span, 0), 1)
    }
}
