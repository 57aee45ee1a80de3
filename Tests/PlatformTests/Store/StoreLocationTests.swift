import Foundation
import Testing
@testable import Platform

/// A store argument with a URL scheme is never taken as a SQLite path; a postgres:// URL names a PostgreSQL
/// store (issue 14).
@Suite("Store location")
struct StoreLocationTests {
    @Test(arguments: ["data/platform.sqlite", "/var/lib/platform/store.sqlite", "store", "a:b.sqlite", "dir/x://y"])
    func aPathIsASQLiteStore(_ argument: String) throws {
        #expect(try StoreLocation(argument, source: "--store") == .sqlite(path: argument))
    }

    @Test(arguments: ["postgres://user@host/db", "postgresql://user@host/db", "POSTGRES://user@h/d"])
    func aPostgresURLIsAPostgresStore(_ argument: String) throws {
        let location = try StoreLocation(argument, source: "--store")
        guard case .postgres(let url) = location else { Issue.record("\(location)"); return }
        #expect(url.user == "user")
        #expect(location.sqlitePath == nil)
    }

    @Test(arguments: ["mysql://h/d", "file:///tmp/x.sqlite", "sqlite://x.sqlite"])
    func anotherURLIsRefused(_ argument: String) {
        #expect(throws: Diagnostic.self) { try StoreLocation(argument, source: "--store") }
    }

    @Test func theErrorNamesTheOptionAndTheSchemeButNotThePassword() throws {
        let error = try #require(throws: Diagnostic.self) {
            try StoreLocation("mysql://user:s3cret@db.example/platform", source: "PLATFORM_STORE")
        }
        #expect(error.headline == "PLATFORM_STORE: error: 'mysql://…' is a URL, not a file path; "
            + "give a SQLite file path or a postgres:// URL")
        #expect(!error.headline.contains("s3cret"))
    }

    @Test func aMalformedPostgresURLIsRefusedNamingTheOption() throws {
        let error = try #require(throws: Diagnostic.self) {
            try StoreLocation("postgres://user:s3cret@db.example", source: "PLATFORM_STORE")
        }
        #expect(error.headline.hasPrefix("PLATFORM_STORE: error: PostgreSQL store URL: no database is named"))
        #expect(!error.headline.contains("s3cret"))
    }

    @Test func theOptionWinsOverTheEnvironment() throws {
        let environment = PlatformEnvironment(["PLATFORM_STORE": "postgres://u@host/db"])
        #expect(try StoreLocation(option: "x.sqlite", environment: environment) == .sqlite(path: "x.sqlite"))
        #expect(try StoreLocation(option: nil, environment: environment)
            == .postgres(PostgresURL(user: "u", database: "db", endpoint: .tcp(host: "host", port: 5432))))
        #expect(throws: Diagnostic.self) { try StoreLocation(option: nil, environment: PlatformEnvironment(["PLATFORM_STORE": "mysql://h/d"])) }
        #expect(try StoreLocation(option: nil, environment: PlatformEnvironment([:])) == .sqlite(path: ReportStore.fallbackPath))
    }

    /// Opening a SQLite store at a URL is refused before anything is created (the CLI tests look at the disk).
    @Test(arguments: ["postgres://user@host/db", "mysql://h/d"])
    func aSQLiteStoreAtAURLIsNotOpened(_ url: String) {
        #expect(throws: Diagnostic.self) { try ReportStore(path: url) }
    }
}
