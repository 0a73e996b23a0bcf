/// Which kernels a net's forward and backward passes run on: the set of C kernels for the
/// activations and the small layers' products (baseline or AVX2+FMA, see ``Kernels``), and
/// from which layer size the products go to ``BLAS``. Every choice computes the same math; they
/// differ only in rounding, well within the 10⁻⁹ the PyTorch fixtures allow.
public struct DenseKernels: Sendable {
    /// The C kernels for activations and the products that skip zeros.
    public var kernels: Kernels
    /// Layers with at least this many weights (n_{l−1}·n_l) take their products from BLAS;
    /// `Int.max` for none, 0 for all.
    public var blasMinimumWeights: Int

    public init(kernels: Kernels, blasMinimumWeights: Int = DenseKernels.blasCrossover) {
        self.kernels = kernels
        self.blasMinimumWeights = blasMinimumWeights
    }

    /// The layer size from which BLAS beats the hand kernels (measured with `descent bench
    /// training`: on 2-64-64-2's 64×64 layer OpenBLAS already beats the zero-skipping kernels).
    public static let blasCrossover = 64 * 64

    /// The fastest choice on this CPU.
    public static let best = DenseKernels(kernels: .best)
}
