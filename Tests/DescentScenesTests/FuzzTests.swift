import DescentCore
import Foundation
import Testing
@testable import DescentScenes

/// A bounded, seeded fuzz of everything a user can type: surface expressions, optimizer and
/// schedule specs, and scene files (every library scene, mutated). No input may crash, trap,
/// abort or hang; every refusal is a one-line message free of control characters.
///
/// `swift test` runs a few seconds' worth. Maintainers run longer with
/// `DESCENT_FUZZ_ITERATIONS=200000 DESCENT_FUZZ_SEED=7 swift test --filter FuzzTests` (the seed
/// makes a failure reproducible; a crash prints the input it was testing to stderr first when
/// `DESCENT_FUZZ_VERBOSE=1`).
@Suite struct FuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let iterations = environment["DESCENT_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 600
    static let seed = environment["DESCENT_FUZZ_SEED"].flatMap(UInt64.init) ?? 12
    static let verbose = environment["DESCENT_FUZZ_VERBOSE"] == "1"

    /// Pieces of hostile input: syntax, extreme numbers, control and invisible characters.
    static let hostile = [
        "(", ")", "[", "]", "[[", "]]", "{", "}", "=", ".", ",", "|", "^", "-", "+", "*", "/", "\"", "'", "'''", "\"\"\"",
        "\n", "\r\n", "#", "\\", "\\u0000", "\\u001b", "\u{1b}]0;pwned\u{7}", "\u{0}", "\u{9b}", "\u{202e}", "é", "🙂",
        "1e308", "1e309", "-1e300", "5e-324", "4.9e-324", "-0", "nan", "inf", "-inf", "9223372036854775807",
        "-9223372036854775808", "1e15", "0x7fffffffffffffff", "1979-05-27", "07:32:00", "true", " ", "\t",
        "x", "y", "sin(", "exp(", "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r", "x^x^x^x^x^x",
    ]

    /// `text` with 1 to 4 random edits: a hostile piece inserted, a range deleted or doubled,
    /// or a number replaced by an extreme one.
    static func mutated(_ text: String, _ random: inout Xoshiro256) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<(1 + Int(random.next() % 4)) {
            let at = scalars.isEmpty ? 0 : Int(random.next() % UInt64(scalars.count + 1))
            switch random.next() % 4 {
            case 0, 1:
                let piece = hostile[Int(random.next() % UInt64(hostile.count))]
                scalars.insert(contentsOf: piece.unicodeScalars, at: at)
            case 2:
                let end = min(scalars.count, at + Int(random.next() % 12))
                scalars.removeSubrange(at..<end)
            default:
                let end = min(scalars.count, at + Int(random.next() % 40))
                scalars.insert(contentsOf: scalars[at..<end], at: at)
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// A random string of up to 30 hostile pieces, sometimes nested hundreds deep.
    static func generated(_ random: inout Xoshiro256, from pieces: [String]) -> String {
        if random.next() % 8 == 0 {
            let depth = 50 + Int(random.next() % 400)
            let (open, close) = [("(", ")"), ("sin(", ")"), ("-", ""), ("x^", "")][Int(random.next() % 4)]
            return String(repeating: open, count: depth) + "x" + String(repeating: close, count: depth)
        }
        return (0..<Int(random.next() % 30)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
    }

    /// Whether a message shown to the user is one line without control characters.
    static func isOneCleanLine(_ message: String) -> Bool {
        !message.isEmpty && !message.unicodeScalars.contains(where: Sanitizer.isUnsafe)
    }

    static func trace(_ kind: String, _ input: String) {
        if verbose { FileHandle.standardError.write(Data("fuzz \(kind): \(input.debugDescription)\n".utf8)) }
    }

    @Test func expressionsNeverCrash() {
        var random = Xoshiro256(seed: Self.seed)
        let seeds = ["5x^2 + 2xy + 3y^2", "(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2", "sin(x)cos(y) + exp(-x^2)", "log(1 + x^2) - sqrt(abs(y))"]
        for n in 0..<Self.iterations {
            let text = n % 2 == 0 ? Self.mutated(seeds[n % seeds.count], &random) : Self.generated(&random, from: Self.hostile)
            Self.trace("expression", text)
            do {
                let surface = try Registry.builtin.surface(text)
                for (x, y) in [(0.0, 0.0), (1e300, -1e300), (5e-324, 1)] {
                    _ = surface.value(x, y)
                    _ = surface.gradient(x, y)
                }
            } catch {
                #expect(Self.isOneCleanLine(Sanitizer.clean(error.message)) && !error.message.contains("\n") || text.contains("\n"),
                        "\(text.debugDescription): \(error.message)")
            }
        }
    }

    @Test func specsNeverCrash() {
        var random = Xoshiro256(seed: Self.seed &+ 1)
        let words = ["sgd", "adam", "multistep", "cosine", "cosine_restarts", "step", "onecycle", "clip_norm", "noise", "lr", "betas",
                     "milestones", "t_max", "t_0", "t_mult", "step_size", "gamma", "momentum", "max_norm", "sigma", "1.5", "0.1",
                     "(", ")", "=", ",", "|", "(0.9, 0.99)", "(1e300, 5)"] + Self.hostile
        let seeds = ["adam(lr=0.01, betas=(0.9, 0.99))", "multistep(milestones=(30, 80), gamma=0.5)", "clip_norm(max_norm=1) | sgd(lr=0.1)",
                     "cosine_restarts(t_0=50, t_mult=2)", "step(step_size=10)"]
        let surface = try! Registry.builtin.surface("beale")
        for n in 0..<Self.iterations {
            let text = n % 2 == 0 ? Self.mutated(seeds[n % seeds.count], &random) : Self.generated(&random, from: words)
            Self.trace("spec", text)
            do {
                let configured = try Registry.builtin.optimizer(text)
                var run = Run(label: "fuzz", spec: text, optimizer: configured.optimizer, oracle: surface.oracle, start: [1, 1])
                run.advance(toStep: 3)
            } catch {
                #expect(!error.message.contains("\n") || text.contains("\n"), "\(text.debugDescription): \(error.message)")
            }
            do {
                let schedule = try Registry.builtin.schedule(text)
                for step in [0, 1, 7, 1_000, 10_000_000] { _ = schedule.learningRate(at: step, base: 0.1) }
            } catch {
                #expect(!error.message.contains("\n") || text.contains("\n"), "\(text.debugDescription): \(error.message)")
            }
        }
    }

    @Test func sceneFilesNeverCrash() throws {
        var random = Xoshiro256(seed: Self.seed &+ 2)
        let library = try sceneFiles().map { try String(contentsOf: $0, encoding: .utf8) }
        for n in 0..<Self.iterations {
            let text = Self.mutated(library[n % library.count], &random)
            Self.trace("scene", text)
            do {
                _ = try Scene.parse(bytes: Array(text.utf8), file: "fuzz.toml", registry: .builtin)
            } catch {
                let lines = error.unreadable.map { [$0] } ?? error.diagnostics.map(\.description)
                #expect(!lines.isEmpty)
                for line in lines { #expect(Self.isOneCleanLine(line), "\(text.debugDescription): \(line)") }
            }
        }
    }
}
