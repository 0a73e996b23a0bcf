import Testing
@testable import DescentCore

@Test func quadraticGradientAtOneOne() {
    let q = BuiltinSurfaces.all.first { $0.name == "quadratic" }!
    let s = try! q.make(Configuration(name: "quadratic", values: [:]))
    let g = s.gradient(1, 1)
    #expect(g.x == 12 && g.y == 8)
    let h = s.hessian(1, 1)
    #expect(h == Hessian2(xx: 10, xy: 2, yy: 6))
}
