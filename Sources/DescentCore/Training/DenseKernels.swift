/// Which kernels a net's forward and backward passes run on: the set of C kernels for the
/// activations and the hand-written products (baseline or AVX2+FMA, see ``Kernels``).
/// Every choice computes the same math; they differ only in rounding, well within the 10⁻⁹ the
/// PyTorch fixtures allow.
public struct DenseKernels: Sendable {
    /// The C kernels for activations and the products that skip zeros.
    public var kernels: Kernels

    public init(kernels: Kernels) {
        self.kernels = kernels
    }

    /// The fastest choice on this CPU.
    public static let best = DenseKernels(kernels: .best)
}
