import Foundation
import Testing

/// The headless CLI as a subprocess: what scripts and users rely on.
@Suite struct CLITests {
    @Test func traceJSONHasTheDocumentedShape() throws {
        let result = try DescentProcess.run(["trace", "--surface", "quadratic", "--start", "1,1", "--steps", "5", "--optimizer", "sgd(lr=0.1)"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let trajectory = try #require(object["trajectory"] as? [[Double]])
        let loss = try #require(object["loss"] as? [Double])
        #expect(trajectory.count == 6 && loss.count == 6)
        #expect(trajectory[0] == [1, 1])
        // x1 = (1, 1) − 0.1·(12, 8): the quadratic's gradient at (1, 1) is [12, 8].
        #expect(abs(trajectory[1][0] - -0.2) < 1e-15 && abs(trajectory[1][1] - 0.2) < 1e-15)
        #expect(loss[0] == 10)
        #expect(object["diverged_at"] is NSNull)
    }

    @Test func divergenceIsReportedAndTheTrajectoryStopsBeforeIt() throws {
        let result = try DescentProcess.run(["trace", "--surface", "quadratic", "--start", "1,1", "--steps", "2000", "--optimizer", "sgd(lr=1)"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let divergedAt = try #require(object["diverged_at"] as? Int)
        let trajectory = try #require(object["trajectory"] as? [[Double]])
        #expect(trajectory.count == divergedAt)
        #expect(trajectory.allSatisfy { $0.allSatisfy(\.isFinite) })
    }

    @Test func traceCSV() throws {
        let result = try DescentProcess.run(["trace", "--surface", "beale", "--start=-1,1.5", "--steps", "3", "--optimizer", "adam(lr=0.1)", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "step,x,y,loss,gradient_norm,learning_rate")
        #expect(lines.count == 5)
        #expect(lines[1].hasPrefix("0,-1.0,1.5,"))
    }

    @Test func raceFormats() throws {
        let arguments = ["race", "--surface", "quadratic", "--start", "1,1", "--steps", "300", "--tol", "1e-3", "sgd(lr=0.1)", "sgd(lr=0.001)", "sgd(lr=1)"]
        let table = try DescentProcess.run(arguments)
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("optimizer"))
        #expect(lines[3].contains("never"))
        #expect(lines[4].contains("at step"))

        let json = try DescentProcess.run(arguments + ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.count == 3)
        #expect(results[0]["steps_to_tolerance"] is Int)
        #expect(results[1]["steps_to_tolerance"] is NSNull)
        #expect(results[2]["diverged"] as? Bool == true)

        let markdown = try DescentProcess.run(arguments + ["--format", "markdown"])
        #expect(markdown.stdout.split(separator: "\n")[1].hasPrefix("| ---"))
        let csv = try DescentProcess.run(arguments + ["--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").count == 4)
    }

    @Test func listShowsEverySectionWithDefaults() throws {
        let all = try DescentProcess.run(["list"])
        #expect(all.status == 0)
        for heading in ["Surfaces:", "Optimizers:", "Schedules:", "Transforms"] {
            #expect(all.stdout.contains(heading))
        }
        let optimizers = try DescentProcess.run(["list", "optimizers"])
        #expect(optimizers.stdout.contains("adam"))
        #expect(optimizers.stdout.contains("betas=(0.9, 0.999)"))
        #expect(optimizers.stdout.contains("[torch.optim.Adam; Kingma & Ba 2015"))
        #expect(!optimizers.stdout.contains("Surfaces:"))
    }

    /// Every error is one clear line on stderr (two more for an expression's caret) and a
    /// non-zero exit status; never a stack trace.
    @Test(arguments: [
        (["trace", "--optimizer", "adamm"], "unknown optimizer 'adamm'; did you mean 'adam'"),
        (["trace", "--optimizer", "adam(lr=-1)"], "'lr' must be >= 0, got -1"),
        (["trace", "--optimizer", "adam(betas=0.9)"], "'betas' must be a tuple of 2 numbers"),
        (["trace", "--optimizer", "sgd(nesterov=true)"], "nesterov"),
        (["trace", "--optimizer", "adam", "--start", "1"], "--start '1': expected two finite numbers"),
        (["trace", "--optimizer", "adam", "--surface", "bael"], "unknown surface 'bael'; did you mean 'beale'"),
        (["trace", "--optimizer", "adam", "--schedule", "cosine"], "cosine needs 't_max'"),
        (["trace", "--optimizer", "adagrad", "--schedule", "one_cycle(max_lr=0.1, total_steps=50)"],
         "adagrad has neither momentum nor betas for the schedule to cycle; add cycle_momentum=false"),
        (["trace", "--optimizer", "adam", "--steps", "-3"], "--steps must be between 0 and 10000000 (the limit), got -3"),
        (["race"], "give at least one optimizer spec"),
        (["list", "nets"], "nets"),
        (["frobnicate"], "frobnicate"),
    ])
    func errorsAreOneClearLine(arguments: [String], fragment: String) throws {
        let result = try DescentProcess.run(arguments)
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("descent: error: "), "\(result.stderr)")
        #expect(result.stderr.contains(fragment), "\(result.stderr)")
    }

    @Test func badExpressionIsOneLineNamingTheColumn() throws {
        let result = try DescentProcess.run(["trace", "--optimizer", "sgd", "--surface", "5x^2 + * y"])
        #expect(result.status != 0)
        #expect(result.stderr == """
            descent: error: --surface '5x^2 + * y' (column 8): bad expression: expected an operand after '+'

            """)
    }

    @Test(arguments: [["--help"], ["trace", "--help"], ["race", "--help"], ["list", "--help"], ["bench", "--help"]])
    func helpEverywhere(arguments: [String]) throws {
        let result = try DescentProcess.run(arguments)
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE:"))
    }
}
