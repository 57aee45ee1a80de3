import Foundation
import Testing
@testable import Platform

/// A store argument with a URL scheme is never taken as a SQLite path (issue 14).
@Suite("Store location")
struct StoreLocationTests {
    @Test(arguments: ["data/platform.sqlite", "/var/lib/platform/store.sqlite", "store", "a:b.sqlite", "dir/x://y"])
    func aPathIsASQLiteStore(_ argument: String) throws {
        #expect(try StoreLocation(argument, source: "--store") == .sqlite(path: argument))
    }

    @Test(arguments: ["postgres://user@host/db", "postgresql://host/db", "POSTGRES://h/d", "mysql://h/d", "file:///tmp/x.sqlite"])
    func aURLIsRefused(_ argument: String) {
        #expect(throws: Diagnostic.self) { try StoreLocation(argument, source: "--store") }
    }

    @Test func theErrorNamesTheOptionAndWhatIsSupportedButNotThePassword() throws {
        let error = try #require(throws: Diagnostic.self) {
            try StoreLocation("postgres://user:s3cret@db.example/platform", source: "PLATFORM_STORE")
        }
        #expect(error.headline == "PLATFORM_STORE: error: 'postgres://…' is a URL, not a file path; "
            + "PostgreSQL stores are not supported yet; give a SQLite file path")
        #expect(!error.headline.contains("s3cret"))
    }

    @Test func theOptionWinsOverTheEnvironment() throws {
        let environment = PlatformEnvironment(["PLATFORM_STORE": "postgres://host/db"])
        #expect(try StoreLocation(option: "x.sqlite", environment: environment) == .sqlite(path: "x.sqlite"))
        #expect(throws: Diagnostic.self) { try StoreLocation(option: nil, environment: environment) }
        #expect(try StoreLocation(option: nil, environment: PlatformEnvironment([:])) == .sqlite(path: ReportStore.fallbackPath))
    }

    /// Opening a store at a URL is refused before anything is created (the CLI tests look at the disk).
    @Test func aStoreAtAURLIsNotOpened() {
        #expect(throws: Diagnostic.self) { try ReportStore(path: "postgres://user@host/db") }
    }
}
