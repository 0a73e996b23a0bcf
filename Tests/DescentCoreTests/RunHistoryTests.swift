import Testing
@testable import DescentCore

/// Runs that keep a window of every step and thin the older ones (the live views' history).
@Suite struct RunHistoryTests {
    static let beale = try! Registry.builtin.surface("beale")

    static func run(_ history: RunHistory, spec: String = "adam(lr=0.01)", on surface: Surface = beale,
                    from start: [Double] = [1, 1.5]) throws -> Run {
        Run(label: spec, spec: spec, optimizer: try Registry.builtin.optimizer(spec).optimizer, oracle: surface.oracle,
            start: start, history: history)
    }

    @Test func aLongRunKeepsBoundedStorageWithEveryStepOfTheWindow() throws {
        var thinned = try Self.run(.window(100))
        var whole = try Self.run(.everyStep)
        thinned.advance(toStep: 20_000)
        whole.advance(toStep: 20_000)
        #expect(thinned.steps == 20_000 && whole.count == 20_001)
        #expect(thinned.count <= 2 * 100 + 1)
        #expect(thinned.keptSteps.count == thinned.count && thinned.losses.count == thinned.count)
        #expect(thinned.learningRates.count == thinned.count - 1 && thinned.states.count == thinned.count - 1)
        #expect(thinned.keptSteps.first == 0 && thinned.keptSteps.last == 20_000)
        #expect(Array(thinned.keptSteps.suffix(100)) == Array(19_901...20_000))
        #expect(zip(thinned.keptSteps, thinned.keptSteps.dropFirst()).allSatisfy { $0 < $1 })
        // Every kept entry is exactly the step it says it is.
        for e in 0..<thinned.count {
            let k = thinned.step(ofEntry: e)
            #expect(thinned.point(e) == whole.point(k) && thinned.gradient(e) == whole.gradient(k))
            #expect(thinned.losses[e] == whole.losses[k] && thinned.gradientNorms[e] == whole.gradientNorms[k])
            if e < thinned.learningRates.count {
                #expect(thinned.learningRates[e] == whole.learningRates[k] && thinned.states[e] == whole.states[k])
            }
        }
    }

    @Test func theEntryOfAStepIsTheLastKeptOneAtOrBeforeIt() throws {
        var run = try Self.run(.window(10))
        run.advance(toStep: 1000)
        #expect(run.entry(atOrBefore: -1) == nil)
        #expect(run.entry(atOrBefore: 0) == 0)
        #expect(run.entry(atOrBefore: 5000) == run.count - 1)
        for step in 0...1000 {
            let e = try #require(run.entry(atOrBefore: step))
            #expect(run.step(ofEntry: e) <= step)
            #expect(e + 1 == run.count || run.step(ofEntry: e + 1) > step)
        }
        var whole = try Self.run(.everyStep)
        whole.advance(toStep: 3)
        #expect(whole.keptSteps.isEmpty && whole.entry(atOrBefore: 2) == 2 && whole.entry(atOrBefore: 9) == 3)
    }

    @Test func aRaceOfThinnedRunsFindsTheArrivalsOfOneThatKeepsEveryStep() throws {
        func race(_ history: RunHistory) throws -> Race {
            let bowl = try Registry.builtin.surface("elongated_bowl")
            var race = Race(surface: bowl, runs: try ["adam(lr=0.01)", "sgd(lr=0.01, momentum=0.9)"].map {
                try Self.run(history, spec: $0, on: bowl, from: [-4, 1.5])
            }, tolerance: 0.01)
            race.advance(toStep: 3000)
            return race
        }
        let thinned = try race(.window(50)), whole = try race(.everyStep)
        #expect(whole.arrivals.allSatisfy { $0 != nil })
        #expect(thinned.arrivals.map { $0?.step } == whole.arrivals.map { $0?.step })
        #expect(thinned.keptStep(atOrBefore: 2999) == 2999)
        let kept = thinned.keptStep(atOrBefore: 1001)
        #expect(kept <= 1001 && thinned.runs.allSatisfy { run in run.entry(atOrBefore: kept).map { run.step(ofEntry: $0) } == kept })
    }

    @Test func thinningColumnsOfSeveralElementsKeepsEntriesWhole() {
        var points = Array(0..<20)  // 10 entries of 2
        points.thinEntries(older: 6, width: 2)
        #expect(points == [0, 1, 4, 5, 8, 9, 12, 13, 14, 15, 16, 17, 18, 19])
        #expect([Int].olderToThin(count: 10, keepingLast: 4) == 6 && [Int].olderToThin(count: 8, keepingLast: 4) == nil)
    }
}
