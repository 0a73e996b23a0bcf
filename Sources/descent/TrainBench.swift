import DescentCore
import Foundation

/// Time per training step — minibatch selection, forward and backward pass, Adam update and
/// the per-step records — for the nets of issue 5, compared with
/// Tests/Scripts/torch_training_benchmark.py (the same nets, batches, loss and optimizer,
/// measured the same way). Times are the CPU time of the measuring thread, so that other
/// processes on a shared machine inflate them less than they would wall-clock time.
struct TrainBench {
    var repeats: Int

    /// One measured configuration: a net (ReLU hidden layers, softmax cross-entropy, Adam with
    /// lr = 10⁻³), a batch size and the steps per timed loop.
    struct Case {
        var net: String
        var batch: Int
        var steps: Int
    }

    static let cases = [
        Case(net: "2-16-16-2", batch: 32, steps: 20_000),
        Case(net: "2-64-64-2", batch: 32, steps: 4_000),
        Case(net: "784-128-10", batch: 64, steps: 400),
    ]

    func run() throws {
        print("training step time: forward + backward + adam(lr=0.001), relu, cross-entropy (best of \(max(repeats, 3)) loops, thread CPU time)")
        print("  kernels: \(Kernels.best); BLAS for layers of at least \(DenseKernels.blasCrossover) weights")
        for benchCase in Self.cases {
            let seconds = try measure(benchCase)
            print("  \(benchCase.net.padding(11))  batch \(String(benchCase.batch).padding(3))  "
                  + "\(String(format: "%8.2f", seconds * 1e6)) µs/step  \(String(format: "%9.0f", 1 / seconds)) steps/s")
        }
    }

    /// The best time per step over the timed loops, after a warm-up of 50 steps.
    private func measure(_ benchCase: Case) throws -> Double {
        let net = try MLP(benchCase.net, activation: .relu)
        let problem = try TrainingProblem(net: net, loss: .crossEntropy, data: try data(for: net).split(validationFraction: 0.2, seed: 0))
        var trainer = Trainer(label: "adam", problem: problem, optimizer: try Registry.builtin.optimizer("adam(lr=0.001)").optimizer,
                              initialParameters: problem.initialParameters(.he, seed: 1), batchSize: benchCase.batch, seed: 2)
        for _ in 0..<50 { trainer.step() }
        var best = Double.infinity
        for _ in 0..<max(repeats, 3) {
            let start = Self.threadSeconds()
            for _ in 0..<benchCase.steps { trainer.step() }
            best = min(best, (Self.threadSeconds() - start) / Double(benchCase.steps))
        }
        guard trainer.isActive else { throw CommandError("training \(benchCase.net) diverged during the benchmark") }
        return best
    }

    /// CPU seconds used by the calling thread so far.
    static func threadSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// 1280 two-moons samples for 2-D nets; otherwise 2560 samples of uniform random features
    /// and random classes.
    private func data(for net: MLP) throws -> Dataset {
        if net.inputs == 2 { return SyntheticDataset.moons.generate(count: 1280, seed: 0) }
        var generator = Xoshiro256(seed: 0)
        let n = 2560
        let features = (0..<(n * net.inputs)).map { _ in generator.uniform() }
        let labels = (0..<n).map { _ in Int(generator.next() % UInt64(net.outputs)) }
        return try Dataset(features: features, labels: labels, featureCount: net.inputs, classCount: net.outputs)
    }
}
