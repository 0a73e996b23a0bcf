import Foundation
import Testing

@Test func renderPrintsAPlainFrameOfTheRequestedSize() throws {
    let result = try DescentProcess.run(["render", "--color", "never", "--size", "80x24", "--steps", "50"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stdout.contains("\u{1B}"))
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()  // print's newline
    #expect(lines.count == 24)
    #expect(lines.allSatisfy { $0.unicodeScalars.count == 80 })
    #expect(result.stdout.contains("sgd(lr=0.001)"))
    #expect(lines.last?.contains("step 50/50") == true)
}

@Test func renderWithColorsUsesAnsiEscapes() throws {
    let result = try DescentProcess.run(["render", "--color", "256", "--size", "100x30", "--at", "10", "adam(lr=0.05)"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("\u{1B}[38;5;"))
    #expect(result.stdout.contains("step 10/200"))
}

@Test func renderAsciiIsPureAscii() throws {
    let result = try DescentProcess.run(["render", "--color", "never", "--ascii", "--size", "100x30", "--at", "20"])
    #expect(result.status == 0, "\(result.stderr)")
    let ascii = result.stdout.unicodeScalars.allSatisfy { $0.isASCII }
    #expect(ascii)
}

@Test(arguments: ["80", "80x", "0x10", "axb", "80x24x3", "2000x10"])
func renderRejectsAnInvalidSize(size: String) throws {
    let result = try DescentProcess.run(["render", "--size", size])
    #expect(result.status != 0)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("--size '\(size)'"))
    #expect(result.stderr.split(separator: "\n").count == 1)
}

@Test func playWithoutATerminalFailsWithOneClearLine() throws {
    let result = try DescentProcess.run(["play"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("descent render"))
    #expect(result.stderr.split(separator: "\n").count == 1)
    let noArguments = try DescentProcess.run([])
    #expect(noArguments.status == 1)
    #expect(noArguments.stderr.contains("interactive terminal"))
}

@Test func trainViewWithoutATerminalFailsWithOneClearLine() throws {
    let result = try DescentProcess.run(["train-view", "--dataset", "moons", "sgd"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("descent train"))
    #expect(result.stderr.split(separator: "\n").count == 1)
}

@Test func renderTheTrainingViewOfARace() throws {
    let result = try DescentProcess.run(["render", "--view", "training", "--dataset", "blobs", "--net", "2-8-3", "--at", "40",
                                         "--color", "never", "--size", "100x30", "sgd(lr=0.1)", "adam(lr=0.01)"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 30 && lines.allSatisfy { $0.unicodeScalars.count == 100 })
    for text in ["sgd(lr=0.1)", "adam(lr=0.01)", "validation accuracy", "step 40"] { #expect(result.stdout.contains(text)) }
}

@Test func renderTheDecisionBoundaryPanel() throws {
    let result = try DescentProcess.run(["render", "--view", "training", "--panel", "boundary", "--dataset", "blobs", "--net", "2-8-3",
                                         "--at", "40", "--color", "never", "--size", "100x30", "adam(lr=0.01)"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("decision boundary: adam(lr=0.01)"))
    for marker in ["●", "▲", "■"] { #expect(result.stdout.contains(marker), "the markers of the three blobs") }
}

@Test func renderTheWalkPanelInAscii() throws {
    let result = try DescentProcess.run(["render", "--view", "training", "--panel", "walk", "--walk-every", "10", "--at", "60",
                                         "--ascii", "--color", "never", "--size", "100x30", "sgd(lr=0.1)"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("gradient cosine") && result.stdout.contains("sharpness"))
    #expect(result.stdout.unicodeScalars.allSatisfy { $0.isASCII })
}

@Test(arguments: ["svg", "html"])
func renderWritesAStandalonePicture(format: String) throws {
    let result = try DescentProcess.run(["render", "--format", format, "--size", "100x30", "--at", "20"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stdout.contains("\u{1B}"))
    #expect(result.stdout.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\" height=\"600\""))
    // Exact colours (truecolor unless --color says otherwise): viridis' dark end is in the map.
    #expect(result.stdout.contains("fill=\"#"))
    #expect(result.stdout.contains("step 20/200") || result.stdout.contains(">step</text>"))
    if format == "html" { #expect(result.stdout.hasPrefix("<!DOCTYPE html>")) }
}

@Test func renderInSixteenColoursUsesOnlyTheANSICodes() throws {
    let result = try DescentProcess.run(["render", "--color", "16", "--size", "100x30", "--at", "10"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stdout.contains("38;5;") && !result.stdout.contains("48;5;") && !result.stdout.contains("38;2;"))
    #expect(result.stdout.contains("\u{1B}[") && result.stdout.contains("step 10/200"))
    // The heatmap's grey band is bright black (SGR 90/100), a colour 8 colours do not have.
    #expect(result.stdout.contains("100m") || result.stdout.contains(";100") || result.stdout.contains("[90"))
}
