import Testing
@testable import DescentRender

@Test func niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
    #expect(Ticks.niceStep(span: 10, maxCount: 5) == 2)
    #expect(Ticks.niceStep(span: 7, maxCount: 5) == 2)        // raw 1.4
    #expect(Ticks.niceStep(span: 1, maxCount: 10) == 0.1)
    #expect(Ticks.niceStep(span: 0.03, maxCount: 4) == 0.01)  // raw 0.0075
    #expect(Ticks.niceStep(span: 3000, maxCount: 1) == 5000)
    #expect(Ticks.niceStep(span: 0, maxCount: 4) == nil)
    #expect(Ticks.niceStep(span: .infinity, maxCount: 4) == nil)
}

@Test func linearTicksAreLabelledWithTheDecimalsTheStepNeeds() {
    #expect(Ticks.linear(-1...1, maxCount: 4).map(\.label) == ["-1.0", "-0.5", "0.0", "0.5", "1.0"])
    #expect(Ticks.linear(0...100, maxCount: 5).map(\.label) == ["0", "20", "40", "60", "80", "100"])
    #expect(Ticks.linear(-4.5...4.5, maxCount: 5).map(\.position) == [-4, -2, 0, 2, 4])
}

@Test func largeAndTinyTicksUseScientificLabels() {
    #expect(Ticks.linear(0...300_000, maxCount: 3).map(\.label) == ["0", "1e5", "2e5", "3e5"])
    #expect(Ticks.linear(0...0.0003, maxCount: 3).map(\.label) == ["0", "1e-4", "2e-4", "3e-4"])
    #expect(Ticks.linear(0.00015...0.00025, maxCount: 2).map(\.label) == ["1.5e-4", "2e-4", "2.5e-4"])
}

@Test func logTicksSitOnPowersOfTen() {
    #expect(Ticks.logarithmic(-3...2, maxCount: 10).map(\.label) == ["0.001", "0.01", "0.1", "1", "10", "100"])
    #expect(Ticks.logarithmic(0...10, maxCount: 5).map(\.label) == ["1", "100", "10000", "1e6", "1e8", "1e10"])
    #expect(Ticks.logarithmic(0...10, maxCount: 5).map(\.position) == [0, 2, 4, 6, 8, 10])
}

@Test func narrowLogRangesFallBackToLinearValues() {
    // 10^0.3 ≈ 2.0 … 10^0.9 ≈ 7.9: ticks 2, 4, 6 placed at their logarithms.
    let ticks = Ticks.logarithmic(0.3...0.9, maxCount: 3)
    #expect(ticks.map(\.label) == ["2", "4", "6"])
    #expect(ticks.allSatisfy { $0.position >= 0.3 && $0.position <= 0.9 })
}

@Test func compactNumbers() {
    #expect(NumberFormat.compact(0.000123) == "1.23e-4")
    #expect(NumberFormat.compact(12.345) == "12.3")
    #expect(NumberFormat.compact(1_234_567) == "1.23e6")
    #expect(NumberFormat.compact(-0.5) == "-0.5")
    #expect(NumberFormat.compact(0) == "0")
    #expect(NumberFormat.compact(.nan) == "nan")
    #expect(NumberFormat.compact(-.infinity) == "-inf")
    #expect(NumberFormat.compact(9.9996e7) == "1e8")
    #expect(NumberFormat.fixed(-0.0001, decimals: 2) == "0.00")
    #expect(NumberFormat.fixed(2.5, decimals: 0) == "3")
}
