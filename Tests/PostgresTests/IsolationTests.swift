import Foundation
import Platform
import PlatformPostgres
import Testing

/// Isolation in depth (issue 14): row-level security on every kommun table, so that a query that forgot
/// its kommun still cannot read another kommun's rows; and the append-only tables refuse to change.
@Suite("PostgreSQL isolation")
struct IsolationTests {
    /// Every table with a `kommun` column has row-level security, enabled and forced.
    @Test func everyKommunTableIsUnderRowLevelSecurity() throws {
        let database = try TestDatabase()
        defer { database.drop() }
        let bridge = try database.migrated()
        defer { bridge.close() }
        let tables = try bridge.transaction(kommun: "*") { transaction in
            try transaction.query("""
                SELECT c.relname::text AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
                       (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
                FROM pg_class c JOIN information_schema.columns k ON k.table_name = c.relname AND k.table_schema = 'public'
                WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace AND k.column_name = 'kommun'
                ORDER BY 1
                """)
        }
        #expect(try tables.map { try $0.text("name") } == [
            "api_tokens", "area_statuses", "audit_log", "calendar_secrets", "checklists", "escalations", "ingests",
            "intervention_events", "interventions", "memberships", "nothing_to_report", "priorities", "report_revisions", "reports",
        ])
        for table in tables {
            let name = try table.text("name")
            #expect(try table.bool("enabled") && table.bool("forced") && table.int("policies") == 1, "\(name)")
        }
    }

    @Test func aQueryThatForgotItsKommunSeesNothingAndAScopedOneOnlyItsOwn() throws {
        let database = try TestDatabase()
        defer { database.drop() }
        let bridge = try database.migrated()
        defer { bridge.close() }
        let role = try bridge.transaction(kommun: nil) { transaction in
            try transaction.queryFirst("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
        }
        #expect(try role?.bool("rolsuper") == false, "the tests must connect as a role that is not superuser")
        #expect(try role?.bool("rolbypassrls") == false)
        for kommun in ["lysekil", "tranemo"] {
            try bridge.transaction(kommun: kommun) { try Self.insertReport($0, kommun: kommun, ref: "r-\(kommun)") }
        }

        let unscoped = try bridge.transaction(kommun: nil) { try $0.query("SELECT * FROM reports") }
        #expect(unscoped.isEmpty)
        let unscopedIngests = try bridge.transaction(kommun: nil) { try $0.query("SELECT * FROM ingests") }
        #expect(unscopedIngests.isEmpty)
        let lysekil = try bridge.transaction(kommun: "lysekil") { transaction in
            try transaction.query("SELECT kommun, ref FROM reports").map { [try $0.text("kommun"), try $0.text("ref")] }
        }
        #expect(lysekil == [["lysekil", "r-lysekil"]])
        let all = try bridge.transaction(kommun: "*") { try $0.queryFirst("SELECT count(*) AS n FROM reports")?.int("n") }
        #expect(all == 2)
        // The setting is local to its transaction: the next one on the same connection sees nothing again.
        let after = try bridge.transaction(kommun: nil) { try $0.query("SELECT * FROM reports") }
        #expect(after.isEmpty)
    }

    @Test func aKommunCannotWriteAnotherKommunsRows() throws {
        let database = try TestDatabase()
        defer { database.drop() }
        let bridge = try database.migrated()
        defer { bridge.close() }
        try bridge.transaction(kommun: "tranemo") { try Self.insertReport($0, kommun: "tranemo", ref: "r1") }
        let error = try #require(throws: PostgresStoreError.self) {
            try bridge.transaction(kommun: "lysekil") { try Self.insertReport($0, kommun: "tranemo", ref: "r2") }
        }
        #expect(error.sqlState == "42501")
        let changed = try bridge.transaction(kommun: "lysekil") { transaction in
            try transaction.execute("UPDATE reports SET note = 'x'") + transaction.execute("DELETE FROM nothing_to_report")
        }
        #expect(changed == 0)
        let note = try bridge.transaction(kommun: "tranemo") { try $0.queryFirst("SELECT note FROM reports")?.optionalText("note") }
        #expect(note == nil)
    }

    /// COPY into a table under row-level security is refused by PostgreSQL itself; rows go through a
    /// temporary table and an INSERT … SELECT, which the policy checks.
    @Test func bulkRowsGoThroughAStagingTable() throws {
        let database = try TestDatabase()
        defer { database.drop() }
        let bridge = try database.migrated()
        defer { bridge.close() }
        let refused = try #require(throws: PostgresStoreError.self) {
            try bridge.transaction(kommun: "lysekil") { try $0.copy(into: "escalations", columns: ["kommun"], rows: [["lysekil"]]) }
        }
        #expect(refused.sqlState == "0A000")
        let copied = try bridge.transaction(kommun: "lysekil") { transaction in
            try transaction.execute("CREATE TEMP TABLE staging ON COMMIT DROP AS SELECT kommun, escalation, from_date, declared_at FROM escalations WITH NO DATA")
            try transaction.copy(into: "staging", columns: ["kommun", "escalation", "from_date", "declared_at"],
                                 rows: (1...3).map { [.text("lysekil"), .text("e\($0)"), .text("2026-11-0\($0)"), .text("2026-11-0\($0)T08:00:00Z")] })
            return try transaction.execute("""
                INSERT INTO escalations (kommun, escalation, from_date, declared_at)
                SELECT kommun, escalation, from_date, declared_at FROM staging
                """)
        }
        #expect(copied == 3)
        #expect(throws: PostgresStoreError.self) {
            try bridge.transaction(kommun: "lysekil") { transaction in
                try transaction.execute("CREATE TEMP TABLE staging ON COMMIT DROP AS SELECT kommun, escalation, from_date, declared_at FROM escalations WITH NO DATA")
                try transaction.copy(into: "staging", columns: ["kommun", "escalation", "from_date", "declared_at"],
                                     rows: [["tranemo", "e", "2026-11-01", "2026-11-01T08:00:00Z"]])
                try transaction.execute("INSERT INTO escalations (kommun, escalation, from_date, declared_at) SELECT kommun, escalation, from_date, declared_at FROM staging")
            }
        }
    }

    /// The append-only tables refuse UPDATE, DELETE and TRUNCATE, with SQLite's messages; a corrected
    /// report's earlier revision is kept by the database itself.
    @Test func appendOnlyTablesRefuseChanges() throws {
        let database = try TestDatabase()
        defer { database.drop() }
        let bridge = try database.migrated()
        defer { bridge.close() }
        try bridge.transaction(kommun: "lysekil") { transaction in
            let id = try Self.insertReport(transaction, kommun: "lysekil", ref: "r1")
            try transaction.execute("UPDATE reports SET content_hash = 2, value = 3, ingested_at = '2026-11-20T10:00:00Z' WHERE id = $1", [.int(id)])
            try transaction.execute("""
                INSERT INTO interventions (kommun, id, title, status, proposed_by, proposed_on, areas, indicators)
                VALUES ('lysekil', 'i1', 'Belysning', 'proposed', 'x', '2026-11-01', '[]', '[]')
                """)
            try transaction.execute("""
                INSERT INTO intervention_events (kommun, intervention, kind, date, body, recorded_at)
                VALUES ('lysekil', 'i1', 'note', '2026-11-02', 'x', '2026-11-02T08:00:00Z')
                """)
            try transaction.execute("""
                INSERT INTO area_statuses (kommun, area, status, body, date, reason, recorded_at)
                VALUES ('lysekil', 'Centrum', 'normal', 'x', '2026-11-02', 'y', '2026-11-02T08:00:00Z')
                """)
            try transaction.execute("""
                INSERT INTO audit_log (at, kommun, actor, action, detail) VALUES ('2026-11-02T08:00:00Z', 'lysekil', 'x', 'login', '')
                """)
        }
        let revision = try bridge.transaction(kommun: "lysekil") {
            try $0.queryFirst("SELECT value, replaced_at FROM report_revisions")
        }
        #expect(try revision?.int("value") == 1)
        #expect(try revision?.text("replaced_at") == "2026-11-20T10:00:00Z")
        let messages = [
            "report_revisions": ("report revisions are never changed", "report revisions are never deleted"),
            "intervention_events": ("intervention events are never changed", "intervention events are never deleted"),
            "area_statuses": ("assessed area statuses are never changed", "assessed area statuses are never deleted"),
            "audit_log": ("the audit log is never changed", "the audit log is never deleted from"),
        ]
        for (table, (changed, deleted)) in messages {
            for (statement, message) in [("UPDATE \(table) SET kommun = kommun", changed), ("DELETE FROM \(table)", deleted),
                                         ("TRUNCATE \(table)", deleted)] {
                let error = try #require(throws: PostgresStoreError.self, "\(statement)") {
                    try bridge.transaction(kommun: "*") { try $0.execute(statement) }
                }
                #expect(error.sqlState == "23001")
                #expect(error.message == message)
            }
            #expect(try bridge.transaction(kommun: "*") { try $0.queryFirst("SELECT count(*) AS n FROM \(table)")?.int("n") } == 1)
        }
    }

    /// An ingest and one report of `kommun`; returns the report's id.
    @discardableResult
    static func insertReport(_ transaction: PostgresTransaction, kommun: String, ref: String) throws -> Int64 {
        let ingest = try #require(try transaction.queryFirst("""
            INSERT INTO ingests (kommun, source_file, started_at, checklist_version) VALUES ($1, 'f.csv', '2026-11-19T08:00:00Z', '1')
            RETURNING id
            """, [.text(kommun)])).int64("id")
        return try #require(try transaction.queryFirst("""
            INSERT INTO reports (kommun, reporter, ref, date, precision, area, indicator, value, content_hash, checklist_version,
                ingest_id, source_file, source_line, ingested_at, seen_in)
            VALUES ($1, 'stad', $2, '2026-11-18', 'day', 'Centrum', 'skadegorelse', 1, 1, '1', $3, 'f.csv', 2, '2026-11-19T08:00:00Z', $3)
            RETURNING id
            """, [.text(kommun), .text(ref), .int(ingest)])).int64("id")
    }
}
