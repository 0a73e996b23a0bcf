import DescentRender

/// Draws an ``AppModel``: the screen on show, by its composer. Pure apart from the field cache
/// the surface composer samples views into.
public struct AppView {
    public let surface: FrameComposer
    public let training: TrainingComposer
    public let lessons: LessonListView

    /// A view drawing with `glyphs` (``Glyphs/ascii`` for plain-ASCII output), with or without colours.
    public init(glyphs: Glyphs, hasColors: Bool = true) {
        surface = FrameComposer(glyphs: glyphs, hasColors: hasColors)
        training = TrainingComposer(glyphs: glyphs, hasColors: hasColors)
        lessons = LessonListView(surface: surface, training: training)
    }

    /// The frame of `model` at its terminal size.
    public func compose(_ model: AppModel) -> CellBuffer {
        if let lesson = model.lesson {
            if lesson.showsTraining, let training = lesson.training {
                return self.training.compose(training, width: model.width, height: model.height)
            }
            if let state = lesson.surface { return surface.compose(state) }
            if let state = lesson.cloud { return surface.compose(state) }
        }
        guard let list = model.lessons else { return CellBuffer(width: model.width, height: model.height) }
        return lessons.compose(list, width: model.width, height: model.height)
    }
}
