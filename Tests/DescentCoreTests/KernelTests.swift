#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import DescentCore

/// The C kernels of every set this CPU runs (baseline, and AVX2+FMA where the CPU has it):
/// tanh and exp within 2 ulp of libm's extended-precision functions, and the torch-order
/// updates bit-identical across sets and to the scalar formulas.
@Suite struct KernelTests {
    /// The kernel sets this CPU can run: the FMA set is tested only where the CPU has it.
    static let sets = [Kernels.baseline] + (Kernels.fusedMultiplyAdd.map { [$0] } ?? [])
    /// The choices of kernels for a net's evaluation that the fixtures are checked on: each set's
    /// hand kernels alone, and BLAS for every layer.
    static let denseChoices = sets.map { DenseKernels(kernels: $0, blasMinimumWeights: .max) }
        + [DenseKernels(kernels: .best, blasMinimumWeights: 0)]

    /// Inputs across the magnitudes that matter: 2⁻³⁰…2⁶ of both signs, a dense grid on
    /// [−25, 25], and the edge values.
    static func points(count: Int, exponents: ClosedRange<Double>, seed: UInt64) -> [Double] {
        var generator = Xoshiro256(seed: seed)
        var x = (0..<count).map { _ in
            let magnitude = (1 + generator.uniform()) * pow(2, exponents.lowerBound + generator.uniform() * (exponents.upperBound - exponents.lowerBound))
            return generator.uniform() < 0.5 ? -magnitude : magnitude
        }
        x += stride(from: -25.0, through: 25, by: 1.0 / 1024)
        x += [0, -0.0, 0.5625, -0.5625, .leastNonzeroMagnitude, -.leastNormalMagnitude, 1e-300, 22, -22, 23, 700]
        return x
    }

    #if arch(x86_64) || arch(i386)
    /// |y − f(x)| in units in the last place of f(x), with f in 64-bit-mantissa precision.
    static func ulps(_ y: Double, _ exact: Float80) -> Double {
        if y.isNaN && exact.isNaN { return 0 }
        let rounded = Double(exact)
        if rounded.isInfinite || y.isInfinite { return y == rounded ? 0 : .infinity }
        let ulp = rounded == 0 ? Double.leastNonzeroMagnitude : Swift.max(rounded.magnitude.ulp, .leastNonzeroMagnitude)
        return Double(Swift.abs(Float80(y) - exact) / Float80(ulp))
    }

    static func worstError(_ kernel: (UnsafePointer<Double>, UnsafeMutablePointer<Double>, Int) -> Void,
                           _ reference: (Float80) -> Float80, _ x: [Double]) -> (ulps: Double, at: Double) {
        var y = [Double](repeating: 0, count: x.count)
        x.withUnsafeBufferPointer { xp in y.withUnsafeMutableBufferPointer { kernel(xp.baseAddress!, $0.baseAddress!, x.count) } }
        var worst = (ulps: 0.0, at: 0.0)
        for (xi, yi) in zip(x, y) {
            let error = ulps(yi, reference(Float80(xi)))
            if !(error <= worst.ulps) { worst = (error, xi) }
        }
        return worst
    }

    @Test(arguments: sets) func tanhIsWithinTwoUlps(_ kernels: Kernels) {
        let x = Self.points(count: 400_000, exponents: -30...5, seed: 1)
        let worst = Self.worstError(kernels.tanh, { tanhl($0) }, x)
        #expect(worst.ulps <= 2, "\(kernels): \(worst.ulps) ulp at \(worst.at)")
    }

    @Test(arguments: sets) func expIsWithinTwoUlps(_ kernels: Kernels) {
        var x = Self.points(count: 400_000, exponents: -30...9.55, seed: 2).filter { $0 > -745 && $0 < 709.7 }
        x += stride(from: -744.0, through: -700, by: 0.125)
        let worst = Self.worstError(kernels.exp, { expl($0) }, x)
        #expect(worst.ulps <= 2, "\(kernels): \(worst.ulps) ulp at \(worst.at)")
    }
    #endif

    @Test(arguments: sets) func tanhAndExpKeepTheEdgeValues(_ kernels: Kernels) {
        let subnormal = Double.leastNormalMagnitude / 4
        let x: [Double] = [0, -0.0, .infinity, -.infinity, .nan, 710, -746, subnormal]
        var t = x, e = x
        x.withUnsafeBufferPointer { xp in
            t.withUnsafeMutableBufferPointer { kernels.tanh(xp.baseAddress!, $0.baseAddress!, x.count) }
            e.withUnsafeMutableBufferPointer { kernels.exp(xp.baseAddress!, $0.baseAddress!, x.count) }
        }
        #expect(t[0] == 0 && t[0].sign == .plus && t[1] == 0 && t[1].sign == .minus)
        #expect(t[2] == 1 && t[3] == -1 && t[4].isNaN && t[5] == 1 && t[6] == -1 && t[7] == subnormal)
        #expect(e[0] == 1 && e[1] == 1 && e[2] == .infinity && e[3] == 0 && e[4].isNaN)
        #expect(e[5] == .infinity && e[6] == 0 && e[7] == 1)
    }

    /// Random vectors with a tail that no vector width divides.
    static func vectors(_ seed: UInt64, count: Int = 1003) -> ([Double], [Double]) {
        var generator = Xoshiro256(seed: seed)
        let a = (0..<count).map { _ in (generator.uniform() - 0.5) * pow(10, 6 * generator.uniform() - 3) }
        let b = (0..<count).map { _ in (generator.uniform() - 0.5) * pow(10, 6 * generator.uniform() - 3) }
        return (a, b)
    }

    @Test(arguments: sets) func torchOrderUpdatesRoundAsTheirScalarFormulas(_ kernels: Kernels) {
        let (a, b) = Self.vectors(3)
        for weight in [0.1, 0.49, 0.5, 0.9, -0.7] {
            var start = a
            start.withUnsafeMutableBufferPointer { s in b.withUnsafeBufferPointer { kernels.lerp(s.baseAddress!, toward: $0.baseAddress!, weight: weight, a.count) } }
            let expected = TorchUpdate.withLerp(weight: weight) { lerp in zip(a, b).map { lerp($0, $1) } }
            #expect(start == expected, "lerp with weight \(weight) on \(kernels)")
        }
        for beta in [0.999, 0.9, 0.5] {
            var v = a.map { $0 * $0 }
            v.withUnsafeMutableBufferPointer { vp in b.withUnsafeBufferPointer { kernels.averageSquare(vp.baseAddress!, $0.baseAddress!, decay: beta, a.count) } }
            #expect(v == zip(a, b).map { TorchUpdate.averageSquare($0 * $0, $1, decay: beta) }, "average of squares with β \(beta) on \(kernels)")
        }
        var y = b
        y.withUnsafeMutableBufferPointer { yp in a.withUnsafeBufferPointer { kernels.addScaled(yp.baseAddress!, 0.3, $0.baseAddress!, a.count) } }
        #expect(y == zip(a, b).map { TorchUpdate.fma(0.3, $0, $1) })
        let v = b.map { $0 * $0 }
        var x = a
        x.withUnsafeMutableBufferPointer { xp in
            b.withUnsafeBufferPointer { m in
                v.withUnsafeBufferPointer { kernels.addQuotientByRoot(xp.baseAddress!, -0.01, m.baseAddress!, $0.baseAddress!, rootDivisor: 0.3, eps: 1e-8, a.count) }
            }
        }
        #expect(x == a.indices.map { a[$0] + -0.01 * b[$0] / (v[$0].squareRoot() / 0.3 + 1e-8) })
    }

    @Test(arguments: sets) func sgdAndAdagradKernelsRoundAsTheirScalarFormulas(_ kernels: Kernels) {
        let (a, b) = Self.vectors(4)
        for (mu, dampening) in [(0.9, 0.0), (0.5, 0.1)] {
            var buffer = a
            buffer.withUnsafeMutableBufferPointer { bp in b.withUnsafeBufferPointer { kernels.momentum(bp.baseAddress!, $0.baseAddress!, mu: mu, dampening: dampening, a.count) } }
            #expect(buffer == zip(a, b).map { TorchUpdate.fma(1 - dampening, $1, $0 * mu) }, "momentum \(mu), dampening \(dampening) on \(kernels)")
        }
        var x = b
        x.withUnsafeMutableBufferPointer { xp in
            a.withUnsafeBufferPointer { bp in b.withUnsafeBufferPointer { kernels.nesterov(xp.baseAddress!, bp.baseAddress!, $0.baseAddress!, mu: 0.9, k: -0.01, a.count) } }
        }
        #expect(x == zip(a, b).map { TorchUpdate.fma(-0.01, TorchUpdate.fma(0.9, $0, $1), $1) }, "Nesterov step on \(kernels)")
        var sum = a.map(abs)
        sum.withUnsafeMutableBufferPointer { sp in b.withUnsafeBufferPointer { kernels.accumulateSquare(sp.baseAddress!, $0.baseAddress!, a.count) } }
        #expect(sum == zip(a, b).map { TorchUpdate.fma($1, $1, abs($0)) }, "sum of squares on \(kernels)")
    }
}

extension DenseKernels: CustomTestStringConvertible {
    public var testDescription: String { blasMinimumWeights == 0 ? "BLAS and \(kernels)" : "\(kernels)" }
}
