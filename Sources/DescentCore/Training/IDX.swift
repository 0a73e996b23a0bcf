/// The IDX format of MNIST and Fashion-MNIST (LeCun et al., "THE MNIST DATABASE"): a big-endian
/// header — two zero bytes, a type byte (0x08 = unsigned byte, the only type read here), the
/// number of dimensions d — then d big-endian UInt32 sizes, then the values in row-major order.
///
/// Takes bytes, not paths: reading the files is the caller's job (the core does no I/O).
public struct IDXArray: Sendable, Equatable {
    /// The sizes of the dimensions, outermost first.
    public let dimensions: [Int]
    /// Π dimensions values.
    public let values: [UInt8]

    /// Parses an IDX file's bytes. Throws on a bad magic number, a type other than unsigned
    /// bytes, or a length that does not match the header.
    public init(bytes: [UInt8]) throws(TrainingError) {
        guard bytes.count >= 4, bytes[0] == 0, bytes[1] == 0 else {
            throw TrainingError("not an IDX file (it must start with two zero bytes, a type byte and a dimension count)")
        }
        guard bytes[2] == 0x08 else {
            throw TrainingError("IDX type 0x\(String(bytes[2], radix: 16)) is not supported; only unsigned bytes (0x08)")
        }
        let d = Int(bytes[3])
        guard d >= 1, bytes.count >= 4 + 4 * d else { throw TrainingError("IDX header is truncated or has no dimensions") }
        var dimensions: [Int] = []
        var total = 1
        for k in 0..<d {
            let at = 4 + 4 * k
            let size = bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) }
            let (product, overflow) = total.multipliedReportingOverflow(by: size)
            guard !overflow else { throw TrainingError("IDX dimensions are too large") }
            total = product
            dimensions.append(size)
        }
        let start = 4 + 4 * d
        guard bytes.count - start == total else {
            throw TrainingError("IDX header announces \(total) values (\(dimensions.map(String.init).joined(separator: "x"))) but the file holds \(bytes.count - start)")
        }
        self.dimensions = dimensions
        values = Array(bytes[start...])
    }
}

extension Dataset {
    /// A data set from an IDX image file (n × h × w, or any n × …) and an IDX label file (n):
    /// features are the pixels scaled to [0, 1] (v / 255), classes are the labels, and C is
    /// the largest label + 1 (at least 2).
    public static func idx(images: IDXArray, labels: IDXArray) throws(TrainingError) -> Dataset {
        guard images.dimensions.count >= 2 else { throw TrainingError("the IDX image file must have at least two dimensions (samples × pixels)") }
        guard labels.dimensions.count == 1 else { throw TrainingError("the IDX label file must have one dimension") }
        let n = images.dimensions[0]
        guard n == labels.dimensions[0] else { throw TrainingError("\(n) images but \(labels.dimensions[0]) labels") }
        guard n > 0 else { throw TrainingError("the IDX files hold no samples") }
        let d = images.values.count / n
        let classes = max(2, Int(labels.values.max() ?? 0) + 1)
        return try Dataset(features: images.values.map { Double($0) / 255 }, labels: labels.values.map(Int.init),
                           featureCount: d, classCount: classes)
    }
}
