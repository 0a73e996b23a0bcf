import Testing
@testable import DescentRender

/// Machado, Oliveira & Fernandes (2009) dichromacy simulation, severity 1, on linear RGB:
/// protanopia, deuteranopia, tritanopia (as in Tests/Scripts/trail_palette.py).
private let dichromacies: [[[Double]]] = [
    [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
]

/// `color` as seen with normal vision and each dichromacy, in CIELAB.
private func visions(_ color: Color) -> [CIELab] {
    guard case let .rgb(r, g, b) = color else { return [] }
    let c = LinearRGB(red: r, green: g, blue: b)
    return [CIELab(linear: c)] + dichromacies.map { m in
        CIELab(linear: LinearRGB(r: m[0][0] * c.r + m[0][1] * c.g + m[0][2] * c.b,
                                 g: m[1][0] * c.r + m[1][1] * c.g + m[1][2] * c.b,
                                 b: m[2][0] * c.r + m[2][1] * c.g + m[2][2] * c.b).clamped)
    }
}

private let heatmap = (0...255).map { ColorMap.viridis.color(at: Double($0) / 255) }

@Test func trailColoursStandOutFromTheHeatmapForEveryVision() {
    let heat = heatmap.map(visions)
    for color in Palette.trails.colors {
        let seen = visions(color)
        let least = heat.map { h in zip(seen, h).map { $0.deltaE($1) }.min()! }.min()!
        // 10.0 against the script's 256 samples; 9.97 against the map as drawn here.
        #expect(least >= 9.9, "\(color): least ΔE \(least) against viridis")
    }
}

@Test func trailColoursStayApartForEveryVision() {
    let seen = Palette.trails.colors.map(visions)
    for i in seen.indices {
        for j in seen.indices where j > i {
            let least = zip(seen[i], seen[j]).map { $0.deltaE($1) }.min()!
            #expect(least >= 15, "colours \(i) and \(j): least ΔE \(least)")
        }
    }
}

@Test func isoLinesAreDimmerThanEveryTrail() {
    for heat in heatmap {
        let under = visions(heat)[0]
        let iso = visions(heat.shifted(lightness: PlotModel.contourContrast))[0].deltaE(under)
        let trails = Palette.trails.colors.map { visions($0)[0].deltaE(under) }
        #expect(iso < trails.min()!, "\(heat): iso-line ΔE \(iso), trails \(trails.min()!)")
        #expect(iso > 5, "iso-lines must stay visible: ΔE \(iso)")
    }
}
