import Foundation
import Testing
@testable import Platform
import StoreTestSupport

/// Reporters that deliver statistics or public reports beside the observers: declared in the kommun file,
/// ingested with their own dates, shown beside the observations in the lägesbild and never counted for
/// completeness. On the minimal kommun with two more reporters; "today" is 2026-11-24.
@Suite("Report sources")
struct ReportSourcesTests {
    static let text = KommunConfigDecodingTests.minimal
        .replacingOccurrences(of: "    kind: police\n", with: """
                kind: police
              - id: polisen-statistik
                name: Polisens statistik
                kind: police
              - id: trygghetsvandring
                name: Digital trygghetsvandring
                kind: public

            """)
        .replacingOccurrences(of: "    expected: false\n", with: """
                expected: false
              - organisation: polisen-statistik
                source: statistics
              - organisation: trygghetsvandring
                source: public

            """)
    static let config = KommunConfigLoader().decode(text, file: "exempel.yaml").config!
    static let today = CalendarDate(year: 2026, month: 11, day: 24)!
    static let now = Date(timeIntervalSince1970: 1_795_521_600)  // 2026-11-24T12:00:00Z
    static let header = "date,reporter,area,indicator,value,time,place,lat,lon,note,id\n"

    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    private func ingest(_ fresh: FreshStore, _ text: String, name: String = "r.csv") throws -> ReportIngestor.FileResult {
        let file = try directory.write(name, Self.header + text)
        return try ReportIngestor(config: Self.config, options: .init(), today: Self.today).ingest([file], store: { try fresh.open() })[0]
    }

    private func headlines(_ result: ReportIngestor.FileResult) -> [String] {
        result.diagnostics.map { $0.headline.replacingOccurrences(of: directory.url.path + "/", with: "") }
    }

    private func compile(_ fresh: FreshStore, _ period: String) throws -> Lagesbild {
        try LagesbildCompiler(config: Self.config, store: fresh.open(), now: Self.now)
            .compile(period: Period(period)!, language: .sv)
    }

    // MARK: The kommun file

    @Test func sourceIsDecodedAndOnlyObservationsAreExpected() {
        #expect(Self.config.reporters.map(\.source) == [.observations, .observations, .statistics, .public])
        #expect(Self.config.reporters.map(\.expected) == [true, false, false, false])
    }

    @Test func aWrongSourceAndAnExpectedStatisticAreErrors() {
        let wrong = KommunConfigLoader().decode(Self.text.replacingOccurrences(of: "source: statistics", with: "source: statistik")
            .replacingOccurrences(of: "source: public", with: "source: public\n    expected: true"), file: "k.yaml")
        #expect(wrong.diagnostics.map(\.headline) == [
            "k.yaml:53:13: error: 'statistik' is not one of observations, statistics, public (did you mean 'statistics'?) [at reporters[2].source]",
            "k.yaml:56:15: error: a reporter with source 'public' is never expected; remove 'expected' (only observations count for completeness) [at reporters[3].expected]",
        ])
    }

    // MARK: Intake

    @Test(arguments: StoreKind.tested) func statisticsMayBeDatedByAPeriodObservationsMayNot(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let refused = try ingest(fresh, """
            2026-11,polisen,centrum,klotter,3,,,,,,
            2026-Q3,trygghetsvandring,centrum,klotter,3,,,,,,
            2026-11,polisen-statistik,centrum,klotter,3,,,,,,
            2026-12,polisen-statistik,centrum,klotter,3,,,,,,
            2026-1,polisen-statistik,centrum,klotter,3,,,,,,
            2026-11,polis,centrum,klotter,3,,,,,,

            """, name: "mixed.csv")
        #expect(headlines(refused) == [
            "mixed.csv:2: error: date '2026-11' is a period (month); reporter 'polisen' delivers observations, dated by a day (YYYY-MM-DD) or an ISO week such as 2026-W47 (only a reporter with source: statistics may date rows by a month, quarter or year)",
            "mixed.csv:3: error: date '2026-Q3' is a period (quarter); reporter 'trygghetsvandring' delivers public, dated by a day (YYYY-MM-DD) or an ISO week such as 2026-W47 (only a reporter with source: statistics may date rows by a month, quarter or year)",
            "mixed.csv:5: error: date 2026-12 is in the future",
            "mixed.csv:6: error: invalid date '2026-1': expected YYYY-MM-DD or a period such as 2026-W47, 2026-11, 2026-Q4 or 2026",
            "mixed.csv:7: error: unknown reporter 'polis' (did you mean 'polisen'?)",
        ])
        let rows = """
            2026-10,polisen-statistik,centrum,klotter,7,,,,,,
            2026-11,polisen-statistik,centrum,klotter,3,,,,,,
            2026-Q3,polisen-statistik,torget,klotter,9,,,,,,
            2025,polisen-statistik,torget,klotter,40,,,,,,
            2026-W46,polisen-statistik,torget,klotter,2,,,,,,
            2026-11-18,polisen-statistik,torget,klotter,1,,,,,,

            """
        #expect(try ingest(fresh, rows).outcome?.new == 6)
        func text(_ value: StoreValue?, else null: String) -> String {
            if case .text(let text) = value { text } else { null }
        }
        let stored = try fresh.open().rows(of: "reports").map { row in
            [text(row["date"], else: "NULL"), text(row["precision"], else: "NULL"), text(row["period"], else: "-"),
             text(row["period_end"], else: "-"), text(row["source"], else: "NULL")].joined(separator: " ")
        }
        #expect(stored == [
            "2026-10-01 period 2026-10 2026-10-31 statistics",
            "2026-11-01 period 2026-11 2026-11-30 statistics",
            "2026-07-01 period 2026-Q3 2026-09-30 statistics",
            "2025-01-01 period 2025 2025-12-31 statistics",
            "2026-11-12 week - - statistics",
            "2026-11-18 day - - statistics",
        ])
        // Ingesting the same file again stores nothing new.
        let again = try ingest(fresh, rows)
        #expect((again.outcome?.new, again.outcome?.unchanged) == (0, 6))
        // A period row's hash covers its period as written; day and week rows hash as they always have.
        let month = Report(reporter: "polisen-statistik", date: CalendarDate(year: 2026, month: 11, day: 1)!, precision: .period,
                           period: Period("2026-11"), source: .statistics, area: "centrum", indicator: "klotter", value: 3, line: 3)
        #expect(month.dateText == "2026-11")
        var asDay = month
        (asDay.precision, asDay.period) = (.day, nil)
        #expect(month.contentHash != asDay.contentHash)
    }

    @Test(arguments: StoreKind.tested) func ingestingAgainAfterTheKommunFileChangesASourceMovesTheRows(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        // ksf first observes, then the kommun file says its rows are the public's.
        let file = try directory.write("ksf.csv", Self.header + "2026-11-18,ksf,centrum,klotter,2,,,,,,\n")
        let observing = try ReportIngestor(config: ReportIngestTests.config, options: .init(), today: Self.today).ingest([file], store: { try fresh.open() })
        #expect(observing[0].outcome?.new == 1)
        #expect(try compile(fresh, "2026-W47").cells.first { $0.area == "centrum" && $0.indicator == "klotter" }?.value == 2)
        let again = try ReportIngestor(config: Self.publicKSF, options: .init(), today: Self.today).ingest([file], store: { try fresh.open() })
        #expect((again[0].outcome?.new, again[0].outcome?.unchanged) == (0, 1))
        let week = try LagesbildCompiler(config: Self.publicKSF, store: fresh.open(), now: Self.now)
            .compile(period: Period("2026-W47")!, language: .sv)
        let cell = week.cells.first { $0.area == "centrum" && $0.indicator == "klotter" }
        #expect((cell?.value, cell?.sources) == (0, .init(public: 2)))
    }

    /// The kommun with ksf delivering public reports.
    static let publicKSF = KommunConfigLoader().decode(KommunConfigDecodingTests.minimal
        .replacingOccurrences(of: "    expected: false\n", with: "    source: public\n"), file: "exempel.yaml").config!

    @Test(arguments: StoreKind.tested) func aStatisticsFileMayHeadItsDateColumnMonth(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let file = try directory.write("brott.csv", "månad;rapportör;område;indikator;antal\n2026-10;polisen-statistik;Torget;klotter;4\n")
        let result = try ReportIngestor(config: Self.config, options: .init(), today: Self.today).ingest([file], store: { try fresh.open() })[0]
        #expect(result.diagnostics == [] && result.outcome?.new == 1)
        #expect(try fresh.open().totals(kommun: "exempel", period: Period("2026-10")!).map(\.periods) == [["2026-10"]])
    }

    @Test(arguments: StoreKind.tested) func reportsListsStatisticsWhosePeriodLiesWithin(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        _ = try ingest(fresh, """
            2026-10,polisen-statistik,centrum,klotter,7,,,,,,
            2026-11,polisen-statistik,centrum,klotter,3,,,,,,
            2026-11-18,polisen,centrum,klotter,1,,,,,,

            """)
        let totals = try fresh.open().totals(kommun: "exempel", period: Period("2026-11")!)
        #expect(totals.map { "\($0.reporter) \($0.source.rawValue) \($0.total) \($0.periods)" } == [
            "polisen observations 1 []", "polisen-statistik statistics 3 [\"2026-11\"]",
        ])
        // A week holds no month; the fourth quarter holds both.
        #expect(try fresh.open().totals(kommun: "exempel", period: Period("2026-W44")!) == [])
        #expect(try fresh.open().totals(kommun: "exempel", period: Period("2026-Q4")!).map(\.total) == [1, 10])
    }

    // MARK: The lägesbild

    @Test(arguments: StoreKind.tested) func sourcesAreShownSideBySideNeverSummed(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        _ = try ingest(fresh, """
            2026-11-17,polisen,centrum,klotter,2,,,,,,
            2026-11-18,polisen,torget,klotter,1,,,,,,
            2026-09,polisen-statistik,centrum,klotter,5,,,,,,
            2026-10,polisen-statistik,centrum,klotter,12,,,,,,
            2026-10,polisen-statistik,torget,klotter,0,,,,,,
            2026-11,polisen-statistik,centrum,klotter,30,,,,,,
            2026-11-19,trygghetsvandring,centrum,klotter,1,,,,,Trasig belysning,
            2026-11-20,trygghetsvandring,centrum,otrygg-plats,2,,,,,,

            """)
        let week = try compile(fresh, "2026-W47")
        let centrum = try #require(week.cells.first { $0.area == "centrum" && $0.indicator == "klotter" })
        // The value and everything made of it are the observations.
        #expect(centrum.value == 2)
        #expect(centrum.sources == Lagesbild.SourceValues(statistics: 12, public: 1))
        #expect(week.highlights.events == 3)
        #expect(week.indicatorTotals.first { $0.indicator == "klotter" }?.value == 3)
        #expect(week.areaScores.first { $0.area == "centrum" }?.score == 2)
        // Zero is data; a cell no other source has a row for has none.
        #expect(week.cells.first { $0.area == "torget" && $0.indicator == "klotter" }?.sources == .init(statistics: 0))
        #expect(week.cells.first { $0.area == "torget" && $0.indicator == "otrygg-plats" }?.sources == nil)
        #expect(week.cells.first { $0.area == "centrum" && $0.indicator == "otrygg-plats" }?.sources == .init(public: 2))
        // A month's statistics in a weekly lägesbild: the latest month ended by the week's end, with its own label.
        let statistics = try #require(week.sources?.first)
        #expect((statistics.source, statistics.periods, statistics.label, statistics.withinPeriod) == ("statistics", ["2026-10"], "oktober 2026", false))
        #expect(statistics.reporters == [.init(id: "polisen-statistik", name: "Polisens statistik", rows: 2)])
        #expect(statistics.totals == [.init(indicator: "klotter", indicatorName: "Klotter", value: 12)])
        let publicReports = try #require(week.sources?.last)
        #expect((publicReports.source, publicReports.label, publicReports.withinPeriod) == ("public", "vecka 47 2026", true))
        // In a monthly lägesbild the month's own statistics, and in a quarter's the months within it, summed.
        #expect(try compile(fresh, "2026-11").cells.first { $0.area == "centrum" && $0.indicator == "klotter" }?.sources?.statistics == 30)
        let quarter = try compile(fresh, "2026-Q4")
        #expect(quarter.cells.first { $0.area == "centrum" && $0.indicator == "klotter" }?.sources?.statistics == 42)
        #expect(quarter.sources?.first?.periods == ["2026-10", "2026-11"])
        #expect(quarter.sources?.first?.line(.sv, periodEnd: quarter.period.end)
            == "Statistik (Polisens statistik: 3 rader): kvartal 4 2026 (2026-10, 2026-11).")
        // Before any statistics ended there is nothing to show.
        let early = try compile(fresh, "2026-W36")
        #expect(early.sources?.first?.periods == [])
        #expect(early.cells.allSatisfy { $0.sources == nil })
    }

    @Test(arguments: StoreKind.tested) func completenessCountsOnlyExpectedObservers(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        _ = try ingest(fresh, "2026-11-17,polisen,centrum,klotter,2,,,,,,\n")
        let week = try compile(fresh, "2026-W47")
        #expect((week.completeness.expected, week.completeness.reported) == (1, 1))
        #expect(week.completeness.reporters.map(\.id) == ["polisen", "ksf"])
        #expect(week.highlights.missingReporters == [])
        // Nothing stored at all: only the observer is missing, never the statistics or the public.
        let empty = try LagesbildCompiler(config: Self.config, store: nil, now: Self.now).compile(period: Period("2026-W47")!, language: .sv)
        #expect(empty.highlights.missingReporters.map(\.id) == ["polisen"])
    }

    @Test func aKommunWithOnlyObserversHasNoSourcesInItsJSON() throws {
        let lagesbild = try LagesbildCompiler(config: ReportIngestTests.config, store: nil, now: Self.now)
            .compile(period: Period("2026-W47")!, language: .sv)
        #expect(lagesbild.sources == nil)
        let json = String(decoding: try JSONEncoder().encode(lagesbild), as: UTF8.self)
        #expect(!json.contains("\"sources\""))
    }
}
