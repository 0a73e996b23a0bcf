import DescentCore
@testable import DescentRender

/// f = x² + y², for fields with known iso-lines (circles).
struct Bowl: SurfaceFormula {
    func callAsFunction<T: SurfaceScalar>(_ x: T, _ y: T) -> T { x * x + y * y }
}

let bowl = Surface(name: "bowl", summary: "x² + y²", formula: "x^2 + y^2",
                   viewBox: ViewBox(x: -2...2, y: -2...2),
                   criticalPoints: [CriticalPoint(x: 0, y: 0, kind: .globalMinimum)], function: Bowl())

let red = Ink(color: .rgb(255, 0, 0), fallback: "*")
let blue = Ink(color: .rgb(0, 0, 255), fallback: "o")

/// A canvas composed alone onto a blank buffer of its size, as text.
func render(_ canvas: BrailleCanvas, braille: Bool = true) -> String {
    var buffer = CellBuffer(width: canvas.area.width, height: canvas.area.height)
    canvas.compose(onto: &buffer, braille: braille)
    return buffer.text()
}
