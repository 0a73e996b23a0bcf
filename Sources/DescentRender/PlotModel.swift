import DescentCore

/// A point of the plane (x right, y up).
public struct PlanePoint: Sendable, Equatable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) { self.x = x; self.y = y }

    /// Whether both coordinates are finite.
    public var isFinite: Bool { x.isFinite && y.isFinite }
}

/// One optimizer's path as the plot shows it.
public struct TrajectoryOverlay: Sendable, Equatable {
    /// The iterates up to the current step; non-finite points are skipped.
    public var points: [PlanePoint]
    public var color: Color
    /// Whether to mark the last point with the head glyph (`●`).
    public var showsHead: Bool
    /// The step at which the run diverged, if it did: marked `✖` plus the step number at the
    /// last finite point (pulled inside the view when it lies outside).
    public var divergedAtStep: Int?
    /// Dash pattern, head glyph and mark (``TrailStyle/lane(_:)`` for an optimizer's lane).
    public var style: TrailStyle

    public init(points: [PlanePoint], color: Color, showsHead: Bool = true, divergedAtStep: Int? = nil,
                style: TrailStyle = .plain) {
        self.points = points
        self.color = color
        self.showsHead = showsHead
        self.divergedAtStep = divergedAtStep
        self.style = style
    }
}

/// An arrow from a point (a gradient, momentum or update vector), with a head glyph chosen by
/// its direction on screen.
public struct ArrowOverlay: Sendable, Equatable {
    public var from: PlanePoint
    public var to: PlanePoint
    public var color: Color

    public init(from: PlanePoint, to: PlanePoint, color: Color) {
        self.from = from
        self.to = to
        self.color = color
    }
}

/// The sampled surface of one view, ready to draw: the field, its heatmap colours and its
/// iso-lines. Build it once per view (and size); frames only compose it.
public struct SurfaceLayers: Sendable {
    public let field: Field
    public let heatmap: HeatmapLayer
    public let contours: ContourLines

    /// Layers from an already sampled field.
    public init(field: Field, colorMap: ColorMap = .viridis, contourCount: Int = 10) {
        self.field = field
        heatmap = HeatmapLayer(field: field, colorMap: colorMap)
        contours = ContourLines(field: field, count: contourCount)
    }

    /// Samples `surface` on the pixel grid of `viewport` and builds the layers.
    public init(surface: Surface, viewport: Viewport, colorMap: ColorMap = .viridis, contourCount: Int = 10) {
        self.init(field: Field(surface: surface, viewport: viewport), colorMap: colorMap, contourCount: contourCount)
    }
}

/// Everything the plot shows, as plain values (no simulation types).
public struct PlotModel: Sendable {
    /// The plane rectangle shown.
    public var viewBox: ViewBox
    /// The sampled surface; drawn only when it was sampled for this view box and plot area.
    public var layers: SurfaceLayers?
    public var showsHeatmap: Bool
    public var showsContours: Bool
    /// The iso-line colour without the heatmap (subtle: a light grey by default). Over the
    /// heatmap, iso-lines are a tone of the heatmap colour under them, ``contourContrast`` ΔE
    /// lighter (darker on its light end): dimmer than any trail (see ``Palette/trails``).
    public var contourColor: Color
    /// Trails two braille dots wide (a room's projector), not one.
    public var boldTrails: Bool
    public var criticalPoints: [CriticalPoint]
    public var trajectories: [TrajectoryOverlay]
    public var arrows: [ArrowOverlay]
    /// A cursor position, if any.
    public var cursor: PlanePoint?
    /// Whether to draw axes with tick labels around the plot.
    public var showsAxes: Bool

    public init(viewBox: ViewBox, layers: SurfaceLayers? = nil, showsHeatmap: Bool = true, showsContours: Bool = true,
                contourColor: Color = .rgb(190, 190, 190), criticalPoints: [CriticalPoint] = [],
                trajectories: [TrajectoryOverlay] = [], arrows: [ArrowOverlay] = [], cursor: PlanePoint? = nil,
                showsAxes: Bool = true, boldTrails: Bool = false) {
        self.viewBox = viewBox
        self.layers = layers
        self.showsHeatmap = showsHeatmap
        self.showsContours = showsContours
        self.contourColor = contourColor
        self.criticalPoints = criticalPoints
        self.trajectories = trajectories
        self.arrows = arrows
        self.cursor = cursor
        self.showsAxes = showsAxes
        self.boldTrails = boldTrails
    }

    /// How far (ΔE, as a CIELAB lightness shift) iso-lines stand out from the heatmap under them.
    public static let contourContrast = 8.0
}
