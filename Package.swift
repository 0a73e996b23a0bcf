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
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .target(
            name: "DescentCore",
            dependencies: [
                "CDescentKernels",
                .target(name: "COpenBLAS", condition: .when(platforms: [.linux])),
                .product(name: "RealModule", package: "swift-numerics"),
            ]
        ),
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-serial-dev"]), .brew(["openblas"])]
        ),
        .target(
            name: "CDescentKernels",
            linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]
        ),
        .target(
            name: "DescentRender",
            dependencies: ["DescentCore"]
        ),
        .target(
            name: "DescentScenes",
            dependencies: ["DescentCore", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .target(
            name: "DescentPlugin",
            dependencies: ["DescentCore", "CPluginSpawn"]
        ),
        .target(name: "CPluginSpawn"),
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(
            name: "DescentTUI",
            dependencies: ["DescentCore", "DescentScenes", "DescentRender", "CNcursesw"]
        ),
        .executableTarget(
            name: "descent",
            dependencies: [
                "DescentCore",
                "DescentRender",
                "DescentScenes",
                "DescentTUI",
                "DescentPlugin",
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
            name: "DescentScenesTests",
            dependencies: ["DescentScenes"]
        ),
        .testTarget(
            name: "DescentPluginTests",
            dependencies: ["DescentPlugin"]
        ),
        .testTarget(
            name: "DescentTUITests",
            dependencies: ["DescentTUI"]
        ),
        .testTarget(
            name: "DescentCLITests",
            dependencies: ["DescentCore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
