/// A multi-layer perceptron: widths n₀-n₁-…-n_L (n₀ inputs, n_L outputs), affine layers
/// z_l = W_l a_{l−1} + b_l, a_l = φ(z_l) on the hidden layers and the logits z_L as output.
///
/// All parameters live in one flat vector θ, so every optimizer, transform and schedule works on
/// a net unchanged. The layout, layer after layer l = 1…L: W_l row-major (n_l rows of n_{l−1}
/// weights: W_l[o][i] at `weightOffset + o·n_{l−1} + i`), then b_l (n_l values). This is the
/// order and shape of PyTorch's `nn.Linear` weights and biases, so θ equals
/// `torch.nn.utils.parameters_to_vector(nn.Sequential(Linear, act, Linear, …).parameters())`.
public struct MLP: Sendable, Equatable {
    /// Where one affine layer's parameters are in θ.
    public struct Layer: Sendable, Equatable {
        /// n_{l−1} and n_l.
        public let inputs, outputs: Int
        /// The index of W_l[0][0] and of b_l[0] in θ.
        public let weightOffset, biasOffset: Int
    }

    /// n₀, n₁, …, n_L.
    public let widths: [Int]
    /// φ, applied after every layer but the last.
    public let activation: Activation
    public let layers: [Layer]
    /// The length of θ: Σ_l n_l(n_{l−1} + 1).
    public let parameterCount: Int

    /// A net of the given widths (at least two, each ≥ 1), within ``Limits/netLayers``,
    /// ``Limits/netWidth`` and ``Limits/netParameters``.
    public init(widths: [Int], activation: Activation) throws(TrainingError) {
        guard widths.count >= 2 else { throw TrainingError("a net needs at least an input and an output width, e.g. 2-16-2") }
        guard widths.count <= Limits.netLayers.upperBound else {
            throw TrainingError("a net may have at most \(Limits.netLayers.upperBound) layers (the limit), got \(widths.count)")
        }
        if let bad = widths.first(where: { !(1...Limits.netWidth).contains($0) }) {
            throw TrainingError("every layer width must be between 1 and \(Limits.netWidth) (the limit), got \(bad)")
        }
        let count = zip(widths, widths.dropFirst()).reduce(0) { $0 + $1.1 * ($1.0 + 1) }
        guard count <= Limits.netParameters else {
            throw TrainingError("the net '\(widths.map(String.init).joined(separator: "-"))' has \(count) parameters; "
                                + "at most \(Limits.netParameters) (the limit)")
        }
        self.widths = widths
        self.activation = activation
        var layers: [Layer] = []
        var offset = 0
        for l in 1..<widths.count {
            let (n, m) = (widths[l - 1], widths[l])
            layers.append(Layer(inputs: n, outputs: m, weightOffset: offset, biasOffset: offset + n * m))
            offset += m * (n + 1)
        }
        self.layers = layers
        parameterCount = offset
    }

    /// A net from its widths written as `2-16-16-2`.
    public init(_ text: String, activation: Activation) throws(TrainingError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        var widths: [Int] = []
        for part in parts {
            guard let width = Int(part), width >= 1 else {
                throw TrainingError("net '\(text)': expected widths joined by '-', like 2-16-16-2")
            }
            widths.append(width)
        }
        try self.init(widths: widths, activation: activation)
    }

    /// n₀.
    public var inputs: Int { widths[0] }
    /// n_L.
    public var outputs: Int { widths[widths.count - 1] }
    /// The largest width.
    var maxWidth: Int { widths.max()! }

    /// `2-16-16-2`.
    public var description: String { widths.map(String.init).joined(separator: "-") }

    /// Initial parameters: every weight drawn independently by `initialization` from a
    /// ``Xoshiro256`` started at `seed` (layer by layer, row-major), every bias 0.
    public func initialParameters(_ initialization: Initialization, seed: UInt64) -> [Double] {
        var generator = Xoshiro256(seed: seed)
        var theta = [Double](repeating: 0, count: parameterCount)
        for layer in layers {
            for k in 0..<(layer.inputs * layer.outputs) {
                theta[layer.weightOffset + k] = initialization.sample(fanIn: layer.inputs, fanOut: layer.outputs, &generator)
            }
        }
        return theta
    }
}

/// How initial weights are drawn; biases start at 0.
///
///     he:      W ~ N(0, 2 / n_in)                                (He et al. 2015, for ReLU-like φ)
///     glorot:  W ~ U(−a, a),  a = √(6 / (n_in + n_out))          (Glorot & Bengio 2010)
public enum Initialization: String, Sendable, CaseIterable {
    case he, glorot

    /// He for ReLU and GELU, Glorot for tanh and the sigmoid.
    public static func standard(for activation: Activation) -> Initialization {
        activation == .relu || activation == .gelu ? .he : .glorot
    }

    func sample(fanIn: Int, fanOut: Int, _ generator: inout Xoshiro256) -> Double {
        switch self {
        case .he: (2 / Double(fanIn)).squareRoot() * generator.gaussian()
        case .glorot: (6 / Double(fanIn + fanOut)).squareRoot() * (2 * generator.uniform() - 1)
        }
    }
}

/// A training input the engine cannot use (a bad net, data set or file), with a one-line message.
public struct TrainingError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
