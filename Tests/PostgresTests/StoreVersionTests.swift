import Foundation
import Platform
import PlatformPostgres
import Testing

/// `PostgresStore.version()`: changed by every commit of any process, by nothing else.
@Suite("PostgreSQL store version")
struct StoreVersionTests {
    @Test func aCommitOfAnyProcessChangesTheVersionAndNothingElseDoes() throws {
        let pair = try StorePair()
        let config = try IntakeParityTests.lysekil()
        let other = try PostgresStore(url: pair.database.url, passwordCost: 4)
        defer { other.bridge.close() }
        let empty = try pair.postgres.version()
        let file = try pair.write("v47.csv", IntakeParityTests.header + "2026-11-16,polismyndigheten,stadsparken,klotter,1,,,,,,v1\n")
        try pair.ingest([file], config: config)
        let ingested = try pair.postgres.version()
        #expect(ingested != empty)
        // Seen alike by another store on the same database (another server, a command line).
        #expect(try other.version() == ingested)
        _ = try other.values(kommun: "lysekil", from: StorePair.today.adding(days: -30), to: StorePair.today)
        _ = try other.counts(kommun: "lysekil")
        #expect(try pair.postgres.version() == ingested)
        try other.withdraw(kommun: "lysekil", reporter: "polismyndigheten", ref: "v1", source: "webbformulär", now: StorePair.now)
        let withdrawn = try pair.postgres.version()
        #expect(withdrawn != ingested)
        #expect(throws: Diagnostic.self) {
            try other.withdraw(kommun: "lysekil", reporter: "polismyndigheten", ref: "v1", source: "webbformulär", now: StorePair.now)
        }
        #expect(try pair.postgres.version() == withdrawn)
        try other.recordNothingToReport(kommun: "tranemo", reporter: "polisen", period: Period("2026-W47")!, source: "webbformulär",
                                        now: StorePair.now)
        #expect(try pair.postgres.version() != withdrawn)
    }

    @Test func everyTableCountsItsChanges() throws {
        let pair = try StorePair()
        let uncounted = try pair.postgres.bridge.transaction(kommun: "*", readOnly: true) { transaction in
            try transaction.query("""
                SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname NOT IN ('schema_migrations', 'store_changes')
                    AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = c.relname || '_changed')
                ORDER BY c.relname
                """).map { try $0.text("name") }
        }
        #expect(uncounted == [])
    }
}
