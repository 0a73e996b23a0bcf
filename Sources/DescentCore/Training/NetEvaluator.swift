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
/// A layer with at least ``DenseKernels/blasMinimumWeights`` weights takes all three products
/// from ``BLAS`` (`dgemm`, reading W_l and δ_l in place). A smaller one takes them from
/// ``Kernels/multiply(rows:columns:depth:_:aRowStride:aDepthStride:_:into:from:terms:)``, which
/// skips the zeros of its left factor (a_{l−1} in the forward pass, δ_l in the backward one:
/// under ReLU, one per inactive unit) and wins on small layers; its forward pass reads W_lᵀ,
/// transposed once per call.
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
    /// The C kernels of the activations and the small layers' products.
    let kernels: Kernels
    /// Per layer: whether its products go to BLAS.
    private let usesBLAS: [Bool]
    /// The most rows per chunk.
    let capacity: Int
    /// Per layer l = 0…L, `capacity` rows of n_l: a_l (l < L) or z_L (l = L).
    private let activations: [UnsafeMutablePointer<Double>]
    /// z_l for 1 ≤ l < L (entries 0 and L unused, pointing at a_0 and z_L).
    private let preactivations: [UnsafeMutablePointer<Double>]
    /// δ of the current layer and of the layer below, `capacity` rows of the widest layer each.
    private var delta: UnsafeMutablePointer<Double>, deltaBelow: UnsafeMutablePointer<Double>
    /// W_lᵀ (n_{l−1} rows of n_l) per layer not on BLAS, for the forward pass.
    private let transposedWeights: [UnsafeMutablePointer<Double>?]
    /// The nonzero terms of a product's rows (up to max(capacity, widest layer) rows).
    private let terms: Kernels.RowTerms
    private let labels: UnsafeMutablePointer<Int>
    /// The allocations that hold every buffer above: one of doubles, one of integers.
    private let storage: UnsafeMutablePointer<Double>, integers: UnsafeMutablePointer<Int>

    init(net: MLP, loss: LossFunction, capacity: Int, kernels: DenseKernels) {
        self.net = net
        self.loss = loss
        self.kernels = kernels.kernels
        let usesBLAS = net.layers.map { $0.inputs * $0.outputs >= kernels.blasMinimumWeights }
        self.usesBLAS = usesBLAS
        let c = max(1, capacity)
        self.capacity = c
        let last = net.layers.count
        let hidden = net.widths.dropFirst().dropLast().reduce(0, +)
        let weights = zip(net.layers, usesBLAS).reduce(0) { $0 + ($1.1 ? 0 : $1.0.inputs * $1.0.outputs) }
        let termSizes = Kernels.RowTerms.sizes(rows: max(c, net.maxWidth))
        let total = c * (net.widths.reduce(0, +) + hidden + 2 * net.maxWidth) + weights + termSizes.doubles
        storage = .allocate(capacity: total)
        storage.initialize(repeating: 0, count: total)
        var next = storage
        func take(_ count: Int) -> UnsafeMutablePointer<Double> {
            defer { next += count }
            return next
        }
        let a = net.widths.map { take(c * $0) }
        activations = a
        preactivations = net.widths.indices.map { l in l == 0 || l == last ? a[l] : take(c * net.widths[l]) }
        delta = take(c * net.maxWidth)
        deltaBelow = take(c * net.maxWidth)
        transposedWeights = zip(net.layers, usesBLAS).map { layer, blas in blas ? nil : take(layer.inputs * layer.outputs) }
        integers = .allocate(capacity: c + termSizes.integers)
        integers.initialize(repeating: 0, count: c + termSizes.integers)
        terms = Kernels.RowTerms(rows: max(c, net.maxWidth), doubles: take(termSizes.doubles), integers: integers + c)
        labels = integers
    }

    deinit {
        storage.deallocate()
        integers.deallocate()
    }

    /// The mean loss over `rows` of `data` and the number classified correctly; when `gradient`
    /// is given (θ's length), it is overwritten with the gradient of that mean loss.
    func evaluate(_ theta: UnsafePointer<Double>, _ data: Dataset, _ rows: Rows,
                  gradient: UnsafeMutablePointer<Double>?) -> (loss: Double, correct: Int) {
        let n = rows.count
        if let gradient { gradient.initialize(repeating: 0, count: net.parameterCount) }
        guard n > 0 else { return (.nan, 0) }
        let scale = 1 / (Double(n) * Double(loss.elementsPerSample(outputs: net.outputs)))
        transposeWeights(theta)
        var total = 0.0, correct = 0
        var start = 0
        while start < n {
            let count = min(capacity, n - start)
            gather(data, rows, from: start, count: count)
            forward(theta, activations[0], count)
            let (sum, right) = scoreAndSeed(count, scale: scale, seeding: gradient != nil)
            total += sum
            correct += right
            if let gradient { backward(theta, count, gradient) }
            start += count
        }
        return (total * scale, correct)
    }

    /// The net's outputs at θ for `count` inputs (row-major, n₀ values each), forward only:
    /// chunk by chunk of at most `capacity` rows, `body` receives the index of the chunk's first
    /// row, its outputs z_L (`rows` rows of n_L) and `rows`.
    func forEachOutputChunk(_ theta: UnsafePointer<Double>, inputs: UnsafePointer<Double>, count: Int,
                            _ body: (_ first: Int, _ outputs: UnsafePointer<Double>, _ rows: Int) -> Void) {
        transposeWeights(theta)
        var start = 0
        while start < count {
            let rows = min(capacity, count - start)
            forward(theta, inputs + start * net.inputs, rows)
            body(start, activations[net.layers.count], rows)
            start += rows
        }
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

    /// W_lᵀ of θ into `transposedWeights`, for the layers not on BLAS.
    private func transposeWeights(_ theta: UnsafePointer<Double>) {
        for (layer, transposed) in zip(net.layers, transposedWeights) {
            guard let transposed else { continue }
            VectorKernels.transpose(theta + layer.weightOffset, rows: layer.outputs, columns: layer.inputs, into: transposed)
        }
    }

    /// z_l = a_{l−1}W_lᵀ + b_l and a_l for l = 1…L over `count` rows of inputs a₀ at `input`,
    /// with W_lᵀ already in `transposedWeights`.
    private func forward(_ theta: UnsafePointer<Double>, _ input: UnsafePointer<Double>, _ count: Int) {
        for (index, layer) in net.layers.enumerated() {
            let l = index + 1
            let (n, m) = (layer.inputs, layer.outputs)
            let z = preactivations[l]
            let a = l == 1 ? input : UnsafePointer(activations[l - 1])
            let bias = theta + layer.biasOffset
            if let transposed = transposedWeights[index] {
                kernels.multiply(rows: count, columns: m, depth: n, a, aRowStride: n, aDepthStride: 1, transposed,
                                 into: z, from: .rowVector(bias), terms: terms)
            } else {
                for r in 0..<count { (z + r * m).update(from: bias, count: m) }
                BLAS.multiply(m: count, n: m, k: n, a, lda: n, transposeA: false, theta + layer.weightOffset, ldb: n, transposeB: true,
                              into: z, ldc: m, beta: 1)
            }
            if l < net.layers.count { net.activation.apply(z, activations[l], count * m, kernels: kernels) }
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
            let gb = gradient + layer.biasOffset
            let weights = theta + layer.weightOffset
            // ∂/∂W_l += δᵀ a (as a product of A(o, r) = δ[r][o] and a), then δ_{l−1} = (δ W) ⊙ φ′(z_{l−1}).
            if usesBLAS[index] {
                BLAS.multiply(m: m, n: n, k: count, d, lda: m, transposeA: true, a, ldb: n, transposeB: false,
                              into: gradient + layer.weightOffset, ldc: n, beta: 1)
            } else {
                kernels.multiply(rows: m, columns: n, depth: count, d, aRowStride: 1, aDepthStride: m, a,
                                 into: gradient + layer.weightOffset, from: .accumulate, terms: terms)
            }
            for r in 0..<count { VectorKernels.add(d + r * m, to: gb, m) }
            guard index > 0 else { break }
            if usesBLAS[index] {
                BLAS.multiply(m: count, n: n, k: m, d, lda: m, transposeA: false, weights, ldb: n, transposeB: false,
                              into: deltaBelow, ldc: n, beta: 0)
            } else {
                kernels.multiply(rows: count, columns: n, depth: m, d, aRowStride: m, aDepthStride: 1, weights,
                                 into: deltaBelow, from: .zero, terms: terms)
            }
            net.activation.backpropagate(deltaBelow, preactivations[index], a, count * n)
            swap(&delta, &deltaBelow)
        }
    }
}
