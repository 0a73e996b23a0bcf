import RealModule

/// The class a net predicts for one input and how sure it is: the probability its loss's link
/// gives the predicted class, from the outputs z (K of them).
///
///     cross-entropy:          c = argmax z,   p = softmax(z)_c = 1 / Σₖ e^(zₖ − z_c)
///     binary cross-entropy:   K = 1: c = [z > 0],   p = max(σ(z), 1 − σ(z)) = σ(|z|)
///                             K > 1: c = argmax z,  p = σ(z_c)  (each output is its own yes/no,
///                                                                so p may be below ½)
///     mean squared error:     K = 1: c = [z > ½],   p = min(|z − ½| + ½, 1)  (the regressed
///                                                     target read as a probability, clamped)
///                             K > 1: c = argmax z,  p = softmax(z)_c
///
/// The class is always ``LossFunction``'s prediction, the one that accuracy counts; p lies in
/// [0, 1], and in [½, 1] for two classes except under binary cross-entropy with two outputs.
public struct ClassPrediction: Sendable, Equatable {
    /// c.
    public var predictedClass: Int
    /// p.
    public var confidence: Double

    public init(predictedClass: Int, confidence: Double) {
        self.predictedClass = predictedClass
        self.confidence = confidence
    }
}

extension Trainer {
    /// The net at θ_t evaluated at `inputs.count / n₀` inputs (row-major, `problem.net.inputs`
    /// values each), one ``ClassPrediction`` per input in order. Forward passes only, in chunks
    /// through the trainer's evaluator: allocates the result and nothing per input.
    public func predictions(at inputs: [Double]) -> [ClassPrediction] {
        engine.evaluator.predictions(parameters, inputs)
    }

    /// The same net at other parameters θ (as long as θ_t; e.g. a snapshot of an earlier
    /// step), through the same evaluator.
    public func predictions(at inputs: [Double], parameters theta: [Double]) -> [ClassPrediction] {
        precondition(theta.count == parameters.count, "θ has the wrong length for the net")
        return engine.evaluator.predictions(theta, inputs)
    }
}

extension NetEvaluator {
    /// ``ClassPrediction``s of the net at θ for each row of `inputs` (n₀ values per row).
    func predictions(_ theta: [Double], _ inputs: [Double]) -> [ClassPrediction] {
        let d = net.inputs, k = net.outputs, loss = loss
        precondition(inputs.count % d == 0, "\(inputs.count) input values are not rows of the net's \(d) inputs")
        let count = inputs.count / d
        return [ClassPrediction](unsafeUninitializedCapacity: count) { result, initialized in
            theta.withUnsafeBufferPointer { t in
                inputs.withUnsafeBufferPointer { x in
                    forEachOutputChunk(t.baseAddress!, inputs: x.baseAddress!, count: count) { first, z, rows in
                        for r in 0..<rows {
                            (result.baseAddress! + first + r).initialize(to: loss.prediction(z + r * k, k))
                        }
                    }
                }
            }
            initialized = count
        }
    }
}

extension LossFunction {
    /// The ``ClassPrediction`` of one sample's K outputs z.
    func prediction(_ z: UnsafePointer<Double>, _ k: Int) -> ClassPrediction {
        let c = predictedClass(z, k)
        let p: Double = switch (self, k) {
        case (.binaryCrossEntropy, 1): Activation.sigmoid(Swift.abs(z[0]))
        case (.binaryCrossEntropy, _): Activation.sigmoid(z[c])
        case (.meanSquaredError, 1): Swift.min(Swift.abs(z[0] - 0.5) + 0.5, 1)
        default: Self.softmax(z, k, at: c)
        }
        return ClassPrediction(predictedClass: c, confidence: p)
    }

    /// softmax(z)_c = 1 / Σₖ e^(zₖ − z_c), for c = argmax z (so no term overflows).
    private static func softmax(_ z: UnsafePointer<Double>, _ k: Int, at c: Int) -> Double {
        var sum = 0.0
        for j in 0..<k { sum += Double.exp(z[j] - z[c]) }
        return 1 / sum
    }
}
