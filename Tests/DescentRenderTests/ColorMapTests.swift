import Testing
@testable import DescentRender

// Expected bytes are matplotlib's published table entries × 255, rounded by hand
// (viridis #440154 … #21918C … #FDE725, magma #000004 … #FCFDBF).

@Test func viridisEndsAndMiddleMatchMatplotlib() {
    #expect(ColorMap.viridis.color(at: 0) == .rgb(68, 1, 84))
    #expect(ColorMap.viridis.color(at: 128.0 / 255) == .rgb(33, 145, 140))
    #expect(ColorMap.viridis.color(at: 1) == .rgb(253, 231, 37))
}

@Test func magmaEndsMatchMatplotlib() {
    #expect(ColorMap.magma.color(at: 0) == .rgb(0, 0, 4))
    #expect(ColorMap.magma.color(at: 1) == .rgb(252, 253, 191))
}

@Test func interpolatesLinearlyBetweenAnchors() {
    // Halfway between viridis entries 0 and 8: ((0.267004+0.277018)/2, (0.004874+0.050344)/2,
    // (0.329415+0.375715)/2) × 255 = (69.4, 7.0, 89.9).
    #expect(ColorMap.viridis.color(at: 4.0 / 255) == .rgb(69, 7, 90))
}

@Test func clampsOutOfRangeAndGreysNaN() {
    #expect(ColorMap.viridis.color(at: -3) == ColorMap.viridis.color(at: 0))
    #expect(ColorMap.viridis.color(at: 7) == ColorMap.viridis.color(at: 1))
    #expect(ColorMap.viridis.color(at: .nan) == ColorMap.neutral)
    #expect(ColorMap.named("MAGMA")?.name == "magma")
}

@Test func okabeItoCycles() {
    let palette = Palette.okabeIto
    #expect(palette[0] == .rgb(230, 159, 0))
    #expect(palette[palette.colors.count] == palette[0])
    #expect(palette[-1] == palette[palette.colors.count - 1])
}

@Test func colourMeanRoundsPerComponent() {
    #expect(Color.mean(.rgb(0, 10, 255), .rgb(1, 20, 0)) == .rgb(1, 15, 128))
    #expect(Color.mean(.default, .rgb(1, 2, 3)) == .rgb(1, 2, 3))
}
