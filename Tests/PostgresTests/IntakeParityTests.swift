import Foundation
import Platform
import PlatformPostgres
import Testing

/// The PostgreSQL store's ingest and reads against SQLite's (issue 14): the same deliveries into both, then every
/// `LagesbildReading` and `ReportIntake` read compared, and what each ingest reported.
@Suite("PostgreSQL intake parity")
struct IntakeParityTests {
    static let header = "date,reporter,area,indicator,value,time,place,lat,lon,note,id\n"
    static let weeks = ["2026-W44", "2026-W45", "2026-W46", "2026-W47"].map { Period($0)! }

    /// Lysekil with a reporter of statistics and one of public reports, so that every kind of row is stored.
    static func lysekil() throws -> KommunConfig {
        var config = try StorePair.kommun("lysekil")
        config.reporters[6].source = .statistics
        config.reporters[7].source = .public
        return config
    }

    static func periods() -> [Period] {
        weeks + [Period("2026-10")!, Period("2026-11")!]
    }

    @Test func simulatedReportsDeliveredAgainAndCorrectedReadAlike() throws {
        let pair = try StorePair()
        let config = try Self.lysekil()
        let first = try pair.simulated("v44-47.csv", config: config, from: "2026-10-26", days: 28)
        let results = try pair.ingest([first], config: config)
        #expect(results.postgres == results.sqlite)
        #expect(results.sqlite.first?.contains(" new 0 ") == false)
        // The same file again: nothing new.
        let again = try pair.ingest([first], config: config, at: StorePair.now.addingTimeInterval(3_600))
        #expect(again.postgres == again.sqlite)
        // Corrected: every tenth value changed, and some rows left out.
        var row = 0
        let corrected = try pair.simulated("v44-47-rättad.csv", config: config, from: "2026-10-26", days: 28) { fields in
            row += 1
            if row % 10 == 0, let value = Int(fields[5]) { fields[5] = String(value == 0 ? 1 : value - 1) }
            return row % 13 != 0
        }
        let revised = try pair.ingest([corrected], config: config, at: StorePair.now.addingTimeInterval(7_200))
        #expect(revised.postgres == revised.sqlite)
        #expect(revised.sqlite.first?.contains(" revised 0 ") == false)
        #expect(try pair.expectSameReads(config, periods: Self.periods()) > 100)
    }

    @Test func rowsWithoutIdsTwiceInAFileAndDeliveredAgain() throws {
        let pair = try StorePair()
        let config = try Self.lysekil()
        let first = try pair.write("utan-id.csv", Self.header + """
            2026-11-16,polismyndigheten,stadsparken,klotter,1,22:15,,,,,
            2026-11-16,polismyndigheten,stadsparken,klotter,1,22:15,,,,,
            2026-11-16,polismyndigheten,stadsparken,klotter,1,22:15,,,,,
            2026-11-16,polismyndigheten,kronberget,klotter,2,,Vid kiosken,,,Sprayat,
            2026-11-17,kommunstyrelseforvaltningen,stadsparken,klotter,3,08:00,,58.27,11.43,,
            2026-11-17,polismyndigheten,stadsparken,klotter,1,,,,,,p1
            2026-11-17,lysekilsbostader,stadsparken,klotter,1,,,,,,

            """)
        let results = try pair.ingest([first], config: config)
        #expect(results.postgres == results.sqlite)
        #expect(results.sqlite.first?.contains(" new 7 ") == true)
        try pair.expectSameReads(config, periods: Self.periods())
        // Delivered again with one of the three equal rows and the kiosk row gone, and a new one: the day's id-less
        // rows not delivered again are withdrawn.
        let second = try pair.write("utan-id-2.csv", Self.header + """
            2026-11-16,polismyndigheten,stadsparken,klotter,1,22:15,,,,,
            2026-11-16,polismyndigheten,stadsparken,klotter,1,22:15,,,,,
            2026-11-16,polismyndigheten,norra-hamnen,klotter,4,23:00,,,,,
            2026-11-17,polismyndigheten,stadsparken,klotter,2,,,,,,p1

            """)
        let replaced = try pair.ingest([second], config: config, at: StorePair.now.addingTimeInterval(60))
        #expect(replaced.postgres == replaced.sqlite)
        #expect(replaced.sqlite.first?.contains(" withdrawn 2 ") == true)
        // The first file again: its withdrawn rows are current again.
        let again = try pair.ingest([first], config: config, at: StorePair.now.addingTimeInterval(120))
        #expect(again.postgres == again.sqlite)
        try pair.expectSameReads(config, periods: Self.periods())
    }

    @Test func aRefusedRowsFileCorrectedAddsToTheStoredRows() throws {
        let pair = try StorePair()
        let config = try Self.lysekil()
        let file = try pair.write("v47.csv", Self.header + """
            2026-11-16,polismyndigheten,stadsparken,klotter,1,,,,,,
            2026-11-16,polismyndigheten,stadsparken,klotter,1,,,,,,
            2026-11-16,polismyndigheten,stadsparkn,klotter,1,,,,,,
            2026-11-16,polismyndigheten,stadsparkn,klotter,1,,,,,,
            2026-11-17,polismyndigheten,kronberget,klotter,5,,,,,,a1
            2026-11-17,polismyndigheten,kronberget,klotter,6,,,,,,a1
            2026-11-18,polismyndigheten,kronberget,klottr,1,,,,,,a2

            """)
        let results = try pair.ingest([file], config: config, options: IngestOptions(skipInvalid: true))
        #expect(results.postgres == results.sqlite)
        #expect(results.sqlite.first?.contains(" refused 4 ") == true)
        // The refused rows, corrected in the refused-rows file: two rows equal to the two stored are two more.
        let refusedPath = ReportIngestor.refusedPath(for: file)
        let refused = try String(contentsOfFile: refusedPath, encoding: .utf8)
            .replacingOccurrences(of: "stadsparkn", with: "stadsparken").replacingOccurrences(of: "klottr", with: "klotter")
        let corrected = try pair.write("v47.refused.csv", refused)
        let added = try pair.ingest([corrected], config: config, at: StorePair.now.addingTimeInterval(60))
        #expect(added.postgres == added.sqlite)
        #expect(added.sqlite.first?.contains(" new 3 ") == true)
        // Ingested again, it adds nothing.
        let again = try pair.ingest([corrected], config: config, at: StorePair.now.addingTimeInterval(120))
        #expect(again.postgres == again.sqlite)
        try pair.expectSameReads(config, periods: Self.periods())
    }

    @Test func refusedDeliveriesAndDryRunsLeaveNothing() throws {
        let pair = try StorePair()
        let config = try Self.lysekil()
        let good = try pair.simulated("bra.csv", config: config, from: "2026-11-09", days: 7)
        try pair.ingest([good], config: config)
        let version = try pair.postgres.version()
        let bad = try pair.write("dålig.csv", Self.header + """
            2026-11-18,polismyndigheten,stadsparken,klotter,1,,,,,,b1
            2026-11-18,polismyndigheten,ingenstans,klotter,1,,,,,,b2
            2026-11-18,polismyndigheten,stadsparken,klotter,1,,,,,,b1

            """)
        let refused = try pair.ingest([bad], config: config)
        #expect(refused.postgres == refused.sqlite)
        let dryRun = try pair.ingest([good, bad], config: config, options: IngestOptions(skipInvalid: true, dryRun: true))
        #expect(dryRun.postgres == dryRun.sqlite)
        // A changed checklist under the same version refuses the delivery whole.
        var changed = config
        changed.checklist.indicators.removeLast()
        let problem = try pair.ingest([good], config: changed)
        #expect(problem.postgres == problem.sqlite)
        #expect(problem.sqlite.first?.contains("checklist version '2026-1' is already stored") == true)
        #expect(try pair.postgres.version() == version)
        try pair.expectSameReads(config, periods: Self.periods())
    }

    @Test func withdrawalsAndNothingToReport() throws {
        let pair = try StorePair()
        let config = try Self.lysekil()
        let file = try pair.write("v47.csv", Self.header + """
            2026-11-16,polismyndigheten,stadsparken,klotter,1,,,,,Sprayat,w1
            2026-11-17,polismyndigheten,stadsparken,klotter,2,,,,,,w2
            2026-11-17,polismyndigheten,stadsparken,klotter,2,,,,,,

            """)
        try pair.ingest([file], config: config)
        let stores: [any ReportIntake] = [pair.sqlite, pair.postgres]
        for store in stores {
            try store.withdraw(kommun: "lysekil", reporter: "polismyndigheten", ref: "w1", source: "webbformulär", now: StorePair.now)
            var messages: [String] = []
            for ref in ["w1", "nej", "#1-1"] {
                do {
                    try store.withdraw(kommun: "lysekil", reporter: "polismyndigheten", ref: ref, source: "webbformulär", now: StorePair.now)
                } catch let diagnostic as Diagnostic {
                    messages.append(diagnostic.headline)
                }
            }
            #expect(messages == Array(repeating: "webbformulär: error: lysekil has no current report of 'polismyndigheten' with that id", count: 3))
            for _ in 1...2 {
                try store.recordNothingToReport(kommun: "lysekil", reporter: "socialforvaltningen", period: Period("2026-W47")!,
                                                source: "webbformulär", now: StorePair.now)
            }
            try store.recordNothingToReport(kommun: "lysekil", reporter: "socialforvaltningen", period: Period("2026-W45")!,
                                            source: "webbformulär", now: StorePair.now.addingTimeInterval(-86_400))
        }
        try pair.expectSameReads(config, periods: Self.periods())
        // Delivered again, the withdrawn row is current again.
        let again = try pair.ingest([file], config: config, at: StorePair.now.addingTimeInterval(60))
        #expect(again.postgres == again.sqlite)
        try pair.expectSameReads(config, periods: Self.periods())
    }

    @Test func aBatchKeepsEachDeliveryWholeOrNotAtAll() throws {
        let pair = try StorePair()
        let lysekil = try Self.lysekil()
        let tranemo = try StorePair.kommun("tranemo")
        let files = [
            try pair.simulated("lysekil.csv", config: lysekil, from: "2026-11-09", days: 7),
            try pair.write("dålig.csv", Self.header + "2026-11-18,polismyndigheten,ingenstans,klotter,1,,,,,,b2\n"),
            try pair.simulated("tranemo.csv", config: tranemo, from: "2026-11-09", days: 7),
            try pair.simulated("lysekil-2.csv", config: lysekil, from: "2026-11-12", days: 7, seed: 4),
        ]
        let configs = [lysekil, lysekil, tranemo, lysekil]
        func batch() throws -> [ReportDelivery] {
            try zip(files, configs).map { file, config in
                ReportDelivery(source: try ReportFileReader(path: file), config: config,
                               validator: ReportValidator(config: config, today: StorePair.today, privacy: .refuse)) { outcome in
                    AuditEvent(at: StorePair.now, kommun: config.id, actor: "test", action: "ingest", detail: "\(outcome.new) new")
                }
            }
        }
        func described(_ results: [Result<IngestOutcome, any Error>]) -> [String] {
            results.map { result in
                switch result {
                case .success(let outcome):
                    "new \(outcome.new) unchanged \(outcome.unchanged) refused \(outcome.refused.count) committed \(outcome.committed)"
                case .failure(let error): "\(error)"
                }
            }
        }
        let expected = described(try pair.sqlite.ingest(batch: batch(), now: StorePair.now))
        #expect(described(try pair.postgres.ingest(batch: batch(), now: StorePair.now)) == expected)
        #expect(expected[1].hasSuffix("committed false"))
        #expect(described(try pair.postgres.ingest(batch: batch(), now: StorePair.now))
                    == described(try pair.sqlite.ingest(batch: batch(), now: StorePair.now)))
        let audited = try pair.postgres.bridge.transaction(kommun: "*") { try $0.queryFirst("SELECT count(*) AS events FROM audit_log")!.int("events") }
        #expect(audited == 6)
        try pair.expectSameReads(lysekil, periods: Self.periods())
        try pair.expectSameReads(tranemo, periods: Self.periods())
    }

    /// The lägesbild compiled from each store is the same to the byte, as JSON: a year apart of simulated reports,
    /// corrected, some withdrawn, and a reporter with nothing to report.
    @Test func theLagesbildIsByteIdentical() throws {
        let pair = try StorePair()
        let config = try Self.lysekil()
        let lastYear = try pair.simulated("2025.csv", config: config, from: "2025-10-27", days: 35)
        let thisYear = try pair.simulated("2026.csv", config: config, from: "2026-08-31", days: 85)
        try pair.ingest([lastYear, thisYear], config: config)
        var row = 0
        let corrected = try pair.simulated("2026-rättad.csv", config: config, from: "2026-08-31", days: 85) { fields in
            row += 1
            if row % 7 == 0, let value = Int(fields[5]) { fields[5] = String(value == 0 ? 1 : value - 1) }
            return row % 11 != 0
        }
        try pair.ingest([corrected], config: config, at: StorePair.now.addingTimeInterval(3_600))
        let stores: [any ReportIntake] = [pair.sqlite, pair.postgres]
        for store in stores {
            try store.recordNothingToReport(config: config, reporter: "socialforvaltningen", period: Period("2026-W47")!, source: "webbformulär",
                                            now: StorePair.now)
        }
        let postgres = pair.postgres
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        var compared = 0
        for period in ["2026-W46", "2026-W47"].map({ Period($0)! }) {
            for language in Language.allCases {
                let expected = try encoder.encode(LagesbildCompiler(config: config, store: pair.sqlite, now: StorePair.now)
                    .compile(period: period, language: language))
                let actual = try encoder.encode(LagesbildCompiler(config: config, store: postgres, now: StorePair.now)
                    .compile(period: period, language: language))
                let sqliteLines = String(decoding: expected, as: UTF8.self).split(separator: "\n")
                let postgresLines = String(decoding: actual, as: UTF8.self).split(separator: "\n")
                if actual != expected {
                    let line = sqliteLines.indices.first { $0 >= postgresLines.count || sqliteLines[$0] != postgresLines[$0] }
                        ?? sqliteLines.count
                    let shown = [sqliteLines, postgresLines].map { $0.dropFirst(line).first.map(String.init) ?? "(end)" }
                    Issue.record("\(period) \(language): the JSON differs from line \(line + 1): SQLite \(shown[0]), PostgreSQL \(shown[1])")
                }
                compared += expected.count
            }
        }
        #expect(compared > 40_000)
    }

    /// 20,000 simulated rows go in through COPY and read as on SQLite; then all of them again, unchanged.
    @Test func twentyThousandRows() throws {
        let pair = try StorePair()
        let config = try Self.lysekil()
        var rows = 0
        let file = try pair.simulated("stor.csv", config: config, from: "2026-10-05", days: 49, intensity: 80) { _ in
            rows += 1
            return rows <= 20_000
        }
        let results = try pair.ingest([file], config: config)
        #expect(results.postgres == results.sqlite)
        #expect(results.postgres.first?.contains(" new 20000 ") == true, "\(results.postgres)")
        let again = try pair.ingest([file], config: config, at: StorePair.now.addingTimeInterval(60))
        #expect(again.postgres == again.sqlite)
        try pair.expectSameReads(config, periods: [Period("2026-10")!, Period("2026-11")!])
    }
}
