/// Draws minibatches of B sample indices out of n by epochs, seeded.
///
/// An epoch is a uniformly random permutation of 0..<n (Fisher–Yates with a ``Xoshiro256``)
/// cut into ⌊n/B⌋ consecutive batches of exactly B indices; the n mod B indices left over are
/// skipped for that epoch (PyTorch's `DataLoader(shuffle=True, drop_last=True)`), and the next
/// batch starts a freshly shuffled epoch. So within an epoch no sample repeats, and every batch,
/// on its own, is a uniformly random B-subset — which is what makes the covariance of a batch mean
/// exactly (Σ/B)·(n − B)/(n − 1). When B divides n the batches of an epoch cover every sample once.
///
/// A class because an oracle closure owns it and advances it on every call; one sampler per run.
final class MinibatchSampler {
    let batchSize: Int
    private var order: [Int]
    private var position: Int
    private var generator: Xoshiro256

    /// A sampler of batches of `batchSize` (1…n) out of n = `count` indices.
    init(count: Int, batchSize: Int, seed: UInt64) {
        self.batchSize = batchSize
        order = Array(0..<count)
        position = count  // the first call shuffles
        generator = Xoshiro256(seed: seed)
    }

    /// The next batch of indices.
    func next() -> ArraySlice<Int> {
        if position + batchSize > order.count {
            order.shuffle(using: &generator)
            position = 0
        }
        defer { position += batchSize }
        return order[position..<(position + batchSize)]
    }
}
