/// Forward and backward passes of an ``MLP`` under a ``LossFunction`` by hand, on preallocated
/// buffers: after `init`, evaluating a loss or a gradient allocates nothing.
///
/// Samples go through in chunks of at most `capacity` rows. For a chunk of rows r with inputs
/// a₀ (one row per sample), layer by layer z_l = a_{l−1}W_lᵀ + b_l, a_l = φ(z_l); the loss of a
/// selection of N samples is Σᵣ ℓ(z_L[r], y_r) / (N·e) (e = 1 or K, see ``LossFunction``).
/// Backpropagation from δ_L = ∂ℓ/∂z_L / (N·e):
///
///     ∂/∂W_l += δ_lᵀ a_{l−1},   ∂/∂b_l += Σᵣ δ_l[r],   δ_{l−1} = (δ_l W_l) ⊙ φ′(z_{l−1})
///
/// A class so that a ``GradientOracle`` closure can share it without copying its buffers; one
/// evaluator must not be used from two threads at once.
final class NetEvaluator {
    /// Which samples of a data set: `count` indices from a pointer, or a contiguous range.
    enum Rows {
        case indices(UnsafePointer<Int>, count: Int)
        case range(Range<Int>)

        var count: Int {
            switch self {
            case .indices(_, let count): count
            case .range(let range): range.count
            }
        }

        @inline(__always)
        subscript(_ k: Int) -> Int {
            switch self {
            case .indices(let pointer, _): pointer[k]
            case .range(let range): range.lowerBound + k
            }
        }
    }

    let net: MLP
    let loss: LossFunction
    /// The most rows per chunk.
    let capacity: Int
    /// Per layer l = 0…L, `capacity` rows of n_l: a_l (l < L) or z_L (l = L).
    private let activations: [UnsafeMutablePointer<Double>]
    /// z_l for 1 ≤ l < L (entries 0 and L unused, pointing at a_0 and z_L).
    private let preactivations: [UnsafeMutablePointer<Double>]
    /// δ of the current layer and of the layer below, `capacity` rows of the widest layer each.
    private var delta: UnsafeMutablePointer<Double>, deltaBelow: UnsafeMutablePointer<Double>
    private let labels: UnsafeMutablePointer<Int>
    /// The one allocation that holds every buffer above but `labels`.
    private let storage: UnsafeMutablePointer<Double>

    init(net: MLP, loss: LossFunction, capacity: Int) {
        self.net = net
        self.loss = loss
        let c = max(1, capacity)
        self.capacity = c
        let last = net.layers.count
        let hidden = net.widths.dropFirst().dropLast().reduce(0, +)
        let total = c * (net.widths.reduce(0, +) + hidden + 2 * net.maxWidth)
        storage = .allocate(capacity: total)
        storage.initialize(repeating: 0, count: total)
        var next = storage
        func take(_ width: Int) -> UnsafeMutablePointer<Double> {
            defer { next += c * width }
            return next
        }
        let a = net.widths.map(take)
        activations = a
        preactivations = net.widths.indices.map { l in l == 0 || l == last ? a[l] : take(net.widths[l]) }
        delta = take(net.maxWidth)
        deltaBelow = take(net.maxWidth)
        labels = .allocate(capacity: c)
        labels.initialize(repeating: 0, count: c)
    }

    deinit {
        storage.deallocate()
        labels.deallocate()
    }

    /// The mean loss over `rows` of `data` and the number classified correctly; when `gradient`
    /// is given (θ's length), it is overwritten with the gradient of that mean loss.
    func evaluate(_ theta: UnsafePointer<Double>, _ data: Dataset, _ rows: Rows,
                  gradient: UnsafeMutablePointer<Double>?) -> (loss: Double, correct: Int) {
        let n = rows.count
        if let gradient { gradient.initialize(repeating: 0, count: net.parameterCount) }
        guard n > 0 else { return (.nan, 0) }
        let scale = 1 / (Double(n) * Double(loss.elementsPerSample(outputs: net.outputs)))
        var total = 0.0, correct = 0
        var start = 0
        while start < n {
            let count = min(capacity, n - start)
            gather(data, rows, from: start, count: count)
            forward(theta, count)
            let (sum, right) = scoreAndSeed(count, scale: scale, seeding: gradient != nil)
            total += sum
            correct += right
            if let gradient { backward(theta, count, gradient) }
            start += count
        }
        return (total * scale, correct)
    }

    /// Copies the chunk's inputs into a₀ and its labels.
    private func gather(_ data: Dataset, _ rows: Rows, from start: Int, count: Int) {
        let d = data.featureCount
        precondition(d == net.inputs, "the data have \(d) features but the net \(net.inputs) inputs")
        data.features.withUnsafeBufferPointer { x in
            for r in 0..<count {
                let i = rows[start + r]
                (activations[0] + r * d).update(from: x.baseAddress! + i * d, count: d)
                labels[r] = data.labels[i]
            }
        }
    }

    /// z_l and a_l for l = 1…L over `count` rows.
    private func forward(_ theta: UnsafePointer<Double>, _ count: Int) {
        for (index, layer) in net.layers.enumerated() {
            let l = index + 1
            let (n, m) = (layer.inputs, layer.outputs)
            let w = theta + layer.weightOffset, b = theta + layer.biasOffset
            let a = UnsafePointer(activations[l - 1]), z = preactivations[l]
            for r in 0..<count {
                let row = a + r * n, out = z + r * m
                var o = 0
                while o + 4 <= m {
                    let sums = VectorKernels.dot4(row, w + o * n, stride: n, n)
                    for k in 0..<4 { out[o + k] = b[o + k] + sums[k] }
                    o += 4
                }
                while o < m {
                    out[o] = b[o] + VectorKernels.dot(row, w + o * n, n)
                    o += 1
                }
            }
            if l < net.layers.count { net.activation.apply(z, activations[l], count * m) }
        }
    }

    /// Σᵣ ℓ(z_L[r], y_r) and the number of correct predictions; with `seeding`, δ_L ← scale·∂ℓ/∂z_L.
    private func scoreAndSeed(_ count: Int, scale: Double, seeding: Bool) -> (Double, Int) {
        let k = net.outputs
        let z = UnsafePointer(activations[net.layers.count])
        let g = delta
        var sum = 0.0, correct = 0
        for r in 0..<count {
            let y = labels[r]
            sum += loss.evaluate(z + r * k, k, label: y, scale: scale, gradient: seeding ? g + r * k : nil)
            if loss.predictedClass(z + r * k, k) == y { correct += 1 }
        }
        return (sum, correct)
    }

    /// Adds the chunk's gradient, from δ_L, into `gradient`.
    private func backward(_ theta: UnsafePointer<Double>, _ count: Int, _ gradient: UnsafeMutablePointer<Double>) {
        for index in net.layers.indices.reversed() {
            let layer = net.layers[index]
            let (n, m) = (layer.inputs, layer.outputs)
            let d = UnsafePointer(delta)
            let a = UnsafePointer(activations[index])
            let gw = gradient + layer.weightOffset, gb = gradient + layer.biasOffset
            for o in 0..<m {
                var r = 0
                while r + 4 <= count {
                    let ds = SIMD4(d[r * m + o], d[(r + 1) * m + o], d[(r + 2) * m + o], d[(r + 3) * m + o])
                    gb[o] += (ds[0] + ds[1]) + (ds[2] + ds[3])
                    VectorKernels.axpy4(gw + o * n, ds, a + r * n, stride: n, n)
                    r += 4
                }
                while r < count {
                    gb[o] += d[r * m + o]
                    VectorKernels.axpy(gw + o * n, d[r * m + o], a + r * n, n)
                    r += 1
                }
            }
            guard index > 0 else { break }
            let w = theta + layer.weightOffset
            let below = deltaBelow
            below.update(repeating: 0, count: count * n)
            for r in 0..<count {
                let row = d + r * m
                var o = 0
                while o + 4 <= m {
                    VectorKernels.axpy4(below + r * n, SIMD4(row[o], row[o + 1], row[o + 2], row[o + 3]), w + o * n, stride: n, n)
                    o += 4
                }
                while o < m {
                    VectorKernels.axpy(below + r * n, row[o], w + o * n, n)
                    o += 1
                }
            }
            net.activation.backpropagate(below, preactivations[index], a, count * n)
            swap(&delta, &deltaBelow)
        }
    }
}
