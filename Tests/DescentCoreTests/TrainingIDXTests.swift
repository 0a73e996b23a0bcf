import Testing
@testable import DescentCore

/// The IDX reader on small files written here, byte by byte, in MNIST's format.
@Suite struct TrainingIDXTests {
    /// An IDX file of unsigned bytes: 0, 0, 0x08, d, the sizes big-endian, the values.
    static func idx(_ dimensions: [Int], _ values: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = [0, 0, 0x08, UInt8(dimensions.count)]
        for size in dimensions { bytes += [24, 16, 8, 0].map { UInt8((size >> $0) & 0xFF) } }
        return bytes + values
    }

    @Test func readsImagesAndLabels() throws {
        // Three 2×2 images; a size of 300 in a dimension checks the big-endian reading.
        let pixels: [UInt8] = [0, 255, 51, 102, 1, 2, 3, 4, 255, 255, 0, 0]
        let images = try IDXArray(bytes: Self.idx([3, 2, 2], pixels))
        #expect(images.dimensions == [3, 2, 2] && images.values == pixels)
        let labels = try IDXArray(bytes: Self.idx([3], [7, 0, 2]))
        let data = try Dataset.idx(images: images, labels: labels)
        #expect(data.count == 3 && data.featureCount == 4 && data.classCount == 8)
        #expect(data.labels == [7, 0, 2])
        #expect(Array(data.features[0...3]) == [0, 1, 0.2, 0.4])
        let wide = try IDXArray(bytes: Self.idx([1, 300], [UInt8](repeating: 9, count: 300)))
        #expect(wide.dimensions == [1, 300])
    }

    @Test func rejectsBadFiles() throws {
        #expect(throws: TrainingError.self) { try IDXArray(bytes: [1, 0, 8, 1, 0, 0, 0, 0]) }
        #expect(throws: TrainingError.self) { try IDXArray(bytes: [0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0]) }
        #expect(throws: TrainingError.self) { try IDXArray(bytes: Self.idx([2, 2], [1, 2, 3])) }
        #expect(throws: TrainingError.self) { try IDXArray(bytes: [0, 0, 8, 2, 0, 0]) }
        #expect(throws: TrainingError.self) { try IDXArray(bytes: []) }
        let images = try IDXArray(bytes: Self.idx([2, 2], [1, 2, 3, 4]))
        let labels = try IDXArray(bytes: Self.idx([3], [0, 1, 1]))
        #expect(throws: TrainingError.self) { try Dataset.idx(images: images, labels: labels) }
    }
}
