import Foundation
import Testing

/// The reproducers of the hostile-input issue, run as a user would: every one ends by itself
/// with a one-line `descent: error:` message (or a correct result), no signal, and no escape
/// byte from the input in any output.
@Suite struct HostileInputTests {
    /// Runs `descent ARGUMENTS` and checks what every hostile input must satisfy.
    static func run(_ arguments: [String]) throws -> DescentProcess.Result {
        let result = try DescentProcess.run(arguments)
        #expect(!result.signalled, "\(arguments.prefix(4)): ended by signal \(result.status)")
        #expect(!(result.stdout + result.stderr).contains("\u{1b}]") && !(result.stdout + result.stderr).contains("\u{7}"),
                "escape bytes from the input reached the output")
        return result
    }

    /// A refusal: a non-zero status (1, or 64 for a usage error) and one `descent: error:` line
    /// containing `fragment`.
    static func refused(_ arguments: [String], _ fragment: String) throws {
        let result = try run(arguments)
        #expect(result.status == 1 || result.status == 64)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 1 && result.stderr.hasPrefix("descent: error: "), "\(result.stderr)")
        #expect(result.stderr.contains(fragment), "\(result.stderr)")
    }

    /// A scene file with `text`, written to a temporary directory.
    static func scene(_ text: String, name: String = "hostile.toml") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("descent-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// `check FILE`: status 1 and every line of stdout a clean `FILE:LINE:COLUMN:` diagnostic, one containing `fragment`.
    static func checkRefuses(_ text: String, _ fragment: String) throws {
        let path = try scene(text)
        let result = try run(["check", path])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains(fragment), "\(result.stdout)\(result.stderr)")
        for line in result.stdout.split(separator: "\n") {
            #expect(line.hasPrefix(path + ":") && !line.unicodeScalars.contains { $0.value < 0x20 }, "\(line)")
        }
    }

    static let race = "title = \"t\"\ndescription = \"d\"\n[surface]\n"

    @Test(arguments: [
        String(repeating: "(", count: 10000) + "x" + String(repeating: ")", count: 10000),
        String(repeating: "x^", count: 5000) + "x",
        String(repeating: "sin(", count: 3000) + "x" + String(repeating: ")", count: 3000),
        String(repeating: "-", count: 5000) + "x",
    ])
    func deeplyNestedExpressionsAreRefused(_ expression: String) throws {
        try Self.refused(["trace", "--optimizer", "sgd", "--surface=" + expression], "the limit")
    }

    @Test func deeplyNestedExpressionInASceneIsADiagnostic() throws {
        let expr = String(repeating: "(", count: 2000) + "x" + String(repeating: ")", count: 2000)
        try Self.checkRefuses(Self.race + "expr = \"\(expr)\"\n[[optimizer]]\nspec = \"sgd\"\n", "nested more than 100 deep")
    }

    @Test func hugeMilestonesAreRefusedOnTheCommandLineAndInScenes() throws {
        try Self.refused(["trace", "--optimizer", "sgd", "--schedule", "multistep(milestones=(1e300, 5))"], "(the limit)")
        try Self.checkRefuses(Self.race + "name = \"beale\"\n[run]\nschedule = \"multistep(milestones=(1e300, 5))\"\n[[optimizer]]\nspec = \"sgd\"\n",
                              "milestones must be whole numbers")
    }

    @Test func subnormalSurfacesAndRatesRenderWithCorrectNumbers() throws {
        let result = try Self.run(["render", "--color", "never", "--size", "200x50", "--surface=4.9e-324", "sgd"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("4.94e-324"))
        let rate = try Self.run(["render", "--color", "never", "--size", "200x50", "sgd(lr=1e-322)"])
        #expect(rate.status == 0 && !rate.stdout.contains("inf"), "\(rate.stdout)")
        #expect(rate.stdout.contains("9.88e-323"))
    }

    @Test func aViewTooNarrowToLabelIsRefused() throws {
        try Self.checkRefuses(Self.race + "name = \"beale\"\nview = { x = [0, 5e-324], y = [-1, 1] }\n[[optimizer]]\nspec = \"sgd\"\n",
                              "surface.view.x: the view is too narrow to label")
    }

    @Test func hugeBatchesNetsAndStepsAreRefused() throws {
        try Self.refused(["train", "--batch=9223372036854775807", "sgd"], "--batch must be between 1 and 1000000 (the limit)")
        try Self.refused(["train", "--net", "2-100000-2", "sgd"], "every layer width must be between 1 and 1024 (the limit)")
        try Self.refused(["render", "--view", "training", "--at", "9223372036854775807", "sgd"], "--at must be between 0 and 10000000")
        try Self.refused(["render", "--at", "201", "sgd"], "past the run's last step, 200")
        try Self.refused(["render", "--view", "training", "--at", "9000000", "sgd", "adam"], "recorded steps (the limit)")
        try Self.checkRefuses("title = \"t\"\ndescription = \"d\"\n[training]\ndataset = \"moons\"\nbatch_size = 9223372036854775807\nepochs = 1\n"
                              + "[[training.optimizer]]\nspec = \"sgd\"\n", "training.batch_size: must be an integer from 1 to 1000000")
    }

    @Test(arguments: [
        ("[\n", "TOML syntax: expected a key"),
        ("[[\n", "TOML syntax: expected a key"),
        ("a = [\n", "the array is never closed"),
        ("title = \"a\\u0000b\"\n", "a NUL character (\\u0000) is not allowed in a string"),
        (String(repeating: "a.", count: 50_000) + "a = 1\n", "more than 16 parts (the limit)"),
        ("[" + String(repeating: "a.", count: 200_000) + "a]\n", "more than 16 parts (the limit)"),
        ("a = " + String(repeating: "[", count: 200_000) + "\n", "nested more than 32 deep (the limit)"),
        ("a = " + String(repeating: "{b = ", count: 200_000) + "\n", "nested more than 32 deep (the limit)"),
        ("when = 1979-05-27\n", "dates and times are not used in scene files"),
    ])
    func hostileTOMLIsADiagnostic(_ text: String, _ fragment: String) throws {
        try Self.checkRefuses(text, fragment)
    }

    @Test func oversizedSceneFilesAreRefused() throws {
        let path = try Self.scene("# " + String(repeating: "x", count: 2 << 20) + "\n")
        try Self.refused(["check", path], "(the limit)")
    }

    @Test func escapeSequencesFromASceneAreShownEscaped() throws {
        let injection = "\\u001b]0;pwned\\u0007\\u001b[2J"
        let text = Self.race + "name = \"\(injection)\"\n\"\(injection)\" = 1\n[run]\nlayout = \"\(injection)\"\n"
            + "[[optimizer]]\nspec = \"sgd\"\ncolor = \"\(injection)\"\n"
        let path = try Self.scene(text)
        let check = try Self.run(["check", path])
        #expect(check.status == 1 && check.stdout.contains("\\u{1b}]0;pwned\\u{7}"), "\(check.stdout)")
        #expect(!check.stdout.contains("\u{1b}"))
        let render = try Self.run(["render", "--color", "never", path])
        #expect(render.status == 1 && !render.stderr.contains("\u{1b}"), "\(render.stderr)")
        let argument = try Self.run(["trace", "--optimizer", "sgd", "--surface", "x\u{1b}]0;pwned\u{7}"])
        #expect(argument.status == 1 && argument.stderr.contains("\\u{1b}"), "\(argument.stderr)")
    }

    @Test func filesThatAreNotScenesGetSensibleMessages() throws {
        let empty = try Self.run(["check", "/dev/null"])
        #expect(empty.status == 1 && empty.stdout.hasPrefix("/dev/null:1:1: title: missing"), "\(empty.stdout)")
        try Self.refused(["check", FileManager.default.temporaryDirectory.path], "is a directory, not a file")
        try Self.refused(["check", "/nonexistent/scene.toml"], "/nonexistent/scene.toml: no such file")
        try Self.refused(["play", "/nonexistent/scene.toml"], "/nonexistent/scene.toml: no such file")
    }

    @Test func expressionErrorsAreOneLine() throws {
        try Self.refused(["trace", "--optimizer", "sgd", "--surface", "sin x"], "(column 5): bad expression: expected '(' after 'sin'")
    }

    @Test func trainWritesJSONLinesAsItGoes() throws {
        let result = try Self.run(["train", "--samples", "100", "--net", "2-4-2", "--epochs", "2", "--format", "jsonl", "sgd", "adam"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 6)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["optimizer"] is String && object["epoch"] is Int && object["validation_loss"] is Double)
        }
    }

    @Test func traceStreamsTheSameTrajectoryPastAChunk() throws {
        // 5000 steps cross the streaming chunk (4096 steps): the rows continue without a seam.
        let result = try Self.run(["trace", "--steps", "5000", "--optimizer", "adam(lr=0.01)", "--schedule", "cosine(t_max=4500)", "--format", "csv"])
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == 5001)
        #expect(rows.enumerated().allSatisfy { $1.hasPrefix("\($0),") })
        #expect(rows.last?.hasSuffix(",") == true, "the last point has no learning rate")
    }
}
