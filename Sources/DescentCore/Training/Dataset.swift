/// Labelled samples for classification: n feature vectors of d values (row-major, sample i at
/// `features[i·d ..< (i+1)·d]`) and their classes 0…C−1.
public struct Dataset: Sendable, Equatable {
    /// n·d values.
    public let features: [Double]
    /// n classes in 0..<classCount.
    public let labels: [Int]
    /// d.
    public let featureCount: Int
    /// C.
    public let classCount: Int

    /// Checks the shapes: n·d features, every label in 0..<classCount.
    public init(features: [Double], labels: [Int], featureCount: Int, classCount: Int) throws(TrainingError) {
        guard featureCount >= 1, classCount >= 1 else { throw TrainingError("a data set needs at least one feature and one class") }
        guard features.count == labels.count * featureCount else {
            throw TrainingError("\(labels.count) labels need \(labels.count * featureCount) feature values, got \(features.count)")
        }
        guard labels.allSatisfy({ (0..<classCount).contains($0) }) else {
            throw TrainingError("labels must lie in 0..<\(classCount)")
        }
        self.features = features
        self.labels = labels
        self.featureCount = featureCount
        self.classCount = classCount
    }

    /// n.
    public var count: Int { labels.count }

    /// The samples at `indices`, in that order.
    public func subset(_ indices: some Collection<Int>) -> Dataset {
        var x: [Double] = []
        x.reserveCapacity(indices.count * featureCount)
        for i in indices { x.append(contentsOf: features[(i * featureCount)..<((i + 1) * featureCount)]) }
        // Shapes and labels are those of self: valid by construction.
        return try! Dataset(features: x, labels: indices.map { labels[$0] }, featureCount: featureCount, classCount: classCount)
    }

    /// A seeded random split: the samples are shuffled (Fisher–Yates with a ``Xoshiro256``
    /// started at `seed`), the first ⌈validationFraction·n⌉ become the validation set and the
    /// rest the training set. Throws unless both parts are non-empty.
    public func split(validationFraction: Double, seed: UInt64) throws(TrainingError) -> TrainingData {
        guard validationFraction > 0, validationFraction < 1 else {
            throw TrainingError("the validation fraction must lie strictly between 0 and 1")
        }
        let validationCount = Int((validationFraction * Double(count)).rounded(.up))
        guard validationCount < count else { throw TrainingError("\(count) samples are too few to split into training and validation sets") }
        var order = Array(0..<count)
        var generator = Xoshiro256(seed: seed)
        generator.shuffle(&order)
        return TrainingData(train: subset(order[validationCount...]), validation: subset(order[..<validationCount]))
    }
}

/// A training set and a held-out validation set with the same features and classes.
public struct TrainingData: Sendable, Equatable {
    public let train: Dataset
    public let validation: Dataset

    public init(train: Dataset, validation: Dataset) {
        self.train = train
        self.validation = validation
    }
}

extension Xoshiro256 {
    /// An integer uniform in 0..<n (n ≥ 1): the high word of next()·n (Lemire's multiply-shift,
    /// without the rejection step; its bias is below n/2⁶⁴).
    mutating func index(below n: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// Fisher–Yates: for i = n−1 down to 1, swap element i with element `index(below: i + 1)`.
    mutating func shuffle(_ values: inout [Int]) {
        var i = values.count - 1
        while i > 0 {
            values.swapAt(i, index(below: i + 1))
            i -= 1
        }
    }
}
