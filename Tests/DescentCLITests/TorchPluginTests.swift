import Foundation
import Testing

/// The shipped `scenes/plugins/torch_optim.py` wrapping `torch.optim.Adam` gives the built-in
/// `adam`'s trajectory on Beale. Needs a Python with torch: `$DESCENT_TEST_PYTHON` (e.g.
/// /work/venv/bin/python), else `python3`; skipped, saying so, when torch is not importable there.
@Suite struct TorchPluginTests {
    static let python = ProcessInfo.processInfo.environment["DESCENT_TEST_PYTHON"] ?? "python3"

    static let hasTorch: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, "-c", "import torch"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    @Test(.enabled(if: hasTorch, "skipped: torch is not importable by $DESCENT_TEST_PYTHON or python3 (set DESCENT_TEST_PYTHON to a Python with torch)"))
    func torchAdamMatchesTheBuiltInAdamOnBeale() throws {
        let script = PluginCommandTests.root.appendingPathComponent("scenes/plugins/torch_optim.py").path
        let plugin = try DescentProcess.run(["trace", "--surface", "beale", "--steps", "200", "--plugin", "torch=\(Self.python) \(script)",
                                             "--optimizer", "torch(cls=Adam, lr=0.05, betas=(0.9, 0.99))"])
        #expect(plugin.status == 0, "\(plugin.stderr)")
        let builtin = try DescentProcess.run(["trace", "--surface", "beale", "--steps", "200", "--optimizer", "adam(lr=0.05, betas=(0.9, 0.99))"])
        let a = try PluginCommandTests.trajectory(plugin), b = try PluginCommandTests.trajectory(builtin)
        #expect(a.count == 201 && a.count == b.count)
        for (p, q) in zip(a, b) {
            for (u, v) in zip(p, q) { #expect(abs(u - v) <= 1e-9 * max(abs(v), 1e-12), "\(p) vs \(q)") }
        }
    }
}
