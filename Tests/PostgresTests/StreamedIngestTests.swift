import Foundation
import Platform
@testable import PlatformPostgres
import Testing

/// A delivery longer than the read-ahead (`PulledDelivery.readAhead`) is streamed into its COPY: the same
/// outcome and the same stored rows as SQLite, and a transaction that would need its rows a second time fails
/// whole with a message instead of storing part of them.
@Suite("PostgreSQL streamed ingest")
struct StreamedIngestTests {
    @Test func aDeliveryLongerThanTheReadAheadIsStoredAsOnSQLite() throws {
        let pair = try StorePair()
        let config = try IntakeParityTests.lysekil()
        // Every seventh row without an id, so that the streamed rows take occurrence keys and withdraw too.
        var row = 0
        let first = try pair.simulated("år.csv", config: config, from: "2026-05-01", days: 180, intensity: 18) { fields in
            row += 1
            if row % 7 == 0 { fields[10] = "" }
            return true
        }
        let rows = try String(contentsOfFile: first, encoding: .utf8).split(separator: "\n").count - 1
        #expect(rows > PulledDelivery.readAhead + 1_000)
        let results = try pair.ingest([first], config: config)
        #expect(results.postgres == results.sqlite)
        #expect(results.sqlite.first?.contains(" new \(rows) ") == true)
        // Corrected and shortened: revisions, unchanged rows and withdrawn id-less rows, streamed as well.
        row = 0
        let corrected = try pair.simulated("år-rättad.csv", config: config, from: "2026-05-01", days: 180, intensity: 18) { fields in
            row += 1
            if row % 7 == 0 { fields[10] = "" }
            if row % 10 == 0, let value = Int(fields[5]) { fields[5] = String(value + 1) }
            return row % 13 != 0
        }
        let revised = try pair.ingest([corrected], config: config, at: StorePair.now.addingTimeInterval(3_600))
        #expect(revised.postgres == revised.sqlite)
        #expect(revised.sqlite.first?.contains(" withdrawn 0 ") == false)
        #expect(try pair.expectSameReads(config, periods: [Period("2026-06")!, Period("2026-W40")!, Period("2026-10")!]) > 100)
    }

    @Test func aStreamedDeliveryIsNeverCopiedTwice() throws {
        let pair = try StorePair()
        let config = try IntakeParityTests.lysekil()
        let file = try pair.simulated("v.csv", config: config, from: "2026-11-02", days: 7)
        let validator = ReportValidator(config: config, today: StorePair.today)
        let delivery = ReportDelivery(source: try ReportFileReader(path: file), config: config, validator: validator)
        let pulled = PulledDelivery(delivery, readAhead: 2)
        #expect(!pulled.isWhole && pulled.rows.count == 3)
        let bridge = pair.postgres.bridge
        let error = try #require(throws: PostgresStoreError.self) {
            try bridge.transaction(kommun: config.id) { transaction in
                try pulled.stage(nil, transaction)
                #expect(try transaction.queryFirst("SELECT count(*) AS n FROM ingest_rows")?.int("n") ?? 0 > 3)
                try pulled.stage(nil, transaction)
            }
        }
        #expect(error.message.hasSuffix("after its rows had been read, and cannot read them again; nothing of it was stored: ingest it again"))
        #expect(error.sqlState == nil && !error.isRetryable)
    }
}
