/// Playback speeds in steps per second, from one step a second to thousands; `+`/`-` move along
/// the ladder.
///
/// Frames come at most 30 times a second: at speed s the tick interval is max(1/30, 1/s) seconds,
/// so slow speeds wake up once per step and fast ones advance s/30 steps per frame (the
/// fractional remainder carries over to the next tick).
public enum PlaybackSpeed {
    /// The ladder of speeds, steps per second.
    public static let ladder: [Double] = [1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 500, 1000, 2000, 5000]

    /// The index of the starting speed (30 steps per second: one step per frame).
    public static let defaultIndex = 6

    /// The highest frame rate.
    public static let maximumFramesPerSecond = 30.0

    /// The time between ticks at `stepsPerSecond`: max(1/30, 1/s) seconds.
    public static func tickInterval(stepsPerSecond: Double) -> Duration {
        let seconds = max(1 / maximumFramesPerSecond, 1 / stepsPerSecond)
        return .nanoseconds(Int64((seconds * 1e9).rounded()))
    }

    /// The longest real time one tick may account for (a stalled loop does not jump ahead).
    public static let maximumTickSeconds = 0.25

    /// A speed as shown in the status line: `30 steps/s`, `1 step/s`, `2k steps/s`.
    public static func label(_ stepsPerSecond: Double) -> String {
        let n = Int(stepsPerSecond)
        if n >= 1000, n % 1000 == 0 { return "\(n / 1000)k steps/s" }
        return n == 1 ? "1 step/s" : "\(n) steps/s"
    }
}
