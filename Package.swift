// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "descent",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "descent", targets: ["descent"]),
        .library(name: "DescentCore", targets: ["DescentCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
    ],
    targets: [
        .target(
            name: "DescentCore",
            dependencies: [.product(name: "RealModule", package: "swift-numerics")]
        ),
        .target(
            name: "DescentRender",
            dependencies: ["DescentCore"]
        ),
        .executableTarget(
            name: "descent",
            dependencies: [
                "DescentCore",
                "DescentRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "DescentCoreTests",
            dependencies: ["DescentCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "DescentRenderTests",
            dependencies: ["DescentRender"]
        ),
        .testTarget(
            name: "DescentCLITests",
            dependencies: ["DescentCore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
