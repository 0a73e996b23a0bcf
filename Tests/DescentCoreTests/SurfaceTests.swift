import RealModule
import Testing
@testable import DescentCore

@Suite struct SurfaceRegistryTests {
    @Test func allBuiltinsArePresentOnce() {
        let names = BuiltinSurfaces.all.map(\.name)
        let expected = ["quadratic", "elongated_bowl", "saddle", "monkey_saddle", "himmelblau", "booth", "rastrigin",
                        "ackley", "goldstein_price", "six_hump_camel", "styblinski_tang", "beale", "rosenbrock"]
        #expect(Set(names) == Set(expected))
        #expect(names.count == expected.count)
    }

    @Test(arguments: SurfaceChecks.all.indices)
    func criticalPointsLieInTheViewBox(index: Int) {
        let s = SurfaceChecks.all[index]
        #expect(!s.criticalPoints.isEmpty, "\(s.name)")
        for p in s.criticalPoints {
            #expect(s.viewBox.x.contains(p.x) && s.viewBox.y.contains(p.y), "\(s.name) \(p)")
        }
    }

    @Test func logScaleForHugeDynamicRange() throws {
        for name in ["beale", "rosenbrock", "goldstein_price", "himmelblau"] {
            #expect(try SurfaceChecks.builtin(name).prefersLogScale, "\(name)")
        }
        for name in ["quadratic", "saddle", "monkey_saddle", "booth", "rastrigin", "ackley", "six_hump_camel", "styblinski_tang"] {
            #expect(try !SurfaceChecks.builtin(name).prefersLogScale, "\(name)")
        }
    }

    @Test func elongatedBowlSchema() throws {
        let entry = try #require(BuiltinSurfaces.all.first { $0.name == "elongated_bowl" })
        let standard = try entry.make([])
        // Defaults κ = 10, θ = 0: f = ½x² + 5y².
        #expect(standard.value(2, 1) == 7)
        #expect(standard.formula == "0.5(x^2 + 10y^2)")
        #expect(throws: SpecError.self) { try entry.make([SpecArgument("condition", .number(0.5))]) }
    }
}

@Suite struct SurfaceValueTests {
    /// Hand-computed values and gradients.
    @Test func handComputedValues() throws {
        let quadratic = try SurfaceChecks.builtin("quadratic")
        #expect(quadratic.gradient(1, 1) == (12, 8))
        let rosenbrock = try SurfaceChecks.builtin("rosenbrock")
        #expect(rosenbrock.value(0, 0) == 1 && rosenbrock.gradient(0, 0) == (-2, 0))
        let booth = try SurfaceChecks.builtin("booth")
        #expect(booth.value(0, 0) == 74 && booth.gradient(0, 0) == (-34, -38))
        #expect(try SurfaceChecks.builtin("himmelblau").value(0, 0) == 170)
        #expect(try SurfaceChecks.builtin("goldstein_price").value(0, 0) == 600)
        let camel: Double = 4 - 2.1 + 1.0 / 3 + 1
        #expect(try SurfaceChecks.builtin("six_hump_camel").value(1, 1).isApproximatelyEqual(to: camel, relativeTolerance: 1e-15))
        let styblinskiTang: Double = 0.5 * (-10 + -38)  // ½((1 - 16 + 5) + (16 - 64 + 10))
        #expect(try SurfaceChecks.builtin("styblinski_tang").value(1, 2) == styblinskiTang)
        #expect(try SurfaceChecks.builtin("rastrigin").value(0.5, 0.5).isApproximatelyEqual(to: 40.5, relativeTolerance: 1e-15))
        #expect(try SurfaceChecks.builtin("saddle").value(3, 2) == 5)
        let monkey = try SurfaceChecks.builtin("monkey_saddle")
        #expect(monkey.value(2, 1) == 2 && monkey.gradient(2, 1) == (9, -12))
        let bowl90 = try SurfaceChecks.bowl(condition: 10, angle: 90)
        #expect(bowl90.value(1, 0).isApproximatelyEqual(to: 5, relativeTolerance: 1e-15))
        #expect(bowl90.value(0, 1).isApproximatelyEqual(to: 0.5, relativeTolerance: 1e-15))
    }

    /// Global minimum values, from the literature (and checked with 40-digit mpmath).
    @Test func globalMinimumValues() throws {
        let expected: [(String, Double)] = [
            ("quadratic", 0), ("booth", 0), ("beale", 0), ("rosenbrock", 0), ("himmelblau", 0),
            ("goldstein_price", 3), ("six_hump_camel", -1.0316284534898774),
            ("styblinski_tang", -78.33233140754282), ("rastrigin", 0), ("ackley", 0),
        ]
        for (name, value) in expected {
            let minimum = try #require(try SurfaceChecks.builtin(name).minimumValue)
            #expect(Swift.abs(minimum - value) <= 1e-14 * max(1, Swift.abs(value)), "\(name): \(minimum)")
        }
        for (condition, angle) in SurfaceChecks.bowlSettings {
            #expect(try SurfaceChecks.bowl(condition: condition, angle: angle).minimumValue == 0)
        }
        // Himmelblau's local maximum.
        let himmelblau = try SurfaceChecks.builtin("himmelblau")
        let maximum = try #require(himmelblau.criticalPoints.first { $0.kind == .localMaximum })
        #expect(himmelblau.value(maximum.x, maximum.y).isApproximatelyEqual(to: 181.6165215225827, relativeTolerance: 1e-14))
        #expect(Swift.abs(maximum.x - -0.270845) < 1e-6 && Swift.abs(maximum.y - -0.923039) < 1e-6)
    }

    @Test func ackleyIsFiniteAtItsKink() throws {
        let ackley = try SurfaceChecks.builtin("ackley")
        let g = ackley.gradient(0, 0)
        #expect(g == (0, 0))
        let h = ackley.hessian(0, 0)
        // Only the cosine term: ∂²/∂x² of -exp(½(cos 2πx + cos 2πy)) at 0 is e·2π².
        #expect(h.xx.isApproximatelyEqual(to: 2 * Double.pi * Double.pi * Double.exp(1), relativeTolerance: 1e-14))
        #expect(h.xy == 0)
        // Next to the tip the radial term's slope is 20·0.2/√2 (the cone).
        let slope = ackley.gradient(1e-12, 0).x
        #expect(slope.isApproximatelyEqual(to: 4 / 2.0.squareRoot(), relativeTolerance: 1e-9))
    }

    @Test func monkeySaddleIsDegenerate() throws {
        let monkey = try SurfaceChecks.builtin("monkey_saddle")
        #expect(monkey.hessian(0, 0) == Hessian2(xx: 0, xy: 0, yy: 0))
        #expect(monkey.gradient(0, 0) == (0, 0))
        // Not a minimum or maximum: f changes sign along the x axis.
        #expect(monkey.value(1e-3, 0) > 0 && monkey.value(-1e-3, 0) < 0)
    }

    @Test func bowlHessianHasEigenvaluesOneAndKappa() throws {
        for (condition, angle) in SurfaceChecks.bowlSettings {
            let s = try SurfaceChecks.bowl(condition: condition, angle: angle)
            let (low, high) = SurfaceChecks.eigenvalues(s.hessian(1.3, -0.7))
            #expect(low.isApproximatelyEqual(to: 1, relativeTolerance: 1e-12), "\(condition) \(angle)")
            #expect(high.isApproximatelyEqual(to: condition, relativeTolerance: 1e-12), "\(condition) \(angle)")
            // The shallow axis points along the angle.
            let radians = angle * Double.pi / 180
            let along = s.value(Double.cos(radians), Double.sin(radians))
            #expect(along.isApproximatelyEqual(to: 0.5, relativeTolerance: 1e-12), "\(condition) \(angle)")
        }
    }
}

@Suite struct SurfaceDerivativeTests {
    @Test(arguments: SurfaceChecks.all.indices)
    func derivativesAgreeWithCentralDifferences(index: Int) {
        let s = SurfaceChecks.all[index]
        var rng = Xoshiro256(seed: 0x5EED + UInt64(index))
        for _ in 0..<50 {
            let x = s.viewBox.x.lowerBound + (s.viewBox.x.upperBound - s.viewBox.x.lowerBound) * rng.uniform()
            let y = s.viewBox.y.lowerBound + (s.viewBox.y.upperBound - s.viewBox.y.lowerBound) * rng.uniform()
            let problem = SurfaceChecks.derivativeMismatch(s, x, y)
            #expect(problem == nil, "\(s.name) at (\(x), \(y)): \(problem ?? "")")
        }
    }
}

@Suite struct SurfaceCriticalPointTests {
    /// ∇f vanishes at every listed point, and a few Newton steps from the stored literal move
    /// it by no more than rounding (so the literals are accurate to nearly full precision).
    @Test(arguments: SurfaceChecks.all.indices)
    func gradientVanishesAndLiteralsAreConverged(index: Int) {
        let s = SurfaceChecks.all[index]
        for p in s.criticalPoints {
            let g = s.gradient(p.x, p.y)
            let h = s.hessian(p.x, p.y)
            let scale = (Swift.abs(h.xx) + Swift.abs(h.xy) + Swift.abs(h.yy)) * max(1, Swift.abs(p.x), Swift.abs(p.y))
                + Swift.abs(s.value(p.x, p.y)) + 1
            #expect((g.x * g.x + g.y * g.y).squareRoot() <= 1e-13 * scale, "\(s.name) \(p): ∇f = \(g)")
            guard let refined = SurfaceChecks.newton(s, p.x, p.y, steps: 5) else {
                #expect(s.name == "monkey_saddle", "\(s.name) \(p): singular Hessian")
                continue
            }
            let moved = max(Swift.abs(refined.x - p.x), Swift.abs(refined.y - p.y))
            #expect(moved <= 1e-14 * max(1, Swift.abs(p.x), Swift.abs(p.y)), "\(s.name) \(p): Newton moves to \(refined)")
        }
    }

    /// The kind of every listed point agrees with the Hessian's eigenvalues (the monkey saddle's
    /// degenerate origin excepted: see `monkeySaddleIsDegenerate`); global minima share the
    /// lowest value and local minima lie above it.
    @Test(arguments: SurfaceChecks.all.indices)
    func kindsAgreeWithTheHessian(index: Int) {
        let s = SurfaceChecks.all[index]
        let minimum = s.minimumValue ?? 0
        for p in s.criticalPoints where s.name != "monkey_saddle" {
            let (low, high) = SurfaceChecks.eigenvalues(s.hessian(p.x, p.y))
            let value = s.value(p.x, p.y)
            switch p.kind {
            case .globalMinimum:
                #expect(low > 0, "\(s.name) \(p)")
                #expect(Swift.abs(value - minimum) <= 1e-12 * max(1, Swift.abs(minimum)), "\(s.name) \(p)")
            case .localMinimum:
                #expect(low > 0, "\(s.name) \(p)")
                #expect(value > minimum + 1e-6, "\(s.name) \(p)")
            case .saddle:
                #expect(low < 0 && high > 0, "\(s.name) \(p)")
            case .localMaximum:
                #expect(high < 0, "\(s.name) \(p)")
            }
        }
    }

    /// Newton's method on ∇f = 0 from a grid of starts finds no critical point in the view box
    /// that is not listed. Rastrigin and Ackley list only their global minimum, by design.
    @Test(arguments: SurfaceChecks.all.indices)
    func noCriticalPointIsMissing(index: Int) {
        let s = SurfaceChecks.all[index]
        guard s.name != "rastrigin", s.name != "ackley" else { return }
        let n = 24
        for i in 0...n {
            for j in 0...n {
                let x0 = s.viewBox.x.lowerBound + (s.viewBox.x.upperBound - s.viewBox.x.lowerBound) * Double(i) / Double(n)
                let y0 = s.viewBox.y.lowerBound + (s.viewBox.y.upperBound - s.viewBox.y.lowerBound) * Double(j) / Double(n)
                guard let p = SurfaceChecks.newton(s, x0, y0, steps: 100), s.viewBox.x.contains(p.x), s.viewBox.y.contains(p.y)
                else { continue }
                let g = s.gradient(p.x, p.y)
                guard (g.x * g.x + g.y * g.y).squareRoot() < 1e-9 else { continue }  // not converged
                let listed = s.criticalPoints.contains {
                    max(Swift.abs($0.x - p.x), Swift.abs($0.y - p.y)) < 1e-6 * max(1, Swift.abs(p.x), Swift.abs(p.y))
                }
                #expect(listed, "\(s.name): unlisted critical point near (\(p.x), \(p.y))")
            }
        }
    }
}

/// Numerical checks shared by the surface and expression tests.
enum SurfaceChecks {
    /// Every built-in surface, the elongated bowl at several conditions and angles.
    static let all: [Surface] = {
        var surfaces: [Surface] = []
        for entry in BuiltinSurfaces.all where entry.name != "elongated_bowl" {
            surfaces.append(try! entry.make([]))
        }
        surfaces += bowlSettings.map { try! bowl(condition: $0.condition, angle: $0.angle) }
        return surfaces
    }()

    static let bowlSettings: [(condition: Double, angle: Double)] = [(1, 0), (10, 0), (10, 30), (100, -45), (40, 90), (3, 200)]

    static func bowl(condition: Double, angle: Double) throws -> Surface {
        let entry = try #require(BuiltinSurfaces.all.first { $0.name == "elongated_bowl" })
        return try entry.make([SpecArgument("condition", .number(condition)), SpecArgument("angle", .number(angle))])
    }

    static func builtin(_ name: String) throws -> Surface {
        try #require(BuiltinSurfaces.all.first { $0.name == name }).make([])
    }

    /// The eigenvalues (low, high) of a symmetric 2x2 matrix.
    static func eigenvalues(_ h: Hessian2) -> (Double, Double) {
        let mean = (h.xx + h.yy) / 2
        let half = (h.xx - h.yy) / 2
        let radius = (half * half + h.xy * h.xy).squareRoot()
        return (mean - radius, mean + radius)
    }

    /// Newton's method on ∇f = 0: p ← p - H⁻¹∇f. Nil when the Hessian is singular or the
    /// iterate is not finite.
    static func newton(_ s: Surface, _ x0: Double, _ y0: Double, steps: Int) -> (x: Double, y: Double)? {
        var x = x0, y = y0
        for _ in 0..<steps {
            let g = s.gradient(x, y)
            let h = s.hessian(x, y)
            let det = h.xx * h.yy - h.xy * h.xy
            guard det != 0, det.isFinite else { return nil }
            let dx = (h.yy * g.x - h.xy * g.y) / det
            let dy = (h.xx * g.y - h.xy * g.x) / det
            x -= dx
            y -= dy
            guard x.isFinite, y.isFinite else { return nil }
            if dx == 0 && dy == 0 { break }
        }
        return (x, y)
    }

    /// A description of how the AD gradient and Hessian at (x, y) disagree with central
    /// differences, or nil when they agree. The gradient is checked against differences of f
    /// with step h = 1e-5·max(1, |x|, |y|) (truncation O(h²f'''), rounding O(ε|f|/h)); the
    /// Hessian against differences of the exact gradient. Tolerances are relative to the
    /// magnitudes involved.
    static func derivativeMismatch(_ s: Surface, _ x: Double, _ y: Double) -> String? {
        let h = 1e-5 * max(1, Swift.abs(x), Swift.abs(y))
        let f = s.value(x, y)
        let g = s.gradient(x, y)
        let fdx = (s.value(x + h, y) - s.value(x - h, y)) / (2 * h)
        let fdy = (s.value(x, y + h) - s.value(x, y - h)) / (2 * h)
        let gradientScale = (g.x * g.x + g.y * g.y).squareRoot() + Swift.abs(f) + 1
        if Swift.abs(fdx - g.x) > 1e-6 * gradientScale || Swift.abs(fdy - g.y) > 1e-6 * gradientScale {
            return "gradient \(g) vs differences (\(fdx), \(fdy))"
        }
        let hessian = s.hessian(x, y)
        let gxPlus = s.gradient(x + h, y), gxMinus = s.gradient(x - h, y)
        let gyPlus = s.gradient(x, y + h), gyMinus = s.gradient(x, y - h)
        let dxx = (gxPlus.x - gxMinus.x) / (2 * h)
        let dxy = (gxPlus.y - gxMinus.y) / (2 * h)
        let dyx = (gyPlus.x - gyMinus.x) / (2 * h)
        let dyy = (gyPlus.y - gyMinus.y) / (2 * h)
        let hessianScale = Swift.abs(hessian.xx) + 2 * Swift.abs(hessian.xy) + Swift.abs(hessian.yy) + gradientScale
        let errors = [dxx - hessian.xx, dxy - hessian.xy, dyx - hessian.xy, dyy - hessian.yy]
        if errors.contains(where: { Swift.abs($0) > 1e-6 * hessianScale }) {
            return "Hessian \(hessian) vs differences [[\(dxx), \(dxy)], [\(dyx), \(dyy)]]"
        }
        return nil
    }
}
