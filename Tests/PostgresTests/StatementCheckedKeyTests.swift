import Platform
import PlatformPostgres
import Testing

/// `reports.ingest_id -> ingests(id)` is checked by statement triggers instead of a per-row constraint
/// (`PostgresMigrations.statementCheckedKeys`): the same refusals as the constraint, and `store check` notices
/// when the triggers are gone.
@Suite("PostgreSQL foreign keys checked per statement")
struct StatementCheckedKeyTests {
    @Test func aReportNamingAMissingIngestIsRefusedOnInsertAndUpdate() throws {
        let database = try TestDatabase()
        defer { database.drop() }
        let bridge = try database.migrated()
        defer { bridge.close() }
        let id = try bridge.transaction(kommun: "lysekil") { try IsolationTests.insertReport($0, kommun: "lysekil", ref: "r1") }
        for statement in [
            """
            INSERT INTO reports (kommun, reporter, ref, date, precision, area, indicator, value, content_hash, checklist_version,
                ingest_id, source_file, source_line, ingested_at, seen_in)
            SELECT kommun, reporter, 'r2', date, precision, area, indicator, value, content_hash, checklist_version,
                ingest_id + 1000, source_file, source_line, ingested_at, seen_in FROM reports
            """,
            "UPDATE reports SET ingest_id = 999 WHERE id = \(id)",
        ] {
            let error = try #require(throws: PostgresStoreError.self, "\(statement)") {
                try bridge.transaction(kommun: "lysekil") { try $0.execute(statement) }
            }
            #expect(error.sqlState == "23503")
            #expect(error.message.contains("violates foreign key \"reports_ingest_id_fkey\""))
        }
        #expect(try bridge.transaction(kommun: "lysekil") { try $0.queryFirst("SELECT count(*) AS n FROM reports")?.int("n") } == 1)
    }

    @Test func aReferencedIngestIsNeitherDeletedNorRenumberedNorTruncated() throws {
        let database = try TestDatabase()
        defer { database.drop() }
        let bridge = try database.migrated()
        defer { bridge.close() }
        try bridge.transaction(kommun: "lysekil") { try IsolationTests.insertReport($0, kommun: "lysekil", ref: "r1") }
        for statement in ["DELETE FROM ingests", "UPDATE ingests SET id = id + 1000", "TRUNCATE ingests"] {
            let error = try #require(throws: PostgresStoreError.self, "\(statement)") {
                try bridge.transaction(kommun: "lysekil") { try $0.execute(statement) }
            }
            #expect(error.sqlState == "23503", "\(statement)")
        }
        // An ingest no report names may go (the dry run's rollback aside, the store never deletes one).
        try bridge.transaction(kommun: "lysekil") { transaction in
            try transaction.execute("""
                INSERT INTO ingests (kommun, source_file, started_at, checklist_version) VALUES ('lysekil', 'g.csv', '2026-11-19T08:00:00Z', '1')
                """)
            try transaction.execute("DELETE FROM ingests WHERE source_file = 'g.csv'")
        }
        #expect(try bridge.transaction(kommun: "lysekil") { try $0.queryFirst("SELECT count(*) AS n FROM ingests")?.int("n") } == 1)
    }

    @Test func storeCheckNamesAMissingTriggerAndEveryOrphan() throws {
        let database = try TestDatabase()
        defer { database.drop() }
        let bridge = try database.migrated()
        try bridge.transaction(kommun: "*") { transaction in
            try IsolationTests.insertReport(transaction, kommun: "lysekil", ref: "r1")
            try transaction.execute("DROP TRIGGER reports_ingest_id_fkey_on_update ON reports")
            try transaction.execute("UPDATE reports SET ingest_id = 999")
        }
        bridge.close()
        let report = try PostgresStore.check(url: database.url)
        #expect(report.problems == [
            "the trigger reports_ingest_id_fkey_on_update, which checks reports.ingest_id -> ingests(id), is missing",
            "reports.ingest_id names no row of ingests in 1 rows",
        ])
    }
}
