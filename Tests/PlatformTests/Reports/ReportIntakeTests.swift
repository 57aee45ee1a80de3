import Foundation
import Testing
@testable import Platform
import StoreTestSupport

/// One path into the store for every door: files, uploaded bodies (the API) and the web form (`FormRows`) go
/// through the same validator, privacy guard and revisions; withdrawal and "inget att rapportera". On the
/// minimal kommun (polisen expected, ksf not), with the clock fixed at 2026-11-24.
@Suite("Report intake")
struct ReportIntakeTests {
    static let config = ReportIngestTests.config
    static let today = ReportIngestTests.today
    static let now = Timestamp.date("2026-11-24T09:00:00Z")!
    static let week = Period("2026-W47")!

    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    private func ingestor(skipInvalid: Bool = false, now: Date = now) -> ReportIngestor {
        ReportIngestor(config: Self.config, options: .init(skipInvalid: skipInvalid),
                       today: Self.today, now: now)
    }

    /// Three events as a reporter types them into the form.
    static let events: [[ReportColumn: String]] = [
        [.date: "2026-11-19", .reporter: "polisen", .area: "centrum", .indicator: "klotter", .value: "2", .time: "21:30",
         .place: "Busstorget", .note: "Nytt klotter på väntkuren", .id: "web-a1"],
        [.date: "2026-11-18", .reporter: "polisen", .area: "torget", .indicator: "otrygg-plats", .value: "2", .id: "web-a2"],
        [.date: "2026-11-17", .reporter: "polisen", .area: "torget", .indicator: "klotter", .value: "1", .id: "web-a3"],
    ]

    static func form(_ events: [[ReportColumn: String]] = events) -> FormRows {
        FormRows(name: "webbformulär", rows: events.enumerated().map { RawReport(line: $0 + 1, values: $1) })
    }

    @Test(arguments: StoreKind.tested) func aFormDeliveryWithOneBadRowIsRefusedWholeWithEveryProblemByLine(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = try fresh.open()
        _ = try ingestor().ingest(Self.form([Self.events[2]]), store: store)
        let before = try store.tableCounts()
        var events = Self.events
        events[1][.area] = "söder"
        events[1][.value] = "7"
        let summary = try ingestor().ingest(Self.form(events), store: store)
        #expect(summary == ImportSummary(source: "webbformulär", refused: [
            .init(line: 2, problems: ["unknown area 'söder'", "value 7 is off the scale 0–3 of 'otrygg-plats'"]),
        ], committed: false))
        #expect(try store.tableCounts() == before)
        #expect(before["reports"] == 1 && before["ingests"] == 1)
    }

    @Test(arguments: StoreKind.tested) func theSameRowsByFileBodyAndFormGiveTheSameSummaryAndTheSameStoredRows(_ kind: StoreKind) throws {
        let columns = ReportColumn.allCases
        let csv = columns.map(\.rawValue).joined(separator: ",") + "\n"
            + Self.events.map { event in columns.map { event[$0] ?? "" }.joined(separator: ",") }.joined(separator: "\n") + "\n"
        let objects = Self.events.map { event in
            String(decoding: try! JSONSerialization.data(withJSONObject: Dictionary(uniqueKeysWithValues: event.map { ($0.key.rawValue, $0.value) }),
                                                         options: .sortedKeys), as: UTF8.self)
        }
        let json = "[\n" + objects.joined(separator: ",\n") + "\n]\n", jsonLines = objects.joined(separator: "\n") + "\n"
        let file = try directory.write("v47.csv", csv)
        let sources: [(String, () throws -> any ReportRowSource)] = [
            ("file", { try ReportFileReader(path: file) }),
            ("csv", { try ReportFileReader(name: "api", data: Data(csv.utf8), format: .csv) }),
            ("json", { try ReportFileReader(name: "api", data: Data(json.utf8), format: .json) }),
            ("jsonl", { try ReportFileReader(name: "api", data: Data(jsonLines.utf8), format: .jsonLines) }),
            ("form", { Self.form() }),
        ]
        var summaries: [ImportSummary] = [], stored: [[StoredReport]] = []
        for (_, source) in sources {
            let fresh = try FreshStore(kind)
            let store = try fresh.open()
            var summary = try ingestor().ingest(try source(), store: store)
            summary.source = "-"
            summaries.append(summary)
            stored.append(try store.reports(kommun: "exempel", reporter: "polisen", from: Self.week.start, to: Self.week.end))
        }
        #expect(summaries[0] == ImportSummary(source: "-", stored: 3, committed: true))
        for summary in summaries.dropFirst() { #expect(summary == summaries[0]) }
        #expect(stored[0].map(\.ref) == ["web-a1", "web-a2", "web-a3"])
        #expect(stored[0].first == StoredReport(ref: "web-a1", date: CalendarDate(year: 2026, month: 11, day: 19)!, time: "21:30",
                                                area: "centrum", indicator: "klotter", value: 2, place: "Busstorget",
                                                note: "Nytt klotter på väntkuren", ingestedAt: "2026-11-24T09:00:00Z"))
        for other in stored.dropFirst() { #expect(other == stored[0]) }
        // The command line's path (a list of files) reports the same summary.
        let files = try FreshStore(kind)
        let results = try ReportIngestor(config: Self.config, today: Self.today, now: Self.now)
            .ingest([file], store: { try files.open() })
        #expect(results[0].summary == ImportSummary(source: file, stored: 3, committed: true))
    }

    @Test func anUploadedBodyHasTheLimitsOfAFile() throws {
        let limits = ReportLimits(jsonBytes: 64)
        let body = Data(("[" + String(repeating: " ", count: 80) + "]").utf8)
        #expect(throws: Diagnostic(file: "api", mark: nil, message: "the report is larger than 64 bytes, the most a JSON report may be; deliver it as CSV or in parts")) {
            try ReportFileReader(name: "api", data: body, format: .json, limits: limits)
        }
        let csv = Data("date,reporter,area,indicator,value\n2026-11-20,polisen,torget,klotter,\(String(repeating: "1", count: 40))\n".utf8)
        let reader = try ReportFileReader(name: "api", data: csv, format: .csv, limits: ReportLimits(fieldBytes: 16))
        #expect(throws: Diagnostic(file: "api", mark: Mark(line: 2, column: 0), message: "a field is longer than 16 bytes")) { try reader.next() }
    }

    @Test(arguments: StoreKind.tested) func personalDataInAFormNoteIsRefusedWithoutEchoingIt(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = try fresh.open()
        var events = Self.events
        events[0][.note] = "Anmälare 811218-9876, ring 070-123 45 67"
        let summary = try ingestor().ingest(Self.form(events), store: store)
        #expect(!summary.committed)
        #expect(summary.refused == [.init(line: 1, problems: [
            "note contains a personnummer or samordningsnummer and a phone number; personal data is not stored (remove it, or ingest with --redact)",
        ])])
        let encoded = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
        #expect(!encoded.contains("811218") && !encoded.contains("070-123") && !encoded.contains("45 67"))
        #expect(try store.counts(kommun: "exempel").reports == 0)
    }

    @Test(arguments: StoreKind.tested) func aFormCorrectionIsARevision(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = try fresh.open()
        _ = try ingestor().ingest(Self.form(), store: store)
        var corrected = Self.events[0]
        corrected[.value] = "5"
        let later = Timestamp.date("2026-11-24T10:00:00Z")!
        let summary = try ingestor(now: later).ingest(Self.form([corrected]), store: store)
        #expect(summary == ImportSummary(source: "webbformulär", corrected: 1, committed: true))
        #expect(try store.history(kommun: "exempel", reporter: "polisen", ref: "web-a1") == (5, [2]))
        // The revision is stamped with the clock the ingest was given, not the wall clock.
        #expect(try store.values(of: "replaced_at", in: "report_revisions") == [.text("2026-11-24T10:00:00Z")])
    }

    @Test(arguments: StoreKind.tested) func withdrawalKeepsTheRowAsARevisionAndDropsItFromTheLagesbild(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = try fresh.open()
        _ = try ingestor().ingest(Self.form(), store: store)
        func centrumKlotter() throws -> Double? {
            try LagesbildCompiler(config: Self.config, store: store, now: Self.now).compile(period: Self.week, language: .sv)
                .cells.first { $0.area == "centrum" && $0.indicator == "klotter" }?.value
        }
        #expect(try centrumKlotter() == 2)
        let withdrawnAt = Timestamp.date("2026-11-24T11:00:00Z")!
        try store.withdraw(kommun: "exempel", reporter: "polisen", ref: "web-a1", source: "webbformulär", now: withdrawnAt)
        #expect(try centrumKlotter() == 0)
        #expect(try store.reports(kommun: "exempel", reporter: "polisen", from: Self.week.start, to: Self.week.end).map(\.ref) == ["web-a2", "web-a3"])
        #expect(try store.counts(kommun: "exempel") == (2, 1))
        // The row stays with what it said, marked with the delivery that withdrew it.
        let kept = try #require(try store.rows(of: "reports").first { $0["ref"] == .text("web-a1") })
        let withdrawal = try #require(try store.rows(of: "ingests").first { $0["id"] == kept["withdrawn_in"] })
        #expect(kept["value"] == .integer(2) && kept["note"] == .text("Nytt klotter på väntkuren"))
        #expect(withdrawal["source_file"] == .text("webbformulär") && withdrawal["started_at"] == .text("2026-11-24T11:00:00Z")
                && withdrawal["rows_withdrawn"] == .integer(1))
        // Withdrawn once: there is no current report to withdraw again, and another kommun's never was there.
        #expect(throws: Diagnostic.self) {
            try store.withdraw(kommun: "exempel", reporter: "polisen", ref: "web-a1", source: "webbformulär", now: withdrawnAt)
        }
        #expect(throws: Diagnostic.self) {
            try store.withdraw(kommun: "annan", reporter: "polisen", ref: "web-a2", source: "webbformulär", now: withdrawnAt)
        }
        // Delivered again corrected, it is current again, and the withdrawn content is kept as a revision.
        var corrected = Self.events[0]
        corrected[.value] = "1"
        #expect(try ingestor().ingest(Self.form([corrected]), store: store).corrected == 1)
        #expect(try centrumKlotter() == 1)
        #expect(try store.history(kommun: "exempel", reporter: "polisen", ref: "web-a1") == (1, [2]))
    }

    @Test(arguments: StoreKind.tested) func nothingToReportCountsAsReportedAndIsIdempotent(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = try fresh.open()
        func completeness() throws -> Lagesbild.Completeness {
            try LagesbildCompiler(config: Self.config, store: store, now: Timestamp.date("2026-11-30T18:00:00Z")!)
                .compile(period: Self.week, language: .sv, parts: .reporting).completeness
        }
        #expect(try completeness().reported == 0)
        try store.recordNothingToReport(kommun: "exempel", reporter: "polisen", period: Self.week, source: "webbformulär",
                                        now: Timestamp.date("2026-11-20T16:00:00Z")!)
        try store.recordNothingToReport(kommun: "exempel", reporter: "polisen", period: Self.week, source: "webbformulär",
                                        now: Timestamp.date("2026-11-25T09:00:00Z")!)
        #expect(try store.tableCounts()["nothing_to_report"] == 1)
        let status = try completeness()
        #expect(status.reported == 1 && status.expected == 1)
        let polisen = status.reporters.first { $0.id == "polisen" }
        #expect(polisen?.reported == true && polisen?.rows == 0 && polisen?.nothingToReport == true)
        #expect(polisen?.firstIngestedAt == "2026-11-20T16:00:00Z" && polisen?.timeliness == .onTime)
        #expect(try store.reporterActivity(kommun: "exempel", from: Self.week.start, to: Self.week.end)
                == [.init(reporter: "polisen", rows: 0, firstIngestedAt: "2026-11-20T16:00:00Z", lastIngestedAt: "2026-11-20T16:00:00Z",
                          nothingToReport: true)])
        // A month holding the week counts it; the week before does not, nor another kommun.
        #expect(try store.nothingToReport(kommun: "exempel", reporter: "polisen", from: Period("2026-11")!.start, to: Period("2026-11")!.end)
                == [Self.week])
        #expect(try store.reporterActivity(kommun: "exempel", from: Self.week.previous.start, to: Self.week.previous.end).isEmpty)
        #expect(try store.reporterActivity(kommun: "annan", from: Self.week.start, to: Self.week.end).isEmpty)
        // With rows too, the rows are counted, and the first of all (the word of nothing to report) judges timeliness.
        _ = try ingestor(now: Timestamp.date("2026-11-23T08:00:00Z")!).ingest(Self.form([Self.events[2]]), store: store)
        #expect(try store.reporterActivity(kommun: "exempel", from: Self.week.start, to: Self.week.end)
                == [.init(reporter: "polisen", rows: 1, firstIngestedAt: "2026-11-20T16:00:00Z", lastIngestedAt: "2026-11-23T08:00:00Z",
                          nothingToReport: true)])
    }

    @Test func theEnvironmentIsReadFromADictionary() {
        let environment = PlatformEnvironment(["PLATFORM_NOW": "2026-11-24T12:00:00Z", "PLATFORM_STORE": "/srv/platform/store.sqlite",
                                               "PLATFORM_MUNICIPALITIES": "/etc/platform/kommuner", "PLATFORM_PUBLIC_URL": "https://est.example.se"])
        #expect(environment.fixedNow == Timestamp.date("2026-11-24T12:00:00Z") && environment.now == environment.fixedNow)
        #expect(environment.storePath == "/srv/platform/store.sqlite" && environment.isStoreNamed)
        #expect(environment.municipalities == "/etc/platform/kommuner" && environment.publicURL == "https://est.example.se")
        #expect(environment.warnings.isEmpty)
        let defaults = PlatformEnvironment([:])
        #expect(defaults.fixedNow == nil && defaults.storePath == "data/platform.sqlite" && !defaults.isStoreNamed)
        #expect(defaults.municipalities == "municipalities" && defaults.templates == "templates" && defaults.plugins == "plugins")
        #expect(defaults.publicURL == nil)
        let wrong = PlatformEnvironment(["PLATFORM_NOW": "tisdag"])
        #expect(wrong.fixedNow == nil)
        #expect(wrong.warnings == ["PLATFORM_NOW 'tisdag' is not ISO 8601 (2026-11-24T12:00:00Z); using the real time"])
    }
}
