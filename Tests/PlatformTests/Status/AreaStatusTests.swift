import Foundation
import Testing
@testable import Platform
import StoreTestSupport

/// Assessed area status in the store (set, history, append-only, refused with personal data) and in the
/// lägesbild beside the computed one; and no data, not 0, for periods without any reports.
@Suite("Area status and no data")
struct AreaStatusTests {
    let config = ReportIngestTests.config

    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    private func set(_ store: some AreaStatusStore, _ area: String, _ status: Lagesbild.Status, by body: String = "team", on day: String,
                     reason: String = "Fler larm kvällstid vid torget") throws {
        try store.setAreaStatus(.init(area: area, status: status, body: body, date: Self.day(day), reason: reason), config: config)
    }

    /// Stores `rows` (`date,reporter,area,indicator,value`) through the ingestor.
    private func ingest(_ fresh: FreshStore, _ rows: [String]) throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("reports.csv", "date,reporter,area,indicator,value,time,place,lat,lon,note,id\n"
            + rows.enumerated().map { "\($1),,,,,,r\($0)" }.joined(separator: "\n") + "\n")
        let results = try ReportIngestor(config: config, options: .init(skipInvalid: false, dryRun: false),
                                         privacy: .refuse, today: Self.day("2026-11-24")).ingest([file], store: { try fresh.open() })
        #expect(results.flatMap(\.diagnostics).isEmpty)
    }

    @Test(arguments: StoreKind.tested) func everyStatusSetIsKeptAndTheLatestOnADayApplies(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = try fresh.open()
        try set(store, "torget", .orange, on: "2026-11-10")
        try set(store, "torget", .red, by: "styrgrupp", on: "2026-11-20", reason: "Bedömning efter mötet")
        try set(store, "centrum", .yellow, on: "2026-11-12")
        let all = try store.areaStatusAssessments(kommun: "exempel")
        #expect(all.map { "\($0.date) \($0.area) \($0.status) \($0.body)" } == [
            "2026-11-10 torget orange team", "2026-11-12 centrum yellow team", "2026-11-20 torget red styrgrupp",
        ])
        #expect(try store.areaStatusAssessments(kommun: "exempel", through: Self.day("2026-11-19")).map(\.status) == [.orange, .yellow])
        #expect(try store.areaStatusAssessments(kommun: "annan").isEmpty)
    }

    /// SQLite's triggers, by SQL on the file (the PostgreSQL store's own tests check its triggers).
    @Test func theHistoryCannotBeRewritten() throws {
        let directory = try TemporaryDirectory()
        let store = try ReportStore(path: directory.path("store.sqlite"))
        try set(store, "torget", .orange, on: "2026-11-10")
        #expect(throws: (any Error).self) { try store.queue.write { try $0.execute(sql: "UPDATE area_statuses SET status = 'green'") } }
        #expect(throws: (any Error).self) { try store.queue.write { try $0.execute(sql: "DELETE FROM area_statuses") } }
        #expect(try store.areaStatusAssessments(kommun: "exempel").map(\.status) == [.orange])
    }

    @Test(arguments: StoreKind.tested) func personalDataUnknownIdsAndNoReasonAreRefusedAndNothingIsStored(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = try fresh.open()
        let error = try #require(throws: AreaStatusError.self) {
            try set(store, "torg", .red, by: "tem", on: "2026-11-10", reason: "Ring 070-123 45 67 eller mejla a.b@exempel.se")
        }
        #expect(error.problems == [
            "unknown area 'torg' (did you mean 'torget'?)",
            "unknown assessing body 'tem' (did you mean 'team'?)",
            "the reason holds a phone number and an e-mail address; personal data is never stored: describe the place, not persons",
        ])
        #expect(throws: AreaStatusError.self) { try set(store, "torget", .red, on: "2026-11-10", reason: "  ") }
        #expect(try store.areaStatusAssessments(kommun: "exempel").isEmpty)
    }

    @Test(arguments: StoreKind.tested) func theLagesbildShowsTheAssessedStatusBesideTheComputedOne(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = try fresh.open()
        try ingest(fresh, ["2026-11-03,polisen,torget,klotter,1", "2026-11-10,polisen,torget,klotter,1",
                    "2026-11-17,polisen,torget,klotter,6", "2026-11-17,polisen,torget,otrygg-plats,2"])
        try set(store, "torget", .orange, on: "2026-11-16")
        try set(store, "torget", .red, on: "2026-11-23")
        let lagesbild = try LagesbildCompiler(config: config, store: store, now: Date(timeIntervalSince1970: 1_795_000_000))
            .compile(period: Period("2026-W47")!, language: .sv)
        let torget = try #require(lagesbild.areaStatus("torget"))
        #expect(torget.status == .red && torget.statusLabel == "röd")
        #expect(torget.assessed?.status == .orange && torget.assessed?.on == "2026-11-16" && torget.assessed?.by.name == "Trygghetsteam")
        #expect(lagesbild.areaStatus("centrum")?.assessed == nil && lagesbild.areaStatus("centrum")?.status == .green)
        #expect(lagesbild.showsAreaStatuses)
        #expect(lagesbild.statusScale.map(\.name) == ["grön", "gul", "orange", "röd"])
    }

    @Test(arguments: StoreKind.tested) func aPeriodWithoutAnyReportsIsNoDataNotZero(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = try fresh.open()
        // Reports in W45 (torget) and W47 (centrum) only: W46 and the whole year before are no data; torget
        // has 0 in W47, when the kommun did report.
        try ingest(fresh, ["2026-11-03,polisen,torget,klotter,2", "2026-11-17,polisen,centrum,klotter,1"])
        let lagesbild = try LagesbildCompiler(config: config, store: store, now: Date(timeIntervalSince1970: 1_795_000_000))
            .compile(period: Period("2026-W47")!, language: .sv)
        let torget = try #require(lagesbild.cells.first { $0.area == "torget" && $0.indicator == "klotter" })
        #expect(torget.value == 0 && torget.previous == nil && torget.lastYear == nil)
        #expect(torget.baseline == 2 && torget.change == -2, "the mean of W45 alone, the only baseline week with reports")
        let centrum = try #require(lagesbild.cells.first { $0.area == "centrum" && $0.indicator == "klotter" })
        #expect(centrum.baseline == 0 && centrum.isNew && centrum.status == .yellow)
        let total = try #require(lagesbild.indicatorTotals.first { $0.indicator == "klotter" })
        #expect(total.value == 1 && total.previous == nil && total.lastYear == nil && total.baseline == 2)
        #expect(lagesbild.highlights.previousEvents == nil)
        let trend = lagesbild.history.areas.first { $0.area == "torget" }?.values
        #expect(trend == Array(repeating: nil, count: 9) + [2, nil, 0], "W36–W47: no data except W45 and W47")
        #expect(lagesbild.methods.baseline.contains("(2025-W47, 2026-W39, 2026-W40, 2026-W41, 2026-W42, 2026-W43, 2026-W44, 2026-W46) visas som ingen data"))

        let json = String(decoding: try JSONEncoder().encode(torget), as: UTF8.self)
        #expect(json.contains("\"previous\":null") && json.contains("\"lastYear\":null"))
        #expect(try JSONDecoder().decode(Lagesbild.Cell.self, from: Data(json.utf8)) == torget)
    }

    @Test(arguments: StoreKind.tested) func withoutAnyBaselineCountsAreGreenAndNeverHotspotsOrNew(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = try fresh.open()
        try ingest(fresh, ["2026-11-17,polisen,torget,klotter,9"])
        let lagesbild = try LagesbildCompiler(config: config, store: store, now: Date(timeIntervalSince1970: 1_795_000_000))
            .compile(period: Period("2026-W47")!, language: .en)
        let torget = try #require(lagesbild.cells.first { $0.area == "torget" && $0.indicator == "klotter" })
        #expect(torget.value == 9 && torget.baseline == nil && torget.change == nil && torget.status == .green && !torget.isNew)
        #expect(lagesbild.hotspots.isEmpty)
    }
}
