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
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // libyaml from Debian's libyaml-dev; only Platform imports it, and never re-exports it.
        .systemLibrary(
            name: "CYaml",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // The few system calls Swift's Glibc module does not import (syncfs); only Platform imports it.
        .target(name: "CPlatformSystem"),
        .target(
            name: "Platform",
            dependencies: [
                "CYaml",
                "CPlatformSystem",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API as GRDB itself imports it, for the ingest's per-row binding
                // (ReportStore+Ingest.swift); the same system libsqlite3 that GRDB links.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                // Passwords (bcrypt) and the hashes of session, invitation and API tokens (SHA-256).
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "Plugins",
            dependencies: [
                "Platform",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ]
        ),
        // The web application (`platform-cli serve`): Hummingbird 2 on the same core; nothing in Platform or
        // Plugins depends on it.
        .target(
            name: "PlatformServer",
            dependencies: [
                "Platform",
                "Plugins",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                // bcrypt runs on NIO's thread pool, off the event loops.
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // The PostgreSQL store (`--store postgres://…`): postgres-nio behind a synchronous bridge. Only platform-cli
        // and the tests depend on it; Platform and PlatformServer never import it.
        .target(
            name: "PlatformPostgres",
            dependencies: [
                "Platform",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "platform-cli",
            dependencies: [
                "Platform",
                "Plugins",
                "PlatformServer",
                "PlatformPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // What the store, CLI and service tests share: `StoreKind` (the test argument that runs a test against
        // every store) and `FreshStore` (a new, empty store of a kind for one test).
        .target(
            name: "StoreTestSupport",
            dependencies: ["Platform", "PlatformPostgres"],
            path: "Tests/StoreTestSupport"
        ),
        .testTarget(
            name: "PlatformTests",
            dependencies: ["Platform", "Plugins", "StoreTestSupport", .product(name: "GRDBSQLite", package: "GRDB.swift")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "PlatformServer",
                "StoreTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
            ]
        ),
        // The PostgreSQL bridge, migrations and isolation against a real server (PLATFORM_TEST_POSTGRES, set by
        // scripts/test.sh through scripts/postgres.sh).
        .testTarget(
            name: "PostgresTests",
            dependencies: [
                "PlatformPostgres",
                "Platform",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        // Runs the real platform-cli binary against golden files in Tests/CLITests/Golden
        // (re-record with RECORD_GOLDEN=1 swift test).
        .testTarget(
            name: "CLITests",
            dependencies: ["platform-cli", "Platform", "StoreTestSupport"],
            exclude: ["Golden", "Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
