/// ‖v‖₂ computed with scaling by max|vᵢ|, so it neither overflows for huge finite entries nor
/// underflows for tiny ones; non-finite if any entry is.
public func euclideanNorm(_ v: [Double]) -> Double {
    var scale = 0.0
    for x in v {
        guard x.isFinite else { return x.isNaN ? .nan : .infinity }
        scale = max(scale, Swift.abs(x))
    }
    guard scale > 0 else { return 0 }
    var sum = 0.0
    for x in v {
        let r = x / scale
        sum += r * r
    }
    return scale * sum.squareRoot()
}
