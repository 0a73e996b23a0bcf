/// What is being learned: a net, its loss and the data, checked to fit together.
public struct TrainingProblem: Sendable {
    public let net: MLP
    public let loss: LossFunction
    public let data: TrainingData
    /// The kernels its evaluations run on (the fastest on this CPU unless a test picks others).
    public var kernels = DenseKernels.best

    /// Throws unless the net has one input per feature and one output per class (or, for binary
    /// cross-entropy and squared error on two classes, a single output).
    public init(net: MLP, loss: LossFunction, data: TrainingData) throws(TrainingError) {
        let classes = data.train.classCount
        guard data.train.featureCount == net.inputs else {
            throw TrainingError("the net '\(net.description)' takes \(net.inputs) inputs but the data have \(data.train.featureCount) features")
        }
        let single = classes == 2 && net.outputs == 1 && loss != .crossEntropy
        guard net.outputs == classes || single else {
            let hint = loss == .crossEntropy || classes != 2 ? "" : " (or 1 with this loss)"
            throw TrainingError("the net '\(net.description)' has \(net.outputs) outputs but the data have \(classes) classes; end the net in \(classes)\(hint)")
        }
        self.net = net
        self.loss = loss
        self.data = data
    }

    /// Initial weights for ``MLP/initialParameters(_:seed:)``.
    public func initialParameters(_ initialization: Initialization, seed: UInt64) -> [Double] {
        net.initialParameters(initialization, seed: seed)
    }

    /// The mean loss of θ over `dataset` and its gradient, written into `gradient` (resized to
    /// θ's length). Allocates its own buffers: for tests and one-off use, not a training loop.
    public func lossAndGradient(_ theta: [Double], on dataset: Dataset, gradient: inout [Double]) -> Double {
        let evaluator = NetEvaluator(net: net, loss: loss, capacity: min(dataset.count, 1024), kernels: kernels)
        if gradient.count != theta.count { gradient = [Double](repeating: 0, count: theta.count) }
        return evaluator.lossAndGradient(theta, dataset, &gradient)
    }

    /// The mean loss and accuracy of θ over `dataset` (same caveat as ``lossAndGradient(_:on:gradient:)``).
    public func score(_ theta: [Double], on dataset: Dataset) -> Score {
        let evaluator = NetEvaluator(net: net, loss: loss, capacity: min(dataset.count, 1024), kernels: kernels)
        return evaluator.score(theta, dataset)
    }
}

/// A loss and an accuracy (fraction of samples classified correctly) over a data set.
public struct Score: Sendable, Equatable {
    public var loss: Double
    public var accuracy: Double
    public init(loss: Double, accuracy: Double) {
        self.loss = loss
        self.accuracy = accuracy
    }
}

extension NetEvaluator {
    /// Loss and accuracy of θ over the whole of `dataset`.
    func score(_ theta: [Double], _ dataset: Dataset) -> Score {
        let (loss, correct) = theta.withUnsafeBufferPointer {
            evaluate($0.baseAddress!, dataset, .range(0..<dataset.count), gradient: nil)
        }
        return Score(loss: loss, accuracy: dataset.count > 0 ? Double(correct) / Double(dataset.count) : .nan)
    }

    /// The mean loss over the whole of `dataset`, and its gradient into `gradient` (θ's length).
    func lossAndGradient(_ theta: [Double], _ dataset: Dataset, _ gradient: inout [Double]) -> Double {
        theta.withUnsafeBufferPointer { t in
            gradient.withUnsafeMutableBufferPointer { g in
                evaluate(t.baseAddress!, dataset, .range(0..<dataset.count), gradient: g.baseAddress!).loss
            }
        }
    }
}
