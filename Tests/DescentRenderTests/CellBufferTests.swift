import Testing
@testable import DescentRender

@Test func writeClipsToTheBuffer() {
    var buffer = CellBuffer(width: 5, height: 2)
    buffer.write("hello world", x: 1, y: 1)
    #expect(buffer.text() == "     \n hell")
}
