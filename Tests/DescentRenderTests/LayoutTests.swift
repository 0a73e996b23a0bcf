import Testing
@testable import DescentRender

@Test func splitGivesFixedFractionAndLeftoverSizes() {
    let parts = Layout.split(Rect(x: 0, y: 0, width: 100, height: 10), .horizontal, [.fixed(20), .fraction(0.5), .minimum(5)])
    #expect(parts.map(\.width) == [20, 50, 30])
    #expect(parts.map(\.x) == [0, 20, 70])
    let stacked = Layout.split(Rect(x: 3, y: 2, width: 5, height: 11), .vertical, [.minimum(1), .minimum(1)])
    #expect(stacked.map(\.height) == [6, 5])
    #expect(stacked.map(\.y) == [2, 8])
}

@Test func splitShrinksTheLastPartsWhenOverfull() {
    let parts = Layout.split(Rect(x: 0, y: 0, width: 10, height: 1), .horizontal, [.fixed(8), .fixed(5), .fixed(3)])
    #expect(parts.map(\.width) == [8, 2, 0])
}

/// The layouts of the screens (DescentTUI's `AppLayout`, tested there) draw this below
/// ``ScreenLayout/minimumWidth`` × ``ScreenLayout/minimumHeight``.
@Test func tinyTerminalsGetACentredMessage() {
    #expect(ScreenLayout.tooSmallFrame(width: 20, height: 5) != nil)
    #expect(ScreenLayout.tooSmallFrame(width: 40, height: 12) == nil)
    var buffer = CellBuffer(width: 20, height: 5)
    ScreenLayout.drawTooSmall(into: &buffer)
    #expect(buffer.text() == """
                            
        Terminal too small: 
        enlarge to at least 
          40x12 (now 20x5)  
                            
        """)
    #expect(ScreenLayout.tooSmallMessage(width: 39, height: 30) == "Terminal too small: enlarge to at least 40x12 (now 39x30)")
}
