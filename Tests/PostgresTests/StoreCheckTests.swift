import Foundation
import Platform
import PlatformPostgres
import Testing

/// `store check` on PostgreSQL (issue 14): the migration level, the tables and their rows, and the access
/// rules the store relies on.
@Suite("PostgreSQL store check")
struct StoreCheckTests {
    @Test func aMigratedStoreChecksCleanWithTheSameTablesAsSQLite() throws {
        let database = try TestDatabase()
        defer { database.drop() }
        try database.migrated().close()
        let report = try PostgresStore.check(url: database.url)
        #expect(report.problems == [])
        #expect(report.migrationsApplied == report.migrationsKnown && report.migrationsKnown == PostgresMigrations.all.count)
        let sqlite = try ReportStore.inMemory()
        #expect(try report.tables.map(\.table) == sqlite.dataTables().sorted())
        #expect(report.tables.allSatisfy { $0.rows == 0 })
    }

    @Test func listsEveryProblemAtOnce() throws {
        let database = try TestDatabase()
        defer { database.drop() }
        let bridge = try database.migrated()
        try bridge.transaction(kommun: "*") { transaction in
            try transaction.execute("ALTER TABLE reports NO FORCE ROW LEVEL SECURITY")
            try transaction.execute("ALTER TABLE audit_log DISABLE ROW LEVEL SECURITY")
            try transaction.execute("INSERT INTO schema_migrations (identifier, applied_at) VALUES ('v99: the future', 'x')")
            try transaction.execute("DELETE FROM schema_migrations WHERE identifier LIKE 'v9:%'")
        }
        bridge.close()
        let report = try PostgresStore.check(url: database.url)
        #expect(report.migrationsApplied == PostgresMigrations.all.count - 1)
        #expect(report.problems == [
            "migrations not applied (a store from an older version; any writing command migrates it): "
                + "v9: accounts, sessions, tokens, invitations, audit log",
            "the store is from a newer version of the platform (migrations this version does not know: v99: the future)",
            "row-level security is not enabled and forced on audit_log",
            "row-level security is not enabled and forced on reports",
        ])
    }

    @Test func aDatabaseWithoutTheStoreIsOneProblem() throws {
        let database = try TestDatabase()
        defer { database.drop() }
        let report = try PostgresStore.check(url: database.url)
        #expect(report.problems == ["not a report store: no migrations table (any writing command creates the store)"])
    }
}
