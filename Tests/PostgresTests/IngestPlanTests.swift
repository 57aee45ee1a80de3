import Foundation
import Platform
@testable import PlatformPostgres
import Testing

/// The plans of the ingest's move (`PostgresStore.reviseStatement`, `touchStatement`, `insertStatement`) depend
/// on the statistics of `reports`: without them the planner takes a kommun for a row or two and scans all its
/// stored rows, three times a submission (1 ms against 2,700 stored rows, 240 ms against 170,000, as measured),
/// instead of looking each key up in the unique index. And on the staged rows' statistics: taken for 170 rows,
/// a few are joined by scanning the kommun's rows. So an ingest analyzes its staged rows, and one that grows
/// `reports` by more than a tenth analyzes it too: the submissions right after a load (before autovacuum would
/// have analyzed it) are looked up by key. Without either, the first test fails.
@Suite("PostgreSQL ingest plans")
struct IngestPlanTests {
    @Test func aSmallDeliveryAfterALoadIsLookedUpByItsKeys() throws {
        let pair = try StorePair()
        let config = try IntakeParityTests.lysekil()
        let history = try pair.simulated("historik.csv", config: config, from: "2026-03-01", days: 240, intensity: 4)
        try pair.ingest([history], config: config)
        let bridge = pair.postgres.bridge

        let day = try pair.simulated("dag.csv", config: config, from: "2026-11-20", days: 1, seed: 9)
        let validator = ReportValidator(config: config, today: StorePair.today)
        let delivery = ReportDelivery(source: try ReportFileReader(path: day), config: config, validator: validator)
        let pulled = PulledDelivery(delivery)
        #expect(pulled.isWhole && (1...20).contains(pulled.rows.count))
        let binds = PostgresStore.moveBinds(ingestID: 1, kommun: config.id, delivery: delivery, at: "2026-11-24T08:00:00Z")
        let plans = try bridge.transaction(kommun: config.id) { transaction in
            try pulled.stage(nil, transaction)
            return try [
                (PostgresStore.reviseStatement, binds), (PostgresStore.touchStatement, Array(binds.prefix(2))),
                (PostgresStore.insertStatement, binds),
            ].map { statement, binds in
                try transaction.query("EXPLAIN " + statement, binds).map { try $0.text("QUERY PLAN") }.joined(separator: "\n")
            }
        }
        for plan in plans {
            #expect(plan.contains("reports_kommun_reporter_ref_key"), "\(plan)")
            #expect(!plan.contains("Hash"), "\(plan)")
            #expect(!plan.contains("Scan on reports"), "\(plan)")
        }
    }

    @Test func anIngestThatGrowsReportsByMoreThanATenthAnalyzesIt() throws {
        let pair = try StorePair()
        let config = try IntakeParityTests.lysekil()
        let history = try pair.simulated("historik.csv", config: config, from: "2026-03-01", days: 240, intensity: 4)
        let rows = try String(contentsOfFile: history, encoding: .utf8).split(separator: "\n").count - 1
        #expect(rows > PostgresStore.analyzedGrowth)
        try pair.ingest([history], config: config)
        #expect(try Self.reportsEstimate(pair.postgres.bridge) == Double(rows))
    }

    @Test func autovacuumAnalyzesReportsAfterOnePercentChanged() throws {
        let pair = try StorePair()
        let options = try pair.postgres.bridge.transaction(kommun: nil) { transaction in
            try transaction.queryFirst("SELECT array_to_string(reloptions, ' ') AS options FROM pg_class WHERE oid = 'reports'::regclass")!
                .text("options")
        }
        #expect(options.split(separator: " ").map(String.init) == PostgresMigrations.reportStatisticsSettings)
    }

    /// PostgreSQL's estimate of the rows in `reports` (-1: never analyzed).
    private static func reportsEstimate(_ bridge: PostgresBridge) throws -> Double {
        try bridge.transaction(kommun: nil) { transaction in
            try transaction.queryFirst("SELECT reltuples::float8 AS estimate FROM pg_class WHERE oid = 'reports'::regclass")!.double("estimate")
        }
    }
}
