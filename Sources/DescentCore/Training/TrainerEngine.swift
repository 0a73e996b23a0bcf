/// A trainer's scratch space, shared by reference with its optimizer's oracle: the evaluator's
/// buffers, the current minibatch's sample indices and the buffers of the walk measurements,
/// all allocated once.
final class TrainerEngine {
    let problem: TrainingProblem
    let evaluator: NetEvaluator
    /// The current minibatch: `batchCount` indices into the training set.
    private var batch: [Int]
    private var batchCount = 0
    /// A point on a segment, and the power iteration's buffers.
    private var point: [Double]
    private var scratch: (probe: [Double], plus: [Double], minus: [Double])

    init(problem: TrainingProblem, batchSize: Int, walk: WalkSettings) {
        self.problem = problem
        let train = problem.data.train
        evaluator = NetEvaluator(net: problem.net, loss: problem.loss, capacity: min(max(batchSize, 64), max(train.count, 1), 1024),
                                kernels: problem.kernels)
        batch = [Int](repeating: 0, count: train.count)
        let n = walk.every > 0 ? problem.net.parameterCount : 0
        point = [Double](repeating: 0, count: n)
        scratch = (point, point, point)
    }

    /// Makes `indices` the minibatch the oracle evaluates.
    func select(_ indices: ArraySlice<Int>) {
        batchCount = indices.count
        var k = 0
        for i in indices {
            batch[k] = i
            k += 1
        }
    }

    /// L_B(x) and ∇L_B(x) on the current minibatch.
    func minibatchLossAndGradient(_ x: [Double], _ g: inout [Double]) -> Double {
        let count = batchCount
        return x.withUnsafeBufferPointer { t in
            g.withUnsafeMutableBufferPointer { gp in
                batch.withUnsafeBufferPointer { b in
                    evaluator.evaluate(t.baseAddress!, problem.data.train, .indices(b.baseAddress!, count: count),
                                       gradient: gp.baseAddress!).loss
                }
            }
        }
    }

    /// The full training loss at a + α(b − a).
    func fullLoss(along a: [Double], _ b: [Double], at alpha: Double) -> Double {
        for i in point.indices { point[i] = a[i] + alpha * (b[i] - a[i]) }
        return evaluator.score(point, problem.data.train).loss
    }

    /// ``topHessianEigenvalue(at:vector:iterations:scratch:gradient:)`` of the full training loss.
    func sharpness(at theta: [Double], vector: inout [Double], iterations: Int) -> Double {
        let evaluator = evaluator, train = problem.data.train
        return topHessianEigenvalue(at: theta, vector: &vector, iterations: iterations, scratch: &scratch) { x, g in
            _ = evaluator.lossAndGradient(x, train, &g)
        }
    }
}
