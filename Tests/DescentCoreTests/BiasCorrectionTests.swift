import RealModule
import Testing
@testable import DescentCore

/// The Adam family's bias corrections 1 − βᵗ as running products against PyTorch's `pow`.
@Suite struct BiasCorrectionTests {
    /// Step by step, the running βᵗ rounds to `pow(β, t)` on all but a few steps in ten
    /// thousand, and never differs by more than one unit in the last place, up to the step where
    /// the correction becomes exactly 1 (and stays 1).
    @Test(arguments: [0.9, 0.99, 0.999, 0.9999, 0.3, 0.5])
    func runningPowerFollowsPow(_ beta: Double) {
        var correction = BiasCorrection()
        var differing = 0, beyondOneUnit = 0, inconsistent = 0
        var steps = 0
        for t in 1...400_000 {
            correction.update(beta: beta, step: t)
            let expected = Double.pow(beta, Double(t))
            if correction.power != expected {
                differing += 1
                if Swift.abs(correction.power - expected) > expected.ulp { beyondOneUnit += 1 }
            }
            if correction.value != 1 - correction.power || correction.root != correction.value.squareRoot() {
                inconsistent += 1
            }
            steps = t
            if 1 - expected == 1 { break }
        }
        #expect(correction.value == 1)
        #expect(beyondOneUnit == 0 && inconsistent == 0)
        #expect(differing * 1000 <= steps, "\(differing) of \(steps) steps differ from pow")
    }

    /// A step that does not follow the last one, or a new β (a live edit), starts again from
    /// `pow`.
    @Test func jumpsAndNewBetasStartFromPow() {
        var correction = BiasCorrection()
        correction.update(beta: 0.999, step: 1)
        correction.update(beta: 0.999, step: 50)
        #expect(correction.power == Double.pow(0.999, 50))
        correction.update(beta: 0.99, step: 51)
        #expect(correction.power == Double.pow(0.99, 51))
        correction.update(beta: 0.99, step: 51)
        #expect(correction.power == Double.pow(0.99, 51))
        correction.update(beta: 0.99, step: 3)
        #expect(correction.power == Double.pow(0.99, 3))
    }
}
