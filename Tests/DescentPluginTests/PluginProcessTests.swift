import DescentCore
import Foundation
import Testing
@testable import DescentPlugin

/// Plugin processes from inside: a fault ends the step with the reason, and the process is
/// killed and reaped (no zombie: `waitpid` finds no such child); a restart starts a new one.
@Suite(.serialized) struct PluginProcessTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let faulty = root.appendingPathComponent("Tests/DescentCLITests/Plugins/faulty.py").path
    static let momentum = root.appendingPathComponent("scenes/plugins/momentum.py").path

    static func optimizer(_ command: [String], timeout: Double = 5) throws -> any Optimizer {
        let entry = try Plugin(name: "p", command: command, timeout: timeout).entry()
        return try entry.make([])
    }

    @Test(arguments: ["crash", "hang", "garbage", "wrong_length"])
    func aFaultKillsAndReapsTheProcess(mode: String) throws {
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("descent-plugin-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: pidFile) }
        var optimizer = try Self.optimizer(["python3", Self.faulty, mode, pidFile], timeout: 0.5)
        var x = [1.0, 2.0]
        #expect(throws: OptimizerFailure.self) {
            try optimizer.step(params: &x, gradient: [2, 4], lr: 0.1, oracle: OptimizerConformance.bowl)
        }
        #expect(x == [1, 2])
        let pid = try #require(Int32(try String(contentsOfFile: pidFile, encoding: .utf8)))
        var status: Int32 = 0
        #expect(waitpid(pid, &status, WNOHANG) == -1 && errno == ECHILD, "the plugin \(pid) was not reaped")
        #expect(kill(pid, 0) == -1)
        #expect(LivePlugins.shared.count == 0)
    }

    @Test func momentumStepsResetsAndStopsWithTheOptimizer() throws {
        do {
            var optimizer = try Self.optimizer(["python3", Self.momentum])
            var x = [1.0, -1.0]
            try optimizer.step(params: &x, gradient: [2, -2], lr: 0.1, oracle: OptimizerConformance.bowl)
            #expect(x == [0.8, -0.8])
            #expect(optimizer.state == [StateVector("momentum_buffer", [2, -2])])
            #expect(LivePlugins.shared.count == 1)
            try optimizer.step(params: &x, gradient: [1, -1], lr: 0.1, oracle: OptimizerConformance.bowl)
            #expect(abs(x[0] - (0.8 - 0.1 * (0.9 * 2 + 1))) < 1e-15)
            try optimizer.reset()
            optimizer.learningRate = 0.5
            x = [1, -1]
            try optimizer.step(params: &x, gradient: [2, -2], lr: optimizer.learningRate, oracle: OptimizerConformance.bowl)
            #expect(x == [0, 0])
        }
        #expect(LivePlugins.shared.count == 0)
    }

    @Test func thePluginPassesTheConformanceSuite() throws {
        var registry = Registry.builtin
        try registry.register(try Plugin(name: "heavy", command: ["python3", Self.momentum]).entry())
        #expect(OptimizerConformance.violations(of: "heavy", in: registry) == [])
        #expect(LivePlugins.shared.count == 0)
    }

    @Test func aBadDescriptionIsRefused() throws {
        #expect(throws: PluginFault("could not start '/no/such/program': No such file or directory")) {
            try Plugin(name: "p", command: ["/no/such/program"]).entry()
        }
        #expect(throws: PluginFault.self) { try Plugin(name: "p", command: ["python3", "-c", "print('{}')"]).entry() }
        #expect(LivePlugins.shared.count == 0)
    }
}

@Suite struct PluginWireTests {
    @Test func commandLinesSplitWithoutAShell() throws {
        #expect(try PluginCommandLine.parse("torch=python3 scenes/plugins/torch_optim.py") == ("torch", ["python3", "scenes/plugins/torch_optim.py"]))
        #expect(try PluginCommandLine.words(#"a 'b c' "d \" e" f\ g ''"#) == ["a", "b c", #"d " e"#, "f g", ""])
        #expect(try PluginCommandLine.words("x; rm -rf $HOME") == ["x;", "rm", "-rf", "$HOME"])
        #expect(throws: PluginFault.self) { try PluginCommandLine.words("'open") }
        #expect(throws: PluginFault.self) { try PluginCommandLine.parse("bad name=x") }
        #expect(PluginCommandLine.join(["python3", "my file.py"]) == "python3 'my file.py'")
    }

    @Test func nonFiniteNumbersAreRead() throws {
        let reply = try PluginJSON.decode(PluginReply.self, from: Array(#"{"x":[NaN,-Infinity,1],"error":null}"#.utf8))
        let x = try #require(reply.x)
        #expect(x[0].isNaN && x[1] == -.infinity && x[2] == 1)
        #expect(PluginJSON.quotingNonFiniteNumbers(Array(#"{"e":"NaN in a string"}"#.utf8)) == Array(#"{"e":"NaN in a string"}"#.utf8))
        #expect(PluginJSON.array([0.1, .nan, -.infinity, 1e-8]) == "[0.1,NaN,-Infinity,1e-08]")
    }
}
