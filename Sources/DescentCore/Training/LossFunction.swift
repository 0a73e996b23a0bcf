import RealModule

/// The loss between a net's outputs z (logits, one row of K values per sample) and a sample's
/// class y, with its gradient ∂ℓ/∂z. Targets are the class itself (K = 1: y ∈ {0, 1}) or its
/// one-hot vector tₖ = [k = y] (K > 1).
///
///     softmax cross-entropy:  ℓ = log Σₖ e^(zₖ) − z_y,                        ∂ℓ/∂z = softmax(z) − t
///     binary cross-entropy:   ℓ = Σₖ max(zₖ, 0) − zₖtₖ + log(1 + e^(−|zₖ|)),   ∂ℓ/∂zₖ = σ(zₖ) − tₖ
///     mean squared error:     ℓ = Σₖ (zₖ − tₖ)²,                               ∂ℓ/∂zₖ = 2(zₖ − tₖ)
///
/// Binary cross-entropy takes logits and is written in its overflow-free form (PyTorch's
/// `BCEWithLogitsLoss`). The loss of a batch of N samples is the mean that PyTorch's
/// `reduction='mean'` takes: Σℓ / N for cross-entropy, Σℓ / (N·K) for the other two (a mean
/// over all N·K elements).
public enum LossFunction: String, Sendable, CaseIterable {
    case crossEntropy = "cross_entropy"
    case binaryCrossEntropy = "binary_cross_entropy"
    case meanSquaredError = "mse"

    /// What a batch's summed per-sample loss is divided by, per sample: 1 or K.
    func elementsPerSample(outputs: Int) -> Int {
        self == .crossEntropy ? 1 : outputs
    }

    /// The smallest number of outputs the loss works with (softmax needs two).
    public var minimumOutputs: Int { self == .crossEntropy ? 2 : 1 }

    /// ℓ(z, y) for one sample's K outputs; when `gradient` is given, writes scale·∂ℓ/∂z there.
    @inline(__always)
    func evaluate(_ z: UnsafePointer<Double>, _ k: Int, label: Int, scale: Double, gradient: UnsafeMutablePointer<Double>?) -> Double {
        switch self {
        case .crossEntropy:
            var top = z[0]
            for j in 1..<k { top = Swift.max(top, z[j]) }
            var sum = 0.0
            for j in 0..<k { sum += Double.exp(z[j] - top) }
            let logSum = Double.log(sum)
            if let gradient {
                for j in 0..<k {
                    gradient[j] = scale * (Double.exp(z[j] - top - logSum) - (j == label ? 1 : 0))
                }
            }
            return logSum + top - z[label]
        case .binaryCrossEntropy:
            var loss = 0.0
            for j in 0..<k {
                let t = target(j, k, label)
                loss += Swift.max(z[j], 0) - z[j] * t + Double.log(onePlus: Double.exp(-Swift.abs(z[j])))
                gradient?[j] = scale * (Activation.sigmoid(z[j]) - t)
            }
            return loss
        case .meanSquaredError:
            var loss = 0.0
            for j in 0..<k {
                let r = z[j] - target(j, k, label)
                loss += r * r
                gradient?[j] = scale * 2 * r
            }
            return loss
        }
    }

    /// The class a sample's outputs predict: argmax z (K > 1), else z > 0 for a logit and
    /// z > ½ for a regressed target.
    @inline(__always)
    func predictedClass(_ z: UnsafePointer<Double>, _ k: Int) -> Int {
        if k == 1 { return z[0] > (self == .meanSquaredError ? 0.5 : 0) ? 1 : 0 }
        var best = 0
        for j in 1..<k where z[j] > z[best] { best = j }
        return best
    }

    @inline(__always)
    private func target(_ j: Int, _ k: Int, _ label: Int) -> Double {
        k == 1 ? Double(label) : (j == label ? 1 : 0)
    }
}
