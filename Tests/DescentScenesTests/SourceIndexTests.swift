import DescentCore
import Testing
@testable import DescentScenes

@Suite struct SourceIndexTests {
    let text = """
        title = "x" # a comment with [brackets] and = signs
        a.b.c = 1
        "quoted key" = 'lit'

        [surface]
        name = "beale"
        view = { x = [-1, 4.5], y = [
            -1.5,   # comment inside an array
            2.5] }

        [[optimizer]]
        spec = "sgd(lr=0.1)"
        [[optimizer]]
          spec = \"""
        adam\"""
        label = "a\\"b"
        [[notes]]
        step = 3
        [run . inner]
        k = [[1, 2], [3, 4]]
        """

    @Test func keysValuesAndNesting() {
        let index = SourceIndex(text)
        #expect(index["title"] == SourceEntry(key: .init(line: 1, column: 1), value: .init(line: 1, column: 9), isVerbatimString: true))
        #expect(index["a"]?.key == .init(line: 2, column: 1))
        #expect(index["a.b.c"]?.key == .init(line: 2, column: 5))
        #expect(index["a.b.c"]?.value == .init(line: 2, column: 9))
        #expect(index["quoted key"]?.value == .init(line: 3, column: 16))
        #expect(index["surface"]?.key == .init(line: 5, column: 2))
        #expect(index["surface.view.x[1]"]?.value == .init(line: 7, column: 19))
        #expect(index["surface.view.y"]?.value == .init(line: 7, column: 29))
        #expect(index["surface.view.y[0]"]?.value == .init(line: 8, column: 5))
        #expect(index["surface.view.y[1]"]?.value == .init(line: 9, column: 5))
        #expect(index["optimizer[0].spec"]?.value == .init(line: 12, column: 8))
        #expect(index["optimizer[1]"]?.key == .init(line: 13, column: 3))
        #expect(index["optimizer[1].spec"]?.key == .init(line: 14, column: 3))
        #expect(index["optimizer[1].spec"]?.isVerbatimString == false)
        #expect(index["optimizer[1].label"]?.value == .init(line: 16, column: 9))
        #expect(index["optimizer[1].label"]?.isVerbatimString == false)
        #expect(index["notes[0].step"]?.value == .init(line: 18, column: 8))
        #expect(index["run.inner.k[1][0]"]?.value == .init(line: 20, column: 15))
    }

    @Test func missingKeysFallBackToTheirTable() {
        let index = SourceIndex(text)
        #expect(index.keyPosition("optimizer[1].color") == .init(line: 13, column: 3))
        #expect(index.keyPosition("nothing.here") == .start)
    }

    @Test func columnsInsideVerbatimStrings() {
        let entry = SourceEntry(key: .init(line: 4, column: 1), value: .init(line: 4, column: 8), isVerbatimString: true)
        // Column 1 of the string is the character after the quote.
        #expect(entry.position(inString: 1) == .init(line: 4, column: 9))
        #expect(entry.position(inString: nil) == .init(line: 4, column: 8))
    }

    @Test func garbageNeverCrashes() {
        var generator = Xoshiro256(seed: 42)
        let alphabet = Array("[]{}=.,\"'#\n \\abc123-_\t\u{00e9}")
        for _ in 0..<300 {
            let length = Int.random(in: 0..<80, using: &generator)
            let s = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            _ = SourceIndex(s)
        }
    }
}

/// Arrays of tables nested in a table, as `[training]` has them.
@Suite struct NestedArrayIndexTests {
    let text = """
        [training]
        dataset = "moons"

        [[training.optimizer]]
        spec = "sgd(lr=0.1)"

        [[training.optimizer]]
          spec = 'adam'
        [[training.notes]]
        epoch = 5
        """

    @Test func nestedArraysOfTablesCountTheirHeaders() {
        let index = SourceIndex(text)
        #expect(index["training"]?.key == .init(line: 1, column: 2))
        #expect(index["training.dataset"]?.value == .init(line: 2, column: 11))
        #expect(index["training.optimizer"]?.key == .init(line: 4, column: 12))
        #expect(index["training.optimizer[0]"]?.key == .init(line: 4, column: 12))
        #expect(index["training.optimizer[0].spec"] == SourceEntry(key: .init(line: 5, column: 1), value: .init(line: 5, column: 8), isVerbatimString: true))
        #expect(index["training.optimizer[1]"]?.key == .init(line: 7, column: 12))
        #expect(index["training.optimizer[1].spec"]?.value == .init(line: 8, column: 10))
        #expect(index["training.notes[0].epoch"]?.value == .init(line: 10, column: 9))
        #expect(index.keyPosition("training.notes[0].text") == .init(line: 9, column: 12))
    }

    @Test func inlineArraysOfTables() {
        let index = SourceIndex("[training]\noptimizer = [{ spec = \"sgd\" }, { spec = \"adam\" }]\n")
        #expect(index["training.optimizer[1].spec"]?.value == .init(line: 2, column: 41))
    }
}
