import DescentTUI
import Foundation

/// CPU time used by the real event loop while the six-optimizer default race plays at 30 steps
/// (frames) per second on a 200 × 50 screen, and while it sits paused: simulation, frame
/// composition and pacing. The terminal's own work is left out (ncurses sends only the cells that
/// changed; serialising every whole frame to ANSI would cost several times more than that), so
/// measure a real terminal for the full figure (the README shows how).
struct PlaybackBench {
    var seconds: Double

    func run() throws {
        print("CPU used by the event loop, 6-optimizer race at 200x50 (\(String(format: "%g", seconds)) s each)")
        for playing in [true, false] {
            let (cpu, frames) = try measure(playing: playing)
            let label = playing ? "playing at 30 frames/s" : "paused"
            print("  \(label.padding(24))  \(String(format: "%.3f", cpu)) CPU s  "
                  + "(\(String(format: "%.1f", 100 * cpu / seconds))% of one core, \(frames) frames)")
        }
    }

    private func measure(playing: Bool) throws -> (cpu: Double, frames: Int) {
        let setup = try DefaultRace.setup(steps: 1_000_000)
        let terminal = HeadlessTerminal(width: 200, height: 50)
        var loop = AppLoop(model: AppModel(lesson: LessonContent(race: setup, training: nil), width: 200, height: 50),
                           view: AppView(glyphs: .unicode))
        let before = Self.cpuSeconds()
        loop.run(on: terminal, for: .milliseconds(Int64(seconds * 1000)), initialMessages: playing ? [.action(.togglePlay)] : [])
        return (Self.cpuSeconds() - before, terminal.framesPresented)
    }

    /// User + system CPU seconds of this process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
