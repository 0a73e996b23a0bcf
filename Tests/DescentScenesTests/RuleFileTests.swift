import DescentCore
import DescentScenes
import Foundation
import Testing

/// Rule files: optimizers written as equations.
@Suite struct RuleFileTests {
    static let adamPath = scenesDirectory.appendingPathComponent("rules/adam.toml").path

    static func registry() throws -> Registry {
        var registry = Registry.builtin
        try registry.register(try RuleFile.load(path: adamPath))
        return registry
    }

    /// The shipped rule-file Adam lands on the built-in `adam`'s points on Beale.
    @Test func ruleFileAdamMatchesTheBuiltInAdamOnBeale() throws {
        let registry = try Self.registry()
        let surface = try registry.surface("beale")
        func run(_ spec: String) throws -> Run {
            var run = Run(label: spec, spec: spec, optimizer: try registry.optimizer(spec).optimizer, oracle: surface.oracle,
                          start: [1, 1.5])
            run.advance(toStep: 300)
            return run
        }
        let rule = try run("my_adam(lr=0.01)"), builtin = try run("adam(lr=0.01)")
        #expect(rule.count == 301 && builtin.count == 301)
        var worst = 0.0
        for (a, b) in zip(rule.points, builtin.points) { worst = max(worst, abs(a - b) / max(abs(b), 1e-300)) }
        #expect(worst < 1e-9, "worst relative difference \(worst)")
        #expect(rule.states.last?.map(\.name) == ["m", "v"])
    }

    @Test func aRuleOptimizerConforms() throws {
        #expect(OptimizerConformance.violations(of: "my_adam", in: try Self.registry()) == [])
    }

    @Test func sign_min_max_andWholeVectorValues() throws {
        let entry = try RuleFile.parse("""
            name = "clipped_sign"
            [hyperparameters]
            lr = 0.1
            c = 1
            [update]
            steps = ["x = x - lr*min(c, norm(g))*sign(g)*max(0, dot(g, g))/dot(g, g)"]
            """, file: "c.toml")
        var optimizer = try entry.make([])
        var x = [1.0, -2.0]
        try optimizer.step(params: &x, gradient: [3, -4], lr: 0.1, oracle: OptimizerConformance.bowl)
        let expected: [Double] = [1 - 0.1, -2 + 0.1]
        #expect(x == expected)
    }

    @Test func errorsPointAtTheFileLineAndColumnWithDidYouMean() {
        let text = """
            name = "bad"
            [hyperparameters]
            lr = 0.1
            beta = 0.9
            [state]
            m = 0
            [update]
            steps = [
              "m = betta*m + g",
            ]
            """
        #expect(throws: SceneLoadError.self) { try RuleFile.parse(text, file: "bad.toml") }
        do {
            _ = try RuleFile.parse(text, file: "bad.toml")
        } catch {
            #expect(error.description.hasPrefix("bad.toml:9:8: update.steps[0]: unknown name 'betta'; did you mean 'beta'?"), "\(error)")
        }
        do {
            _ = try RuleFile.parse(text.replacingOccurrences(of: "\"m = betta*m + g\"", with: "\"q = m\""), file: "bad.toml")
        } catch {
            #expect(error.description.hasPrefix("bad.toml:9:4: update.steps[0]: cannot assign to 'q'"), "\(error)")
        }
    }
}

/// Rules in scenes: `[[rule]] file = "…"` and inline `[[rule]]` tables.
@Suite struct SceneRuleTests {
    @Test func theLessonRacesTheRuleFileAdamAgainstTheBuiltInAndTheyLandTogether() throws {
        let scene = try Scene.load(path: scenesDirectory.appendingPathComponent("write-your-own-optimizer.toml").path, registry: .builtin)
        #expect(scene.rules.map(\.name) == ["my_adam"])
        var race = try #require(try scene.makeRace(registry: .builtin))
        race.advance(toStep: scene.steps)
        let (a, b) = (race.runs[0].current, race.runs[1].current)
        #expect(zip(a, b).allSatisfy { abs($0 - $1) <= 1e-9 * abs($1) }, "\(a) vs \(b)")
    }

    @Test func anInlineRuleWithAMistakeIsReportedAtItsPlaceInTheScene() {
        let text = """
            title = "t"
            description = "d"
            [[rule]]
            name = "half_step"
            [rule.hyperparameters]
            lr = 0.1
            [rule.update]
            steps = ["x = x - lr*gradient"]
            [surface]
            name = "quadratic"
            [run]
            start = [1, 1]
            [[optimizer]]
            spec = "half_step(lr=0.2)"
            """
        do {
            _ = try Scene.parse(text, file: "s.toml", registry: .builtin)
            Issue.record("the scene loaded")
        } catch {
            #expect(error.description.contains("s.toml:8:22: rule[0].update.steps[0]: unknown name 'gradient'"), "\(error)")
        }
        let fixed = try? Scene.parse(text.replacingOccurrences(of: "lr*gradient", with: "lr*g"), file: "s.toml", registry: .builtin)
        #expect(fixed?.rules.map(\.name) == ["half_step"])
    }
}
