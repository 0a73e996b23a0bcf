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
        // 13.7 against the script's 256 samples (ΔE*ab; 8.4 in ΔE00).
        #expect(least >= 13.5, "\(color): least ΔE \(least) against viridis")
        let least2000 = heat.map { h in zip(seen, h).map { $0.deltaE2000($1) }.min()! }.min()!
        #expect(least2000 >= 8.3, "\(color): least ΔE00 \(least2000) against viridis")
    }
}

/// Expects every two trail colours at least `bound` apart by `difference` under every vision.
private func expectTrailColoursApart(by bound: Double, _ name: String, _ difference: (CIELab, CIELab) -> Double) {
    let seen = Palette.trails.colors.map(visions)
    for i in seen.indices {
        for j in seen.indices where j > i {
            let least = zip(seen[i], seen[j]).map { difference($0, $1) }.min()!
            #expect(least >= bound, "colours \(i) and \(j): least \(name) \(least)")
        }
    }
}

@Test func trailColoursStayApartForEveryVision() {
    expectTrailColoursApart(by: 15, "ΔE") { $0.deltaE($1) }
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

/// The trail colours also draw the legend's swatches and the charts on the terminal's dark
/// background: each stays ≥ 25 ΔE00 from near-black (the SVG theme's #1C1C1C and black) under
/// every vision (Tol's wine #882255 was 13.7 and faded on a projector).
@Test func trailColoursStandOutFromADarkBackgroundForEveryVision() {
    for background in [Color.rgb(0x1C, 0x1C, 0x1C), .rgb(0, 0, 0)] {
        let dark = visions(background)
        for color in Palette.trails.colors {
            let least = zip(visions(color), dark).map { $0.deltaE2000($1) }.min()!
            #expect(least >= 24.9, "\(color): least ΔE00 \(least) against \(background)")
        }
    }
}

/// Sharma, Wu & Dalal (2005), Table 1: pairs 1, 7, 13, 17, 25 and 34 of the CIEDE2000 test data.
@Test func ciede2000MatchesSharmasTestData() {
    let pairs: [((Double, Double, Double), (Double, Double, Double), Double)] = [
        ((50, 2.6772, -79.7751), (50, 0, -82.7485), 2.0425),
        ((50, 0, 0), (50, -1, 2), 2.3669),
        ((50, 2.49, -0.001), (50, -2.49, 0.0011), 7.2195),
        ((50, 2.5, 0), (73, 25, -18), 27.1492),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
        ((2.0776, 0.0795, -1.1350), (0.9033, -0.0636, -0.5514), 0.9082),
    ]
    for (p, q, expected) in pairs {
        let d = CIELab(l: p.0, a: p.1, b: p.2).deltaE2000(CIELab(l: q.0, a: q.1, b: q.2))
        #expect(abs(d - expected) < 5e-4, "\(p) \(q): \(d), expected \(expected)")
    }
}

/// Protanopia and deuteranopia (the common red-green blindness) as well as tritanopia and
/// normal vision: any two of the default six trail colours stay ≥ 12 ΔE00 apart (the old
/// palette's orange and vibrant orange were 6.1 apart, SGD's and Adam's trails).
@Test func trailColoursStayApartInCIEDE2000ForEveryVision() {
    expectTrailColoursApart(by: 12, "ΔE00") { $0.deltaE2000($1) }
}
