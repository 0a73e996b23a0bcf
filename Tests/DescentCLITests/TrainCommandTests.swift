import Foundation
import Testing

/// `descent train` as a subprocess.
@Suite struct TrainCommandTests {
    static let base = ["train", "--dataset", "moons", "--samples", "200", "--net", "2-8-2", "--epochs", "3", "--batch", "16"]

    @Test func tablePrintsOneRowPerOptimizerAndEpoch() throws {
        let result = try DescentProcess.run(Self.base + ["adam(lr=0.01)", "--optimizer", "sgd(lr=0.1)"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2 + 2 * 4)
        #expect(lines[0].hasPrefix("optimizer") && lines[0].contains("val acc"))
        // Rows are printed as each evaluation is made: epoch by epoch, and within an epoch
        // --optimizer specs first, then the positional ones; both start from the same net.
        #expect(lines[2].hasPrefix("sgd(lr=0.1)") && lines[3].hasPrefix("adam(lr=0.01)"))
        let untrained = { (line: String) in line.split(separator: " ", omittingEmptySubsequences: true).dropFirst(3).prefix(4) }
        #expect(untrained(lines[2]) == untrained(lines[3]))
    }

    @Test func jsonHasTheDocumentedShapeAndIsDeterministic() throws {
        let arguments = Self.base + ["adam(lr=0.01)", "--format", "json", "--seed", "3"]
        let result = try DescentProcess.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["net"] as? String == "2-8-2" && object["train_samples"] as? Int == 160)
        let results = try #require(object["results"] as? [[String: Any]])
        let epochs = try #require(results.first?["epochs"] as? [[String: Any]])
        #expect(epochs.count == 4)
        #expect(epochs.map { $0["steps"] as? Int } == [0, 10, 20, 30])
        let last = try #require(epochs.last)
        #expect((last["validation_accuracy"] as? Double).map { (0...1).contains($0) } == true)
        #expect(results.first?["diverged_at"] is NSNull)
        let again = try DescentProcess.run(arguments)
        #expect(again.stdout == result.stdout)
    }

    @Test func csvAndDivergence() throws {
        let result = try DescentProcess.run(Self.base + ["sgd(lr=1e9)", "--format", "csv", "--loss", "mse", "--activation", "relu"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "optimizer,epoch,steps,train loss,train acc,val loss,val acc,diverged")
        #expect(lines.last?.contains("at step") == true)
    }

    @Test func idxFilesTrain() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("descent-idx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // 40 images of 2×2 pixels: class 1 is bright on the left, class 0 on the right.
        var pixels: [UInt8] = [], labels: [UInt8] = []
        for i in 0..<40 {
            let bright: UInt8 = UInt8(200 + i % 50), dark: UInt8 = UInt8(i % 30)
            pixels += i % 2 == 1 ? [bright, dark, bright, dark] : [dark, bright, dark, bright]
            labels.append(UInt8(i % 2))
        }
        let images = folder.appendingPathComponent("images"), labelFile = folder.appendingPathComponent("labels")
        try Data([0, 0, 8, 3, 0, 0, 0, 40, 0, 0, 0, 2, 0, 0, 0, 2] + pixels).write(to: images)
        try Data([0, 0, 8, 1, 0, 0, 0, 40] + labels).write(to: labelFile)
        let result = try DescentProcess.run(["train", "--idx-images", images.path, "--idx-labels", labelFile.path,
                                             "--net", "4-4-2", "--epochs", "30", "--batch", "8", "adam(lr=0.05)", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        let last = try #require((results.first?["epochs"] as? [[String: Any]])?.last)
        #expect(last["validation_accuracy"] as? Double == 1)

        let bad = try DescentProcess.run(["train", "--idx-images", labelFile.path, "--idx-labels", labelFile.path, "adam"])
        #expect(bad.status != 0 && bad.stderr.split(separator: "\n").count == 1 && bad.stderr.contains("IDX"))
    }

    @Test(arguments: [
        (["train"], "optimizer spec"),
        (["train", "--dataset", "mnist", "adam"], "--dataset 'mnist'"),
        (["train", "--net", "2-x-2", "adam"], "--net"),
        (["train", "--net", "3-8-2", "adam"], "features"),
        (["train", "--dataset", "blobs", "adam"], "3 classes"),
        (["train", "--activation", "swish", "adam"], "--activation 'swish'"),
        (["train", "--loss", "hinge", "adam"], "--loss 'hinge'"),
        (["train", "--batch", "0", "adam"], "--batch"),
        (["train", "--epochs", "-1", "adam"], "--epochs"),
        (["train", "--validation", "1.5", "adam"], "--validation"),
        (["train", "adam(lr=x)"], "optimizer 'adam(lr=x)'"),
        (["train", "--schedule", "nope", "adam"], "--schedule 'nope'"),
        (["train", "--dataset", "idx", "adam"], "--idx-images"),
        (["train", "--idx-images", "/nonexistent/file", "--idx-labels", "/nonexistent/file", "adam"], "cannot read"),
    ])
    func badInputIsOneClearLine(arguments: [String], mention: String) throws {
        let result = try DescentProcess.run(arguments)
        #expect(result.status != 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && result.stderr.contains(mention), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func helpDocumentsTheOptions() throws {
        let result = try DescentProcess.run(["train", "--help"])
        #expect(result.status == 0)
        for option in ["--dataset", "--net", "--activation", "--loss", "--batch", "--epochs", "--seed", "--idx-images", "--idx-labels", "--format", "--optimizer"] {
            #expect(result.stdout.contains(option), "\(option)")
        }
    }
}
