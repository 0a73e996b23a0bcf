/// The reductions of PyTorch's float64 CPU kernels that the `torch.optim` methods use on whole
/// vectors (LBFGS's dot products, Adafactor's norms), in the order of operations those kernels
/// use, found by comparing with PyTorch 2.15 on random vectors of 2 and 7 elements: with these
/// orders the results agree bit for bit.
enum TorchVector {
    /// ⟨a, b⟩ as `torch.dot`: two accumulators, one for the even and one for the odd indices,
    /// each adding unfused products, then summed.
    static func dot<A: RandomAccessCollection<Double>, B: RandomAccessCollection<Double>>(_ a: A, _ b: B) -> Double
    where A.Index == Int, B.Index == Int {
        precondition(a.count == b.count, "dot of vectors of different lengths")
        var even = 0.0, odd = 0.0
        var i = 0
        let n = a.count
        while i + 1 < n {
            even += a[a.startIndex + i] * b[b.startIndex + i]
            odd += a[a.startIndex + i + 1] * b[b.startIndex + i + 1]
            i += 2
        }
        if i < n { even += a[a.startIndex + i] * b[b.startIndex + i] }
        return even + odd
    }

    /// ‖a‖₂ as `torch.linalg.vector_norm` (`Tensor.norm(2)`): four fused-multiply-add
    /// accumulators over the whole blocks of four, summed left to right, then the remaining
    /// elements fused into that sum one by one, and the square root.
    static func norm<A: RandomAccessCollection<Double>>(_ a: A) -> Double where A.Index == Int {
        var lanes = (0.0, 0.0, 0.0, 0.0)
        let n = a.count, whole = n - n % 4
        var i = 0
        while i < whole {
            let j = a.startIndex + i
            lanes.0 = TorchUpdate.fma(a[j], a[j], lanes.0)
            lanes.1 = TorchUpdate.fma(a[j + 1], a[j + 1], lanes.1)
            lanes.2 = TorchUpdate.fma(a[j + 2], a[j + 2], lanes.2)
            lanes.3 = TorchUpdate.fma(a[j + 3], a[j + 3], lanes.3)
            i += 4
        }
        var sum = lanes.0 + lanes.1 + lanes.2 + lanes.3
        while i < n {
            let v = a[a.startIndex + i]
            sum = TorchUpdate.fma(v, v, sum)
            i += 1
        }
        return sum.squareRoot()
    }

    /// max |aᵢ| (`a.abs().max()`), 0 for no elements; NaN if any element is.
    static func maxMagnitude<A: Collection<Double>>(_ a: A) -> Double {
        var m = 0.0
        for v in a {
            if v.isNaN { return .nan }
            m = Swift.max(m, Swift.abs(v))
        }
        return m
    }
}
