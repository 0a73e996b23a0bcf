/// Small vector helpers shared by the gradient transforms and the optimizers from the
/// literature.
enum VectorArithmetic {
    /// sign(x) ∈ {−1, 0, 1}, with sign(0) = 0 as `torch.sign`; NaN stays NaN.
    static func sign(_ x: Double) -> Double {
        x > 0 ? 1 : x < 0 ? -1 : x == 0 ? 0 : x
    }

    /// a + s·b, elementwise.
    static func adding(_ a: [Double], _ s: Double, _ b: [Double]) -> [Double] {
        zip(a, b).map { $0 + s * $1 }
    }
}
