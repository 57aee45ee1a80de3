import Foundation
import Platform
import PlatformPostgres
import Testing

/// A fresh database for one test, `t_<random>`, created from the admin database that `PLATFORM_TEST_POSTGRES`
/// names (set by scripts/test.sh through scripts/postgres.sh) and dropped by `drop()`. Without that variable
/// the test fails: it never skips.
final class TestDatabase {
    let url: PostgresURL
    private let admin: PostgresURL

    init() throws {
        guard let text = ProcessInfo.processInfo.environment["PLATFORM_TEST_POSTGRES"], !text.isEmpty else {
            throw TestDatabaseError.notConfigured
        }
        admin = try PostgresURL(text, source: "PLATFORM_TEST_POSTGRES")
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        url = admin.with(database: String(name))
        try Self.onAdmin(admin) { try $0.execute("CREATE DATABASE \(name)") }
    }

    /// A new bridge on the test's database.
    func bridge(poolSize: Int = 4) throws -> PostgresBridge {
        try PostgresBridge(url: url, poolSize: poolSize)
    }

    /// A new bridge on the test's database, migrated.
    func migrated(poolSize: Int = 4) throws -> PostgresBridge {
        let bridge = try bridge(poolSize: poolSize)
        try PostgresMigrations.migrate(bridge)
        return bridge
    }

    /// Drops the database, closing whatever connections are still open to it.
    func drop() {
        try? Self.onAdmin(admin) { try $0.execute("DROP DATABASE IF EXISTS \(url.database) WITH (FORCE)") }
    }

    /// CREATE/DROP DATABASE cannot run in a transaction block: they run on their own connection, in the
    /// implicit transaction of a plain statement (no `BEGIN`).
    private static func onAdmin(_ admin: PostgresURL, _ body: (PostgresTransaction) throws -> Void) throws {
        let bridge = try PostgresBridge(url: admin, poolSize: 1)
        defer { bridge.close() }
        try bridge.autocommit(body)
    }
}

enum TestDatabaseError: Error, CustomStringConvertible {
    case notConfigured

    var description: String {
        "PLATFORM_TEST_POSTGRES is not set: run scripts/test.sh, which starts a throwaway PostgreSQL cluster "
            + "(scripts/postgres.sh) and sets it; these tests never skip"
    }
}
