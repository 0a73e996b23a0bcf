import DescentCore
import Testing
@testable import DescentRender

/// Number labels and ticks at the edges of Double: subnormals, ±0, the largest values, ranges
/// narrow for their magnitude, and (seeded) random values of every exponent.
@Suite struct NumberEdgeTests {
    @Test func subnormalsZerosAndExtremesAreWrittenCorrectly() {
        #expect(NumberFormat.compact(5e-324) == "4.94e-324")
        #expect(NumberFormat.compact(1e-322) == "9.88e-323")
        #expect(NumberFormat.compact(2.2250738585072014e-308) == "2.23e-308")
        #expect(NumberFormat.compact(-0.0) == "0" && NumberFormat.fixed(-0.0, decimals: 2) == "0.00")
        #expect(NumberFormat.compact(.greatestFiniteMagnitude) == "1.8e308")
        #expect(NumberFormat.scientific(-.greatestFiniteMagnitude, decimals: 3) == "-1.798e308")
        #expect(NumberFormat.decimalExponent(5e-324) == -324)
    }

    @Test func narrowRangesGetDistinctLabels() {
        for range in [1.0...(1 + 1e-12), 1e6...(1e6 + 1e-4), -1e-300...1e-300, 0.0...5e-324, 1e300...1.7e308] {
            let ticks = Ticks.linear(range, maxCount: 8)
            #expect(zip(ticks, ticks.dropFirst()).allSatisfy { $0.label != $1.label }, "\(range): \(ticks.map(\.label))")
        }
    }

    @Test func randomValuesNeverCrashOrPrintInfinityForFiniteInput() {
        var random = Xoshiro256(seed: 4)
        for _ in 0..<20_000 {
            let v = Double(bitPattern: random.next())
            let w = Double(bitPattern: random.next())
            for text in [NumberFormat.compact(v), NumberFormat.scientific(v, decimals: 3), NumberFormat.fixed(v, decimals: 2)] where v.isFinite {
                #expect(!text.contains("inf") && !text.contains("nan"), "\(v): \(text)")
            }
            if v.isFinite, w.isFinite {
                _ = Ticks.linear(min(v, w)...max(v, w), maxCount: 6)
                _ = Ticks.logarithmic(min(v, w) / 1e306...max(v, w) / 1e306, maxCount: 6)
            }
        }
    }
}
