import Foundation
import Testing

/// `descent tune` and `descent race --tuned` as subprocesses.
@Suite struct TuneCommandTests {
    static let problem = ["--surface", "beale", "--start", "1,1.5", "--budget", "300"]
    static let optimizers = ["sgd", "momentum", "adam", "rmsprop"]

    @Test func printsTheTableAndTheSensitivityChart() throws {
        let result = try DescentProcess.run(["tune"] + Self.problem + Self.optimizers)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("optimizer") && lines[0].contains("best lr") && lines[0].contains("lr within 2x of best"))
        for (i, name) in Self.optimizers.enumerated() {
            #expect(lines[2 + i].hasPrefix(name + " "))
        }
        #expect(result.stdout.contains("final loss after 300 steps vs learning rate"))
        // Braille dots of the curves, and a legend line per optimizer with its best rate.
        #expect(result.stdout.unicodeScalars.contains { $0.value > 0x2800 && $0.value <= 0x28FF })
        for name in Self.optimizers { #expect(lines.contains { $0.contains("● \(name) best lr") || $0.contains(" \(name) best lr") }) }
        #expect(!result.stdout.contains("\u{1b}["), "no colours when stdout is not a terminal")
    }

    @Test func raceTunedRacesAtTheTunedRatesAndReproducesTheirFigures() throws {
        let tune = try DescentProcess.run(["tune", "--format", "json"] + Self.problem + Self.optimizers)
        #expect(tune.status == 0, "\(tune.stderr)")
        let tuned = try #require(try JSONSerialization.jsonObject(with: Data(tune.stdout.utf8)) as? [String: Any])
        let tunedResults = try #require(tuned["results"] as? [[String: Any]])
        let race = try DescentProcess.run(["race", "--tuned", "--format", "json"] + Self.problem + Self.optimizers)
        #expect(race.status == 0, "\(race.stderr)")
        let raced = try #require(try JSONSerialization.jsonObject(with: Data(race.stdout.utf8)) as? [String: Any])
        let raceResults = try #require(raced["results"] as? [[String: Any]])
        #expect(raceResults.count == Self.optimizers.count)
        for (t, r) in zip(tunedResults, raceResults) {
            let best = try #require(t["best"] as? [String: Any])
            let label = try #require(r["optimizer"] as? String)
            #expect(label.hasSuffix(", tuned)") && label.contains("lr="))
            #expect(r["steps"] as? Double == 300)
            #expect(r["diverged"] as? Bool == false)
            #expect(r["final_loss"] as? Double == best["figure"] as? Double)
        }
        let table = try DescentProcess.run(["race", "--tuned"] + Self.problem + ["sgd"])
        #expect(table.stdout.contains("sgd(lr="), "\(table.stdout)")
        #expect(table.stdout.contains(", tuned)"))
    }

    @Test func renderTunedAndSceneTuning() throws {
        let tuned = try DescentProcess.run(["render", "--tuned", "--budget", "100", "--surface", "quadratic", "--start", "1,1",
                                            "--size", "140x30", "--color", "never", "sgd", "adam"])
        #expect(tuned.status == 0, "\(tuned.stderr)")
        #expect(tuned.stdout.contains("sgd(lr=") && tuned.stdout.contains(", tuned)"), "\(tuned.stdout)")
        let tooMuch = try DescentProcess.run(["render", "--tuned", "--budget", "1000000", "--starts", "100", "sgd"])
        #expect(tooMuch.status != 0 && tooMuch.stderr.contains("more than 20000000 steps in all (the limit)"), "\(tooMuch.stderr)")
        let scenes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenes")
        let fair = scenes.appendingPathComponent("fair-race.toml").path
        let scene = try DescentProcess.run(["render", fair, "--size", "140x40", "--color", "never"])
        #expect(scene.status == 0, "\(scene.stderr)")
        #expect(scene.stdout.contains("SGD (tuned)") && scene.stdout.contains("Adam (tuned)"))
        let both = try DescentProcess.run(["render", "--tuned", fair])
        #expect(both.status != 0 && both.stderr.contains("tune = { … }"))
    }

    /// Tuning on a net (budget in epochs): the winner's final training loss is what a plain
    /// `descent train` at that rate ends with, and no diverged rate wins.
    @Test func tuningANetIsReproducedByTrain() throws {
        let net = ["--dataset", "moons", "--samples", "200", "--net", "2-8-2"]
        let tune = try DescentProcess.run(["tune", "--format", "json", "--budget", "3", "--lr-grid", "7", "--refine", "2"] + net + ["sgd", "adam"])
        #expect(tune.status == 0, "\(tune.stderr)")
        let tuned = try #require(try JSONSerialization.jsonObject(with: Data(tune.stdout.utf8)) as? [String: Any])
        for result in try #require(tuned["results"] as? [[String: Any]]) {
            let best = try #require(result["best"] as? [String: Any])
            let spec = try #require(best["spec"] as? String), figure = try #require(best["figure"] as? Double)
            #expect(best["diverged_at"] is NSNull)
            let trials = try #require(result["trials"] as? [[String: Any]])
            for trial in trials where !(trial["diverged_at"] is NSNull) { #expect(trial["lr"] as? Double != best["lr"] as? Double) }
            let train = try DescentProcess.run(["train", "--format", "json", "--epochs", "3"] + net + [spec])
            #expect(train.status == 0, "\(train.stderr)")
            let trained = try #require(try JSONSerialization.jsonObject(with: Data(train.stdout.utf8)) as? [String: Any])
            let epochs = try #require((trained["results"] as? [[String: Any]])?.first?["epochs"] as? [[String: Any]])
            #expect(epochs.last?["train_loss"] as? Double == figure, "\(spec)")
        }
        let steps = try DescentProcess.run(["tune", "--by", "steps"] + net + ["sgd"])
        #expect(steps.status != 0 && steps.stderr.contains("on a net use --by final or area"))

        // --starts on a net: several initialisations per trial, said in the JSON.
        let starts = try DescentProcess.run(["tune", "--format", "json", "--budget", "2", "--lr-grid", "4", "--refine", "0", "--starts", "3"] + net + ["sgd"])
        #expect(starts.status == 0, "\(starts.stderr)")
        let overStarts = try #require(try JSONSerialization.jsonObject(with: Data(starts.stdout.utf8)) as? [String: Any])
        #expect(overStarts["starts"] as? Int == 3)
    }

    /// `train --tuned`: the race trains at the rates `descent tune` finds on the same net (labels
    /// say tuned), and ends with the loss a plain `train` at the winning rate ends with.
    @Test func trainTunedIsReproducedByAPlainTrain() throws {
        let net = ["--dataset", "moons", "--samples", "200", "--net", "2-8-2"]
        let search = ["--budget", "3", "--lr-grid", "7", "--refine", "2"]
        let tune = try DescentProcess.run(["tune", "--format", "json"] + search + net + ["sgd", "adam"])
        #expect(tune.status == 0, "\(tune.stderr)")
        let results = try #require((try JSONSerialization.jsonObject(with: Data(tune.stdout.utf8)) as? [String: Any])?["results"] as? [[String: Any]])
        let train = try DescentProcess.run(["train", "--tuned", "--format", "json", "--epochs", "3"] + search + net + ["sgd", "adam"])
        #expect(train.status == 0, "\(train.stderr)")
        let trained = try #require((try JSONSerialization.jsonObject(with: Data(train.stdout.utf8)) as? [String: Any])?["results"] as? [[String: Any]])
        #expect(trained.count == 2)
        for (name, (result, run)) in zip(["sgd", "adam"], zip(results, trained)) {
            let best = try #require(result["best"] as? [String: Any])
            let spec = try #require(best["spec"] as? String), lr = try #require(best["lr"] as? Double)
            #expect(run["optimizer"] as? String == "\(name)(lr=\(String(format: "%.3g", lr)), tuned)")
            // The JSON carries the tuned spec at full precision and the winning trial.
            #expect(run["spec"] as? String == spec)
            #expect((run["tuned"] as? [String: Any])?["lr"] as? Double == lr && (run["tuned"] as? [String: Any])?["figure"] as? Double == best["figure"] as? Double)
            let loss = try #require((run["epochs"] as? [[String: Any]])?.last?["train_loss"] as? Double)
            #expect(loss == best["figure"] as? Double)
            let plain = try DescentProcess.run(["train", "--format", "json", "--epochs", "3"] + net + [spec])
            let plainRun = try #require((try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [String: Any])?["results"] as? [[String: Any]])
            #expect((plainRun.first?["epochs"] as? [[String: Any]])?.last?["train_loss"] as? Double == loss, "\(spec)")
        }
        // The budget defaults to --epochs; the table says tuned too.
        let table = try DescentProcess.run(["train", "--tuned", "--epochs", "2", "--lr-grid", "4", "--refine", "0"] + net + ["sgd"])
        #expect(table.status == 0 && table.stdout.contains("sgd(lr=") && table.stdout.contains(", tuned)"), "\(table.stdout)\(table.stderr)")
        let steps = try DescentProcess.run(["train", "--tuned", "--by", "steps"] + net + ["sgd"])
        #expect(steps.status != 0 && steps.stderr.contains("on a net use --by final or area"), "\(steps.stderr)")
        let tooMuch = try DescentProcess.run(["train", "--tuned", "--budget", "100000", "--starts", "100"] + net + ["sgd"])
        #expect(tooMuch.status != 0 && tooMuch.stderr.contains("more than 200000000 (the limit)"), "\(tooMuch.stderr)")
    }

    /// `render --tuned` tunes the training view's race on its own net for --tune-epochs epochs:
    /// the rate `descent tune --dataset` finds with that budget, not the surface race's.
    @Test func renderTunedTunesTheTrainingViewOnItsNet() throws {
        let net = ["--dataset", "moons", "--samples", "200", "--net", "2-8-2"]
        let search = ["--lr-grid", "5", "--refine", "1"]
        let tune = try DescentProcess.run(["tune", "--format", "json", "--budget", "2"] + search + net + ["adam"])
        let best = try #require(((try JSONSerialization.jsonObject(with: Data(tune.stdout.utf8)) as? [String: Any])?["results"] as? [[String: Any]])?
            .first?["best"] as? [String: Any])
        let lr = String(format: "%.3g", try #require(best["lr"] as? Double))
        let render = try DescentProcess.run(["render", "--tuned", "--budget", "50", "--tune-epochs", "2", "--surface", "quadratic", "--start", "1,1",
                                             "--view", "training", "--size", "120x20", "--color", "never"] + search + net + ["adam"])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(render.stdout.contains("adam(lr=\(lr), tuned)"), "\(render.stdout)")
        let tooMuch = try DescentProcess.run(["render", "--tuned", "--tune-epochs", "10000", "--view", "training"] + net + ["adam"])
        #expect(tooMuch.status != 0 && tooMuch.stderr.contains("tuning the training race would train for")
                && tooMuch.stderr.contains("more than 1000000 (the limit)"), "\(tooMuch.stderr)")
    }

    @Test func csvAndBadArguments() throws {
        let csv = try DescentProcess.run(["tune", "--format", "csv", "--surface", "quadratic", "--start", "1,1", "--budget", "50", "--by", "steps", "--tol", "1e-2", "sgd"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.hasPrefix("optimizer,best lr,steps to tol,"))
        let bad = try DescentProcess.run(["tune", "--lr-grid", "1000", "sgd"])
        #expect(bad.status != 0 && bad.stderr.contains("--lr-grid must be between 2 and 100 (the limit)"))
        let range = try DescentProcess.run(["tune", "--lr-range", "1,0.1", "sgd"])
        #expect(range.status != 0 && range.stderr.contains("--lr-range"))
        let work = try DescentProcess.run(["tune", "--budget", "10000000", "--starts", "100", "sgd"])
        #expect(work.status != 0 && work.stderr.contains("steps in all (the limit)"))
        let also = try DescentProcess.run(["tune", "--also", "bogus\u{1b}[31m", "sgd"])
        #expect(also.status != 0 && also.stderr.contains("\\u{1b}") && !also.stderr.contains("\u{1b}"))
    }
}
