/// The order in which minibatches visit a training set: every epoch is a fresh random
/// permutation of 0..<n (Fisher–Yates with a ``Xoshiro256`` started at the seed, one shuffle per
/// epoch, the first before epoch 0), cut into consecutive batches of `batchSize`; the last batch
/// of an epoch holds the remainder (PyTorch's `DataLoader(shuffle=True, drop_last=False)`).
/// A batch size ≥ n makes every step a full-batch gradient-descent step.
///
/// The order depends on the seed, n and the batch sizes only, so optimizers given samplers with
/// the same seed see the same minibatches.
public struct MinibatchOrder: Sendable, Equatable {
    /// n.
    public let sampleCount: Int
    /// B (≥ 1); may change between steps, the current epoch continuing where it is.
    public var batchSize: Int {
        didSet { batchSize = max(1, batchSize) }
    }
    /// The epoch `order` belongs to (0-based).
    public private(set) var epoch = 0
    /// This epoch's permutation.
    public private(set) var order: [Int]
    /// Where the next batch starts in `order`.
    public private(set) var position = 0
    private var generator: Xoshiro256

    public init(sampleCount: Int, batchSize: Int, seed: UInt64) {
        self.sampleCount = max(0, sampleCount)
        self.batchSize = max(1, batchSize)
        generator = Xoshiro256(seed: seed)
        order = Array(0..<self.sampleCount)
        generator.shuffle(&order)
    }

    /// The sample indices of the next batch (a slice of `order`). When the current epoch is used
    /// up, the next one starts first (epoch + 1, a new shuffle). Empty only for an empty
    /// training set.
    public mutating func nextBatch() -> ArraySlice<Int> {
        guard sampleCount > 0 else { return [] }
        if position >= sampleCount {
            epoch += 1
            position = 0
            generator.shuffle(&order)
        }
        let batch = position..<min(position + batchSize, sampleCount)
        position = batch.upperBound
        return order[batch]
    }

    /// Epochs finished: `epoch`, plus one once its last batch has been taken.
    public var completedEpochs: Int { sampleCount > 0 && position >= sampleCount ? epoch + 1 : epoch }

    /// Steps per epoch at the current batch size: ⌈n / B⌉.
    public var stepsPerEpoch: Int { Self.stepsPerEpoch(samples: sampleCount, batchSize: batchSize) }

    /// ⌈n / B⌉: the steps of one epoch through n samples at batch size B (B below 1 counts as 1).
    public static func stepsPerEpoch(samples n: Int, batchSize: Int) -> Int {
        let b = max(1, batchSize)
        return n <= 0 ? 0 : (n - 1) / b + 1
    }
}
