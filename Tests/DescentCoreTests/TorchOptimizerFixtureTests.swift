import Foundation
import Testing
@testable import DescentCore

/// Tests/DescentCoreTests/Fixtures/torch_optimizers.json, written by
/// Tests/Scripts/generate_torch_optimizer_fixtures.py: PyTorch float64 trajectories.
struct TorchOptimizerFixture: Decodable, Sendable {
    /// One keyword argument as torch was given it.
    enum Argument: Decodable, Sendable {
        case number(Double)
        case flag(Bool)
        case tuple([Double])
        /// A string option (`line_search_fn="strong_wolfe"`), a bare word in a spec.
        case word(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) {
                self = .flag(flag)
            } else if let word = try? container.decode(String.self) {
                self = .word(word)
            } else if let tuple = try? container.decode([Double].self) {
                self = .tuple(tuple)
            } else {
                self = .number(try container.decode(Double.self))
            }
        }

        var specValue: SpecValue {
            switch self {
            case .number(let v): .number(v)
            case .flag(let b): .flag(b)
            case .tuple(let vs): .tuple(vs)
            case .word(let w): .word(w)
            }
        }
    }

    /// One optimizer run: registry entry, keyword arguments, objective, start and trajectory
    /// (the start first, then the parameters after each step), and for LBFGS the closure calls
    /// so far after each step.
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var entry: String
        var kwargs: [String: Argument]
        var objective: String
        var start: [Double]
        var steps: Int
        var trajectory: [[Double]]
        var evaluations: [Int]?

        var testDescription: String { name }

        /// The keyword arguments as spec arguments, in a fixed order.
        var arguments: [SpecArgument] {
            kwargs.keys.sorted().map { SpecArgument($0, kwargs[$0]!.specValue) }
        }
    }

    /// cᵢ and tᵢ of the 7-parameter objective.
    struct Chain: Decodable, Sendable {
        var weights: [Double]
        var targets: [Double]
    }

    var chain7: Chain
    var cases: [Case]

    static let shared: TorchOptimizerFixture = {
        do {
            let url = try #require(Bundle.module.url(forResource: "torch_optimizers", withExtension: "json", subdirectory: "Fixtures"))
            return try JSONDecoder().decode(TorchOptimizerFixture.self, from: Data(contentsOf: url))
        } catch {
            preconditionFailure("cannot load torch_optimizers.json: \(error)")
        }
    }()

    /// The objective a case runs on: a built-in surface's oracle, or `chain7`.
    func oracle(for objective: String) throws -> GradientOracle {
        if objective == "chain7" { return chain7.oracle }
        let entry = try #require(BuiltinSurfaces.all.first { $0.name == objective })
        return try entry.make([]).oracle
    }
}

extension TorchOptimizerFixture.Chain {
    /// f(w) = Σᵢ cᵢ(wᵢ − tᵢ)² + Σᵢ sin(wᵢ)wᵢ₊₁. The gradient is computed exactly as the fixture
    /// script computes it (gᵢ = 2cᵢ(wᵢ − tᵢ), then for i < n − 1: gᵢ += cos(wᵢ)wᵢ₊₁ and
    /// gᵢ₊₁ += sin(wᵢ), with libm's sin and cos), so the two agree bit for bit.
    var oracle: GradientOracle {
        let c = weights, t = targets
        return GradientOracle { w, g in
            let n = w.count
            var f = 0.0
            for i in 0..<n {
                let d = w[i] - t[i]
                f += c[i] * d * d
                g[i] = 2 * c[i] * d
            }
            for i in 0..<(n - 1) {
                f += Foundation.sin(w[i]) * w[i + 1]
                g[i] += Foundation.cos(w[i]) * w[i + 1]
                g[i + 1] += Foundation.sin(w[i])
            }
            return f
        }
    }
}

/// The error of `actual` against `expected` relative to |expected|, with an absolute floor
/// of 1e-12 (a relative error of at most 1e-9 for |expected| ≥ 1e-3).
func relativeError(_ actual: Double, _ expected: Double) -> Double {
    Swift.abs(actual - expected) / Swift.max(Swift.abs(expected), 1e-3)
}

/// Runs a fixture case through its registry entry and returns the worst relative error over
/// every coordinate of every step.
func worstRelativeError(_ fixtureCase: TorchOptimizerFixture.Case) throws -> Double {
    let entry = try #require(TorchOptimizers.all.first { $0.name == fixtureCase.entry })
    var optimizer = try entry.make(fixtureCase.arguments)
    let oracle = try TorchOptimizerFixture.shared.oracle(for: fixtureCase.objective)
    #expect(fixtureCase.trajectory.count == fixtureCase.steps + 1)
    var x = fixtureCase.start
    var worst = 0.0
    for (k, expected) in fixtureCase.trajectory.dropFirst().enumerated() {
        let g = oracle.gradient(at: x)
        try optimizer.step(params: &x, gradient: g, lr: optimizer.learningRate, oracle: oracle)
        if let evaluations = fixtureCase.evaluations {
            let lbfgs = try #require(optimizer as? LBFGS)
            #expect(lbfgs.functionEvaluations == evaluations[k], "evaluations after step \(k + 1)")
        }
        #expect(x.count == expected.count)
        for (a, e) in zip(x, expected) {
            let error = relativeError(a, e)
            worst = error.isNaN ? .infinity : Swift.max(worst, error)
        }
    }
    return worst
}

@Suite struct TorchOptimizerFixtureTests {
    @Test(arguments: TorchOptimizerFixture.shared.cases)
    func matchesPyTorch(_ fixtureCase: TorchOptimizerFixture.Case) throws {
        let worst = try worstRelativeError(fixtureCase)
        #expect(worst <= 1e-9, "worst relative error \(worst)")
    }

    /// Reports the worst error per objective.
    @Test func worstErrorOverAllCases() throws {
        var worst: [String: (error: Double, name: String)] = [:]
        for fixtureCase in TorchOptimizerFixture.shared.cases {
            let error = try worstRelativeError(fixtureCase)
            if error >= worst[fixtureCase.objective, default: (0, "")].error {
                worst[fixtureCase.objective] = (error, fixtureCase.name)
            }
        }
        for (objective, (error, name)) in worst.sorted(by: { $0.key < $1.key }) {
            print("torch fixtures on \(objective): worst relative error \(error) (\(name))")
        }
        #expect(worst.values.allSatisfy { $0.error <= 1e-9 })
    }

    @Test func everyEntryHasFixtures() {
        let covered = Set(TorchOptimizerFixture.shared.cases.map(\.entry))
        #expect(covered == Set(TorchOptimizers.all.map(\.name)))
    }
}
