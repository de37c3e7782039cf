// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "TapHuan",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "XLSX", targets: ["XLSX"]),
        .library(name: "TrainingOps", targets: ["TrainingOps"]),
        .executable(name: "taphuan", targets: ["taphuan"]),
        .executable(name: "xlsx-bench", targets: ["xlsx-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "XLSX",
            dependencies: ["CLibXML2", "CZlib"]
        ),
        .target(
            name: "TrainingOps",
            dependencies: ["XLSX"]
        ),
        // The web front door (`taphuan serve`): pages over the same pipeline as the commands.
        .target(
            name: "TapHuanServer",
            dependencies: [
                "TrainingOps", "XLSX",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "taphuan",
            dependencies: [
                "TrainingOps", "XLSX", "TapHuanServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "taphuan-samples",
            dependencies: ["TrainingOps", "XLSX"]
        ),
        .executableTarget(
            name: "xlsx-bench",
            dependencies: ["XLSX"]
        ),
        // Where the tests find the tools outside the package that judge our files (openpyxl,
        // LibreOffice, ...), and the trait that skips a test visibly when one is missing.
        .target(name: "TestTools", path: "Tests/TestTools"),
        .testTarget(name: "XLSXTests", dependencies: ["XLSX", "TestTools"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TrainingOpsTests", dependencies: ["TrainingOps", "XLSX", "TestTools"], exclude: ["LibreOffice", "WeeklyGolden"]),
        .testTarget(name: "TapHuanServerTests", dependencies: [
            "TapHuanServer", "TrainingOps", "XLSX", "TestTools",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "taphuanTests", dependencies: ["taphuan", "taphuan-samples", "TrainingOps", "XLSX", "TestTools"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
