import DescentCore
import DescentTUI
import Foundation

/// CPU time used by the real event loop on a 200 × 50 screen while a view plays at 30 frames
/// per second and while it sits paused: simulation, frame composition and pacing. Two views:
/// the six-optimizer default race on the surface, and the default training race (the same six
/// methods training a 2-16-16-2 net on moons, as `descent play --training` opens it). The
/// terminal's own work is left out (ncurses sends only the cells that changed; serialising every
/// whole frame to ANSI would cost several times more than that), so measure a real terminal for
/// the full figure (the README shows how).
struct PlaybackBench {
    var seconds: Double

    /// A view to measure: its name and the lesson that opens on it.
    private struct Subject: Sendable {
        var name: String
        var content: @Sendable () throws -> LessonContent
    }

    private static let subjects = [
        Subject(name: "surface view, 6-optimizer race") { LessonContent(race: try DefaultRace.setup(steps: 1_000_000), training: nil) },
        Subject(name: "training view, default training race") { LessonContent(race: nil, training: try DefaultRace.trainingSetup()) },
    ]

    func run() throws {
        print("CPU used by the event loop at 200x50 (\(String(format: "%g", seconds)) s each)")
        for subject in Self.subjects {
            print("  \(subject.name)")
            for playing in [true, false] {
                let (cpu, frames) = try measure(try subject.content(), playing: playing)
                let label = playing ? "playing at 30 frames/s" : "paused"
                print("    \(label.padding(24))  \(String(format: "%.3f", cpu)) CPU s  "
                      + "(\(String(format: "%.1f", 100 * cpu / seconds))% of one core, \(frames) frames)")
            }
        }
    }

    private func measure(_ content: LessonContent, playing: Bool) throws -> (cpu: Double, frames: Int) {
        let terminal = HeadlessTerminal(width: 200, height: 50)
        var loop = AppLoop(model: AppModel(lesson: content, width: 200, height: 50), view: AppView(glyphs: .unicode))
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
