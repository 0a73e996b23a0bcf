/// The state PowerSign and AddSign share: the moving average m ← βm + (1 − β)g and the step
/// count, giving the agreement term a = f(t)·sign(g)·sign(m) of each coordinate.
struct SignAgreement {
    var beta: Double
    var decay: SignDecay
    private(set) var average: [Double] = []
    private var t = 0

    init(beta: Double, decay: SignDecay) { self.beta = beta; self.decay = decay }

    /// Takes `beta` and the decay schedule of a configuration.
    mutating func configure(_ c: Configuration) {
        beta = c.number("beta")
        decay = SignDecay.from(c)
    }

    /// Forgets m and t.
    mutating func reset() {
        average = []
        t = 0
    }

    /// Updates m with `gradient` and returns a = f(t)·sign(g)·sign(m) per coordinate.
    mutating func agreement(_ gradient: [Double]) -> [Double] {
        if average.count != gradient.count {
            average = [Double](repeating: 0, count: gradient.count)
            t = 0
        }
        let f = decay.factor(at: t)
        t += 1
        return gradient.indices.map { i in
            average[i] = beta * average[i] + (1 - beta) * gradient[i]
            return f * VectorArithmetic.sign(gradient[i]) * VectorArithmetic.sign(average[i])
        }
    }

    /// The schema entry `beta`.
    static let betaParameter = LiteratureSchema.beta("beta", 0.9, "β of the gradient's moving average m")
}
