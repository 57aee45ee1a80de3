import Foundation
import Platform
import PlatformPostgres
import Testing

/// The same deliveries into a SQLite `ReportStore` (the reference) and a `PostgresStore` on a fresh database,
/// with what each read and ingest gives side by side: a parity test expects them equal.
final class StorePair {
    let database: TestDatabase
    let postgres: PostgresStore
    let sqlite: ReportStore
    /// Where the delivered files are written (the same file for both stores: its path is stored with its rows).
    let folder: URL

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// "Today" for every ingest, and the ingest time: no test reads the clock.
    static let today = CalendarDate(iso: "2026-11-24")!
    static let now = Date(timeIntervalSince1970: 1_795_500_000)

    init() throws {
        database = try TestDatabase()
        postgres = try PostgresStore(url: database.url, passwordCost: 4)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgreads-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        sqlite = try ReportStore(path: folder.appendingPathComponent("store.sqlite").path, passwordCost: 4)
    }

    deinit {
        postgres.bridge.close()
        database.drop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// A shipped kommun file (`lysekil`, `tranemo`).
    static func kommun(_ id: String) throws -> KommunConfig {
        try #require(KommunConfigLoader().load(path: root.appendingPathComponent("municipalities/\(id).yaml").path).config)
    }

    /// Writes `text` to the file `name` in the folder; returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// `days` of simulated reports of `config` as a CSV file `name`, with `edit` applied to each row's fields.
    func simulated(_ name: String, config: KommunConfig, from: String, days: Int, seed: UInt64 = 3, intensity: Double = 1,
                   edit: (inout [String]) -> Bool = { _ in true }) throws -> String {
        var csv = CSVWriter()
        let start = CalendarDate(iso: from)!
        var header = true
        ReportSimulator(config: config, seed: seed, intensity: intensity).rows(from: start, to: start.adding(days: days - 1)) { fields in
            var fields = fields
            if header || edit(&fields) { csv.append(fields) }
            header = false
        }
        return try write(name, csv.text)
    }

    /// Ingests `files` with the same ingestor into both stores; returns what each reported, as text.
    @discardableResult
    func ingest(_ files: [String], config: KommunConfig, options: IngestOptions = .init(),
                at now: Date = StorePair.now) throws -> (sqlite: [String], postgres: [String]) {
        let ingestor = ReportIngestor(config: config, options: options, privacy: .refuse, today: Self.today, now: now)
        let sqliteResults = try ingestor.ingest(files, store: { self.sqlite })
        let postgresResults = try ingestor.ingest(files, store: { self.postgres })
        return (sqliteResults.map(Self.text), postgresResults.map(Self.text))
    }

    /// One ingest result as text: its counts, whether it was kept, and its diagnostics.
    static func text(_ result: ReportIngestor.FileResult) -> String {
        var text = result.file
        if let outcome = result.outcome {
            text += " new \(outcome.new) revised \(outcome.revised) unchanged \(outcome.unchanged) withdrawn \(outcome.withdrawn)"
                + " refused \(outcome.refused.count) committed \(outcome.committed) problem \(outcome.fileProblem ?? "-")"
        }
        return ([text] + result.diagnostics.map(\.headline)).joined(separator: "\n")
    }

    /// Every read of `LagesbildReading` and `ReportIntake` for `kommun` over `periods` (and the whole span they
    /// cover), from one store, as values that compare equal when the stores read alike.
    static func reads(_ store: any LagesbildReading & ReportIntake, kommun config: KommunConfig, periods: [Period]) throws -> [String] {
        let kommun = config.id
        guard let first = periods.map(\.start).min(), let last = periods.map(\.end).max() else { return [] }
        var reads: [String] = []
        func read(_ name: String, _ value: Any) { reads.append("\(name): \(value)") }
        for (from, to) in [(first, last)] + periods.map({ ($0.start, $0.end) }) {
            read("dailyCells \(from)…\(to)", try store.dailyCells(kommun: kommun, from: from, to: to))
            read("values \(from)…\(to)", try store.values(kommun: kommun, from: from, to: to))
            for source in Reporter.Source.allCases {
                read("sourceRows \(source) \(from)…\(to)", try store.sourceRows(kommun: kommun, source: source, from: from, to: to))
            }
            read("reporterActivity \(from)…\(to)", try store.reporterActivity(kommun: kommun, from: from, to: to))
            read("notes \(from)…\(to)", try store.notes(kommun: kommun, from: from, to: to))
            for reporter in config.reporters.map(\.organisation) {
                let stored = try store.reports(kommun: kommun, reporter: reporter, from: from, to: to)
                read("reports \(reporter) \(from)…\(to)", stored)
                read("nothingToReport \(reporter) \(from)…\(to)", try store.nothingToReport(kommun: kommun, reporter: reporter, from: from, to: to))
                for ref in stored.compactMap(\.ref).prefix(5) {
                    let history = try store.history(kommun: kommun, reporter: reporter, ref: ref)
                    read("history \(reporter) \(ref)", "\(String(describing: history.current)) \(history.earlier)")
                }
            }
        }
        for period in periods {
            read("totals \(period)", try store.totals(kommun: kommun, period: period))
        }
        let counts = try store.counts(kommun: kommun)
        read("counts", "\(counts.reports) \(counts.revisions)")
        return reads
    }

    /// Expects both stores to read alike for `kommun` over `periods`; returns how many reads were compared.
    @discardableResult
    func expectSameReads(_ config: KommunConfig, periods: [Period], sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let expected = try Self.reads(sqlite, kommun: config, periods: periods)
        let actual = try Self.reads(postgres, kommun: config, periods: periods)
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        for (sqliteRead, postgresRead) in zip(expected, actual) where sqliteRead != postgresRead {
            Issue.record("PostgreSQL reads otherwise than SQLite:\n  SQLite:     \(sqliteRead.prefix(600))\n  PostgreSQL: \(postgresRead.prefix(600))",
                         sourceLocation: sourceLocation)
            break
        }
        return expected.count
    }
}
