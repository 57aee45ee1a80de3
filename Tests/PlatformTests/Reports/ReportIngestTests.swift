import Foundation
import GRDBSQLite
import Testing
@testable import Platform
import StoreTestSupport

/// Ingest on the minimal kommun (reporters polisen and ksf; areas centrum and torget; indicators klotter,
/// a count, and otrygg-plats, a level 0–3), with "today" fixed at 2026-11-24.
@Suite("Report ingest")
struct ReportIngestTests {
    static let config = KommunConfigLoader().decode(KommunConfigDecodingTests.minimal, file: "exempel.yaml").config!
    static let today = CalendarDate(year: 2026, month: 11, day: 24)!
    static let header = "date,reporter,area,indicator,value,time,place,lat,lon,note,id\n"

    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    private func ingest(_ fresh: FreshStore, _ files: [String], config: KommunConfig = config, skipInvalid: Bool = false, dryRun: Bool = false,
                        redact: Bool = false) throws -> [ReportIngestor.FileResult] {
        try ReportIngestor(config: config, options: .init(skipInvalid: skipInvalid, dryRun: dryRun),
                           privacy: redact ? .redact : .refuse, today: Self.today)
            .ingest(files, store: {
                // A dry run on a SQLite file that does not exist yet reads an empty store in memory.
                if fresh.kind == .sqlite { return try ReportStore.forIngest(at: fresh.location, dryRun: dryRun) }
                return try fresh.open()
            })
    }

    private func headlines(_ results: [ReportIngestor.FileResult]) -> [String] {
        results.flatMap { $0.diagnostics.map { $0.headline.replacingOccurrences(of: directory.url.path + "/", with: "") } }
    }

    private func counts(_ fresh: FreshStore, _ kommun: String = "exempel") throws -> (reports: Int, revisions: Int) {
        try fresh.open().counts(kommun: kommun)
    }

    @Test(arguments: StoreKind.tested) func everyKindOfBadRowIsListedByLine(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let file = try directory.write("bad.csv", Self.header + """
            2026-11-02,polisen,centrum,klotter,1,,,,,,a1
            2026-11-02,polis,centrum,klotter,1,,,,,,a2
            2026-11-02,polisen,Söder,klotter,1,,,,,,a3
            2026-11-02,polisen,centrum,klottr,1,,,,,,a4
            2026-13-02,polisen,centrum,klotter,1,,,,,,a5
            2026-12-24,polisen,centrum,klotter,1,,,,,,a6
            2026-11-02,polisen,centrum,otrygg-plats,5,,,,,,a7
            2026-11-02,polisen,centrum,otrygg-plats,,,,,,,a8
            2026-11-02,polisen,centrum,klotter,två,,,,,,a9
            2026-11-02,polisen,centrum,klotter,1,25:00,,58.3,,,a10
            2026-11-02,polisen,centrum,klotter,1,,,,,Pojke 811218-9876 ringde 070-123 45 67,a11
            ,polisen,,klotter,1,,,,,,a12
            2026-11-02,polisen,centrum,klotter,1,,,,,,a1
            2026-11-02,polisen,centrum

            """)
        let results = try ingest(fresh, [file])
        #expect(headlines(results) == [
            "bad.csv:3: error: unknown reporter 'polis' (did you mean 'polisen'?)",
            "bad.csv:4: error: unknown area 'Söder'",
            "bad.csv:5: error: unknown indicator 'klottr' (did you mean 'klotter'?)",
            "bad.csv:6: error: invalid date '2026-13-02': expected YYYY-MM-DD or an ISO week such as 2026-W47",
            "bad.csv:7: error: date 2026-12-24 is in the future",
            "bad.csv:8: error: value 5 is off the scale 0–3 of 'otrygg-plats'",
            "bad.csv:9: error: 'otrygg-plats' is a level from 0 to 3 and needs a value",
            "bad.csv:10: error: value 'två' is not a whole number",
            "bad.csv:11: error: invalid time '25:00': expected HH:MM",
            "bad.csv:11: error: lat and lon go together: give both or neither",
            "bad.csv:12: error: note contains a personnummer or samordningsnummer and a phone number; personal data is not stored (remove it, or ingest with --redact)",
            "bad.csv:13: error: missing date",
            "bad.csv:13: error: missing area",
            "bad.csv:14: error: id 'a1' of reporter 'polisen' appears more than once in this file",
            "bad.csv:15: error: the row has 3 fields but the header has 11",
        ])
        #expect(results[0].outcome?.committed == false)
        // Refused whole: the store this run created stays (another process may have committed to it meanwhile),
        // with no ingest and no report in it.
        #expect(try fresh.open().rowCount(of: "ingests") == 0)
        #expect(try counts(fresh).reports == 0)
        #expect(!headlines(results).contains { $0.contains("811218") || $0.contains("070-123") })
    }

    @Test func aRefusedFileLeavesTheStoreByteIdentical() throws {
        let fresh = try FreshStore(.sqlite)
        let good = try directory.write("good.csv", Self.header + "2026-11-02,polisen,centrum,klotter,1,,,,,,g1\n")
        _ = try ingest(fresh, [good])
        let before = try Data(contentsOf: URL(fileURLWithPath: fresh.location))
        let bad = try directory.write("bad.csv", Self.header + """
            2026-11-03,polisen,centrum,klotter,1,,,,,,g2
            2026-11-03,polisen,nowhere,klotter,1,,,,,,g3

            """)
        let results = try ingest(fresh, [bad])
        #expect(headlines(results) == ["bad.csv:3: error: unknown area 'nowhere'"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: fresh.location)) == before)
        #expect(try counts(fresh).reports == 1)
    }

    @Test(arguments: StoreKind.tested) func headerProblemsRefuseTheFile(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let file = try directory.write("h.csv", "date;reporter;omrade;indicatorr;value\n2026-11-02;polisen;centrum;klotter;1\n")
        #expect(headlines(try ingest(fresh, [file])) == [
            "h.csv:1: error: unknown column 'indicatorr' (did you mean 'indicator'?); missing column 'indicator'",
        ])
    }

    @Test(arguments: StoreKind.tested) func ingestingAgainStoresNothingNewAndCorrectionsKeepRevisions(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let first = try directory.write("v45.csv", Self.header + """
            2026-11-02,polisen,centrum,klotter,1,22:15,,,,,p1
            2026-11-02,polisen,Torget,klotter,,,,,,,
            2026-11-02,polisen,Torget,klotter,,,,,,,
            2026-W45,ksf,centrum,otrygg-plats,2,,,,,,

            """)
        #expect(try ingest(fresh, [first]).map { $0.outcome?.new } == [4])
        #expect(try ingest(fresh, [first]).map { $0.outcome?.unchanged } == [4])
        #expect(try counts(fresh).reports == 4)
        let corrected = try directory.write("v45-rättad.csv", Self.header + "2026-11-02,polisen,centrum,klotter,3,22:15,,,,,p1\n")
        let results = try ingest(fresh, [corrected])
        #expect(results.map { $0.outcome?.revised } == [1])
        #expect(try counts(fresh) == (4, 1))
        #expect(try fresh.open().history(kommun: "exempel", reporter: "polisen", ref: "p1") == (3, [1]))
        #expect(try fresh.open().totals(kommun: "exempel", period: Period("2026-W45")!).map(\.total) == [2, 5])
    }

    /// Without ids, a delivery is its reporter's whole account of each day its id-less rows are dated:
    /// a corrected re-delivery replaces that reporter's id-less rows of those days (issue 12, item 4).
    /// The replaced rows are kept, withdrawn; other reporters, rows with ids and other days are untouched.
    @Test(arguments: StoreKind.tested) func aCorrectedDeliveryWithoutIDsReplacesTheDaysItCovers(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let week = try directory.write("v47.csv", Self.header + """
            2026-11-17,polisen,centrum,klotter,2,,,,,,
            2026-11-17,polisen,torget,klotter,1,,,,,,
            2026-11-17,polisen,torget,klotter,1,,,,,,
            2026-11-18,polisen,centrum,klotter,1,,,,,,
            2026-11-19,polisen,centrum,klotter,4,,,,,,

            """)
        let others = try directory.write("ksf.csv", Self.header + """
            2026-11-17,ksf,centrum,klotter,5,,,,,,
            2026-11-17,polisen,centrum,klotter,7,,,,,,p9

            """)
        #expect(try ingest(fresh, [week, others]).map { $0.outcome?.new } == [5, 2])
        #expect(try ingest(fresh, [week]).map { $0.outcome?.unchanged } == [5])
        let corrected = try directory.write("v47-rättad.csv", Self.header + """
            2026-11-17,polisen,centrum,klotter,3,,,,,,
            2026-11-17,polisen,torget,klotter,1,,,,,,
            2026-11-18,polisen,centrum,klotter,1,,,,,,

            """)
        let outcome = try #require(try ingest(fresh, [corrected]).first?.outcome)
        #expect((outcome.new, outcome.unchanged, outcome.withdrawn) == (1, 2, 2))
        // 11-17: centrum 2 → 3 and one of the two torget rows gone; 11-18 as it was; 11-19 not in the
        // corrected file, so not covered by it: kept. ksf's row and polisen's p9 are untouched.
        #expect(try counts(fresh) == (6, 2))
        let totals = try fresh.open().totals(kommun: "exempel", period: Period("2026-W47")!)
        #expect(totals.map { "\($0.reporter):\($0.rows):\($0.total)" } == ["ksf:1:5", "polisen:5:16"])
        // The same corrected file again changes nothing; the first delivery again restores it.
        let again = try #require(try ingest(fresh, [corrected]).first?.outcome)
        #expect((again.new, again.unchanged, again.withdrawn) == (0, 3, 0))
        let restored = try #require(try ingest(fresh, [week]).first?.outcome)
        #expect((restored.new, restored.unchanged, restored.withdrawn) == (0, 5, 1))
        #expect(try counts(fresh) == (7, 1))
    }

    /// The same id-less event in two deliveries for different days is two reports; the same row twice in
    /// one delivery also is two.
    @Test(arguments: StoreKind.tested) func identicalEventsWithoutIDsInDeliveriesForOtherDaysAreAllKept(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let monday = try directory.write("mån.csv", Self.header + """
            2026-11-16,polisen,centrum,klotter,1,,,,,Klotter på busskuren,
            2026-11-16,polisen,centrum,klotter,1,,,,,Klotter på busskuren,

            """)
        let tuesday = try directory.write("tis.csv", Self.header + """
            2026-11-17,polisen,centrum,klotter,1,,,,,Klotter på busskuren,

            """)
        #expect(try ingest(fresh, [monday, tuesday]).map { $0.outcome?.new } == [2, 1])
        #expect(try ingest(fresh, [tuesday, monday]).map { $0.outcome?.withdrawn } == [0, 0])
        #expect(try counts(fresh) == (3, 0))
    }

    @Test(arguments: StoreKind.tested) func skipInvalidStoresTheGoodRowsAndWritesACorrectableFile(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let file = try directory.write("mixed.csv", Self.header + """
            2026-11-02,polisen,centrum,klotter,1,,,,,,m1
            2026-11-02,polisen,centrum,klotter,1,,,,,Ring 070-123 45 67,m2
            2026-11-02,polisen,norr,klotter,1,,,,,,m3

            """)
        let results = try ingest(fresh, [file], skipInvalid: true)
        #expect(results[0].outcome?.new == 1)
        let refusedPath = try #require(results[0].refusedFile)
        #expect(refusedPath == directory.path("mixed.refused.csv"))
        let refused = try String(contentsOfFile: refusedPath, encoding: .utf8)
        #expect(refused == """
            date,reporter,area,indicator,value,time,place,lat,lon,note,id,error
            2026-11-02,polisen,centrum,klotter,1,,,,,Ring [telefon],m2,"line 3: note contains a phone number; personal data is not stored (remove it, or ingest with --redact)"
            2026-11-02,polisen,norr,klotter,1,,,,,,m3,line 4: unknown area 'norr'

            """)
        try directory.write("mixed.refused.csv", refused.replacingOccurrences(of: ",norr,", with: ",torget,"))
        #expect(try ingest(fresh, [refusedPath]).map { $0.outcome?.new } == [2])
        #expect(try counts(fresh).reports == 3)
    }

    /// A refused-rows file, corrected and ingested again, adds its rows to the days they are dated; it is not
    /// a re-delivery of those days, so it withdraws nothing of the file it came from.
    @Test(arguments: StoreKind.tested) func aCorrectedRefusedRowsFileWithoutIDsAddsToTheDay(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let file = try directory.write("utan-id.csv", Self.header + """
            2026-11-02,polisen,centrum,klotter,1,,,,,,
            2026-11-02,polisen,torget,klotter,2,,,,,,
            2026-11-02,polisen,norr,klotter,1,,,,,,

            """)
        let results = try ingest(fresh, [file], skipInvalid: true)
        #expect(results[0].outcome?.new == 2)
        let refusedPath = try #require(results[0].refusedFile)
        let refused = try String(contentsOfFile: refusedPath, encoding: .utf8)
        try directory.write("utan-id.refused.csv", refused.replacingOccurrences(of: ",norr,", with: ",centrum,"))
        let again = try #require(try ingest(fresh, [refusedPath]).first?.outcome)
        #expect((again.new, again.withdrawn) == (1, 0))
        #expect(try counts(fresh) == (3, 0))
        // Ingested once more, it adds nothing.
        #expect(try ingest(fresh, [refusedPath]).map { $0.outcome?.unchanged } == [1])
        #expect(try counts(fresh) == (3, 0))
    }

    @Test(arguments: StoreKind.tested) func redactStoresRowsWithPlaceholders(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let file = try directory.write("r.csv", Self.header + "2026-11-02,polisen,centrum,klotter,1,,,,,Mejla a@b.se eller 811218-9876,x1\n")
        #expect(try ingest(fresh, [file], redact: true).map { $0.outcome?.new } == [1])
        #expect(try fresh.open().values(of: "note", in: "reports") == [.text("Mejla [e-post] eller [personnummer]")])
    }

    @Test func dryRunWritesNothing() throws {
        let fresh = try FreshStore(.sqlite)
        let file = try directory.write("d.csv", Self.header + "2026-11-02,polisen,centrum,klotter,1,,,,,,d1\n")
        #expect(try ingest(fresh, [file], dryRun: true).map { $0.outcome?.new } == [1])
        #expect(!FileManager.default.fileExists(atPath: fresh.location))
    }

    @Test(arguments: StoreKind.tested) func jsonArraysAndJSONLinesAreAccepted(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let array = try directory.write("a.json", """
            [
              {"date": "2026-11-02", "reporter": "polisen", "area": "centrum", "indicator": "klotter", "value": 2, "id": "j1"},
              {"date": "2026-11-02", "reporter": "polisen", "area": "centrum", "indicator": "klotter", "value": true, "id": "j2"}
            ]
            """)
        #expect(headlines(try ingest(fresh, [array])) == ["a.json:3: error: field 'value' must be a text or a number"])
        let lines = try directory.write("b.jsonl", """
            {"date": "2026-11-02", "reporter": "polisen", "area": "Centrum", "indicator": "klotter", "lat": 58.27, "lon": 11.43}

            {"datum": "2026-W45", "rapportör": "ksf", "område": "torget", "indikator": "otrygg-plats", "värde": "1"}
            """)
        #expect(try ingest(fresh, [lines]).map { $0.outcome?.new } == [2])
    }

    @Test(arguments: StoreKind.tested) func aChangedChecklistNeedsANewVersion(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let file = try directory.write("c.csv", Self.header + "2026-11-02,polisen,centrum,klotter,1,,,,,,c1\n")
        _ = try ingest(fresh, [file])
        var changed = Self.config
        changed.checklist.indicators[0].weight = 3
        #expect(headlines(try ingest(fresh, [file], config: changed)) == [
            "c.csv: error: checklist version '1' is already stored for exempel with other indicators; give the changed checklist a new checklist.version in the kommun file",
        ])
        changed.checklist.version = "2"
        #expect(try ingest(fresh, [file], config: changed).map { $0.outcome?.unchanged } == [1])
    }

    /// Opening a store turns SQLite's memory statistics off (each allocation would take a process-wide
    /// mutex); SQLite then counts nothing, however much it allocates.
    @Test func sqliteKeepsNoMemoryStatistics() throws {
        let fresh = try FreshStore(.sqlite)
        let file = try directory.write("r.csv", Self.header + "2026-11-02,polisen,centrum,klotter,2,,,,,,a1\n")
        #expect(try ingest(fresh, [file]).allSatisfy { $0.diagnostics.isEmpty })
        #expect(try counts(fresh).reports == 1)
        #expect(sqlite3_memory_used() == 0)
        #expect(sqlite3_memory_highwater(0) == 0)
    }

    @Test(arguments: StoreKind.tested) func oneKommunsRowsAreInvisibleToAnother(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let file = try directory.write("k.csv", Self.header + "2026-11-02,polisen,centrum,klotter,1,,,,,,k1\n")
        _ = try ingest(fresh, [file])
        var other = Self.config
        other.kommun.id = "annan"
        _ = try ingest(fresh, [file], config: other)
        #expect(try counts(fresh, "exempel").reports == 1)
        #expect(try counts(fresh, "annan").reports == 1)
        #expect(try fresh.open().totals(kommun: "tredje", period: Period("2026-11")!) == [])
    }
}
