import ArgumentParser
import DescentCore

/// Refuses an option's value outside its range from ``Limits`` with a message naming both:
/// `--batch must be between 1 and 1000000 (the limit), got 0`.
func checkLimit(_ value: Int, _ range: ClosedRange<Int>, option: String) throws {
    guard range.contains(value) else {
        throw ValidationError("\(option) must be between \(range.lowerBound) and \(range.upperBound) (the limit), got \(value)")
    }
}

/// Refuses more than ``Limits/optimizers`` specs.
func checkOptimizerCount(_ count: Int) throws {
    guard count <= Limits.optimizers.upperBound else {
        throw ValidationError("at most \(Limits.optimizers.upperBound) optimizers at once (the limit), got \(count)")
    }
}
