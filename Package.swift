// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "trygghet-platform",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "platform-cli", targets: ["platform-cli"]),
        .library(name: "Platform", targets: ["Platform"]),
        .library(name: "Plugins", targets: ["Plugins"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // libyaml from Debian's libyaml-dev; only Platform imports it, and never re-exports it.
        .systemLibrary(
            name: "CYaml",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(
            name: "Platform",
            dependencies: ["CYaml"]
        ),
        .target(
            name: "Plugins",
            dependencies: ["Platform"]
        ),
        .executableTarget(
            name: "platform-cli",
            dependencies: [
                "Platform",
                "Plugins",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PlatformTests",
            dependencies: ["Platform", "Plugins"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["Platform"],
            resources: [.copy("Golden")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
