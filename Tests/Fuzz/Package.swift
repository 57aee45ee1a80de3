// swift-tools-version: 6.1
// The fuzz targets (scripts/fuzz.sh builds and runs them): a package of their own, so the platform's own
// build never needs libFuzzer, built with `swift build --sanitize=fuzzer` against the platform's sources.
import Foundation
import PackageDescription

// A path dependency is named after its folder, which differs between checkouts and worktrees.
let platform = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "platform-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "../..")],
    targets: [
        // The YAML loader and the kommun file decoder, fed any bytes as a kommun file.
        .executableTarget(name: "FuzzKommunConfig", dependencies: [.product(name: "Platform", package: platform)],
                          swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        // The report reader (CSV, JSON array, JSON Lines), the row checks and the privacy guard; no store.
        .executableTarget(name: "FuzzReportFile", dependencies: [.product(name: "Platform", package: platform)],
                          swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ],
    swiftLanguageModes: [.v6]
)
