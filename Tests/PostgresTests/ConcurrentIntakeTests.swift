import Foundation
import Platform
import PlatformPostgres
import Testing

/// Ingests into one kommun from two stores on one database at once (two servers, a command line): every row
/// is stored once, and the stored rows are what SQLite stores of the same files one after another.
@Suite("PostgreSQL concurrent intake")
struct ConcurrentIntakeTests {
    /// The outcomes of ingests running on several threads.
    private final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private var summaries: [String] = []

        func add(_ summary: String) {
            lock.withLock { summaries.append(summary) }
        }

        var all: [String] { lock.withLock { summaries } }
    }

    @Test func twoStoresIngestingAtOnceLoseAndRepeatNothing() throws {
        let pair = try StorePair()
        let config = try IntakeParityTests.lysekil()
        let other = try PostgresStore(url: pair.database.url, passwordCost: 4)
        defer { other.bridge.close() }
        let files = try (1...8).map { seed in
            try pair.simulated("sim\(seed).csv", config: config, from: "2026-11-09", days: 7, seed: UInt64(seed), intensity: 20)
        }
        let ingestor = ReportIngestor(config: config, privacy: .refuse, today: StorePair.today, now: StorePair.now)
        let sequential = try ingestor.ingest(files, store: { pair.sqlite }).map(StorePair.text)
        let stores = [pair.postgres, other]
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            do {
                let result = try ingestor.ingest([files[index]], store: { stores[index % 2] })
                outcomes.add(result.map(StorePair.text).joined())
            } catch {
                outcomes.add("\(files[index]): \(error)")
            }
        }
        #expect(outcomes.all.sorted() == sequential.sorted())
        #expect(try pair.postgres.counts(kommun: "lysekil").reports > 3_000)
        let periods = [Period("2026-W46")!, Period("2026-W47")!]
        #expect(try pair.postgres.counts(kommun: "lysekil") == pair.sqlite.counts(kommun: "lysekil"))
        for period in periods {
            #expect(try pair.postgres.dailyCells(kommun: "lysekil", from: period.start, to: period.end)
                        == pair.sqlite.dailyCells(kommun: "lysekil", from: period.start, to: period.end))
            #expect(try pair.postgres.totals(kommun: "lysekil", period: period) == pair.sqlite.totals(kommun: "lysekil", period: period))
        }
    }
}
