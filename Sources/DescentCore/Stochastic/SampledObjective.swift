/// A finite sum f = (1/n) Σ_i f_i whose samples can be taken one at a time, each touching only
/// the coordinates of its support e_i: ∇f_i is zero outside e_i. Hogwild! (``DistributedMethod/hogwild``)
/// draws single samples and writes only their supports; a ``GradientOracle`` of a finite sum
/// carries its samples (``GradientOracle/samples``) for it.
public protocol SampledObjective: Sendable {
    /// n.
    var count: Int { get }
    /// ∇f_i(x), zero outside e_i.
    func sampleGradient(_ i: Int, at x: [Double]) -> [Double]
    /// e_i, ascending.
    func support(_ i: Int) -> [Int]
}

extension FiniteSumObjective: SampledObjective {}
