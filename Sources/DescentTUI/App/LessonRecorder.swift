import DescentRender

/// Plays a lesson without a terminal and records what the screen shows as an asciicast v2
/// file (``AsciicastWriter``), deterministically: time is counted in frames, never read from a
/// clock, so the same input gives the same bytes.
///
/// The recording starts on the first frame and presses play. Every frame (1/`fps` s) the model
/// gets a tick of 1/`fps` s — playback at the lesson's own speed — and the frame's changes
/// (``AnsiScreenWriter``) become one output event. Where playback stops at a pausing note, the
/// frame is held for ``holdSeconds(for:)`` of the caption, then play is pressed again; where it
/// stops for good (the horizon, or a training race's end) the last frame is held for
/// ``finalHoldSeconds`` and the recording ends — on the lesson's last frame. `maximumSeconds`
/// bounds the whole recording.
public struct LessonRecorder {
    public var fps: Int
    public var depth: ColorDepth
    public var maximumSeconds: Double
    /// How long the last frame stays on screen.
    public static let finalHoldSeconds = 3.0

    public init(fps: Int, depth: ColorDepth, maximumSeconds: Double = 600) {
        self.fps = min(max(fps, 1), 120)
        self.depth = depth
        self.maximumSeconds = maximumSeconds
    }

    /// The time to read a caption: 2 s plus 40 ms a character, at most 8 s.
    public static func holdSeconds(for text: String) -> Double { min(8, 2 + 0.04 * Double(text.count)) }

    /// Records `model` drawn by `view`, handing each line of the file (header first) to `write`.
    /// Returns the final model.
    @discardableResult
    public func record(_ model: AppModel, view: AppView, title: String?, write: (String) -> Void) -> AppModel {
        var model = model
        var screen = AnsiScreenWriter(depth: depth)
        write(AsciicastWriter(width: model.width, height: model.height, title: title).header())
        var frame = 0
        func microseconds() -> Int { frame * 1_000_000 / fps }
        func emit() {
            let text = screen.update(to: view.compose(model))
            if !text.isEmpty { write(AsciicastWriter.output(text, atMicroseconds: microseconds())) }
        }
        emit()
        _ = model.receive(.action(.togglePlay))
        let lastFrame = Int(maximumSeconds * Double(fps))
        var held = 0
        while frame < lastFrame {
            frame += 1
            if model.isPlaying {
                _ = model.receive(.tick(seconds: 1 / Double(fps)))
            } else if let caption = Self.pausedCaption(model) {
                held += 1
                if Double(held) >= Self.holdSeconds(for: caption) * Double(fps) {
                    held = 0
                    _ = model.receive(.action(.togglePlay))
                }
            } else {
                frame += Int(Self.finalHoldSeconds * Double(fps)) - 1
                emit()
                write(AsciicastWriter.output("", atMicroseconds: microseconds()))
                return model
            }
            emit()
        }
        return model
    }

    /// The caption text when a surface race stopped before its horizon (at a pausing note),
    /// nil when it stopped for good.
    static func pausedCaption(_ model: AppModel) -> String? {
        guard model.screen == .surface || model.screen == .cloud, let plot = model.lesson?.plot,
              !plot.controls.isPlaying, plot.controls.step < plot.controls.horizon else { return nil }
        return plot.caption?.text ?? ""
    }
}
