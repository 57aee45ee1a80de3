import Foundation
import Testing
@testable import Platform
@testable import Plugins
import StoreTestSupport

/// Bodies, activities, reporters, escalations and lägesbilder that belong to an area (issue 11), on the
/// fixture city `stad`: the ort Staden with the districts Norr (place Norra torget) and Söder (place Södra
/// parken), the ort Byn; a city forum meeting on Mondays, Lokal EST Norr on Tuesdays, Lokal EST Söder on
/// Wednesdays.
@Suite("Areas")
struct AreaScopeTests {
    static let path = ShippedKommunFilesTests.root.appendingPathComponent("Tests/PlatformTests/Fixtures/districts/stad.yaml").path
    static let text = try! String(contentsOfFile: path, encoding: .utf8)
    static let stad = KommunConfigLoader().decode(text, file: "stad.yaml").config!
    /// When the escalations are declared and ended (a fixed time: no test reads the clock).
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    private func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    @Test func bodiesActivitiesItemsAndReportersReadTheirAreas() throws {
        let stad = Self.stad
        #expect(stad.organisation.body("lokal-est-norr")?.area == "norr")
        #expect(stad.organisation.body("trygghetsforum")?.area == nil)
        #expect(stad.activities.first?.area == "norr")
        #expect(stad.activityLists.first?.items.first?.area == "norra-torget")
        #expect(stad.reporters.map(\.areas) == [[], ["norr"], ["soder"], ["norra-torget"], ["staden"], ["byn"]])
        #expect(stad.area(ofParty: "lokal-est-soder") == "soder")
        #expect(stad.area(ofParty: "trygghetsvandring-norr") == "norr")
    }

    @Test func anUnknownAreaIsReportedWithTheNearestOne() {
        let text = Self.text.replacingOccurrences(of: "      area: soder\n", with: "      area: sodr\n")
            .replacingOccurrences(of: "    areas: [byn]\n", with: "    areas: [bynn]\n")
        let loaded = KommunConfigLoader().decode(text, file: "stad.yaml")
        #expect(loaded.diagnostics.map(\.message).sorted() == [
            "unknown area 'bynn' (did you mean 'byn'?)", "unknown area 'sodr' (did you mean 'soder'?)",
        ])
        #expect(throws: KommunConfig.UnknownArea(id: "nor", kommun: "stad", suggestion: "norr")) { try Self.stad.requireArea("nor") }
    }

    @Test func areasLieWithinTheirAncestors() {
        let stad = Self.stad
        #expect(stad.areaIDs(within: "norr") == ["norr", "norra-torget"])
        #expect(stad.ancestors(of: "norra-torget") == ["norr", "staden"])
        #expect(stad.belongs("norra-torget", to: "staden"))
        #expect(!stad.belongs("soder", to: "norr"))
        #expect(!stad.belongs(nil, to: "norr"))
        #expect(stad.belongs(nil, to: nil))
        // The whole kommun, the area itself, an area below it and one above it cover Norr; Söder and Byn do not.
        #expect(stad.reporters.filter { stad.covers($0, "norr") }.map(\.id) == ["polisen", "faltgruppen-norr", "bostadsbolaget", "skolan"])
        #expect(stad.reporters.filter { stad.covers($0, nil) }.count == 6)
    }

    @Test func anEscalationDeclaredInADistrictRaisesOnlyThatDistrictsGroups() {
        func raised(_ area: String?) -> [String] {
            let declared = DeclaredEscalation(escalation: "social-oro", from: date("2026-11-23"), until: nil, area: area)
            return MeetingPlanner(config: Self.stad, escalations: [declared]).meetings(from: date("2026-11-23"), to: date("2026-11-29"))
                .filter(\.escalated).map { "\($0.date) \($0.source)" }
        }
        #expect(raised("norr") == ["2026-11-24 lokal-est-norr", "2026-11-27 lokal-est-norr"])
        #expect(raised("norra-torget") == [])
        #expect(raised("staden") == ["2026-11-24 lokal-est-norr", "2026-11-25 lokal-est-soder",
                                     "2026-11-27 lokal-est-norr", "2026-11-27 lokal-est-soder"])
        #expect(raised(nil) == ["2026-11-23 trygghetsforum", "2026-11-24 lokal-est-norr", "2026-11-25 lokal-est-soder",
                                "2026-11-26 trygghetsforum", "2026-11-27 lokal-est-norr", "2026-11-27 lokal-est-soder"])
        #expect(Self.stad.changes(raisedBy: DeclaredEscalation(escalation: "social-oro", from: date("2026-11-23"), until: nil, area: "soder"))
            .map(\.target) == ["lokal-est-soder"])
    }

    @Test(arguments: StoreKind.tested) func theSameEscalationCanBeDeclaredInTwoDistrictsAndEndedInOne(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = try fresh.open()
        try store.declare("social-oro", kommun: "stad", area: "norr", from: date("2026-11-20"), note: nil, now: Self.now)
        try store.declare("social-oro", kommun: "stad", area: "soder", from: date("2026-11-25"), note: nil, now: Self.now)
        try store.declare("social-oro", kommun: "stad", area: nil, from: date("2026-11-26"), note: nil, now: Self.now)
        #expect(throws: EscalationError.self) {
            try store.declare("social-oro", kommun: "stad", area: "norr", from: date("2026-11-30"), note: nil, now: Self.now)
        }
        try store.end("social-oro", kommun: "stad", area: "norr", on: date("2026-11-28"), now: Self.now)
        #expect(try store.escalations(kommun: "stad") == [
            DeclaredEscalation(escalation: "social-oro", from: date("2026-11-20"), until: date("2026-11-28"), area: "norr"),
            DeclaredEscalation(escalation: "social-oro", from: date("2026-11-25"), until: nil, area: "soder"),
            DeclaredEscalation(escalation: "social-oro", from: date("2026-11-26"), until: nil, area: nil),
        ])
        #expect(throws: EscalationError.self) { try store.end("social-oro", kommun: "stad", area: "norr", on: date("2026-11-29"), now: Self.now) }
    }

    /// Week 47 (Fixtures/districts/stad-2026-W47.csv): Norra torget 4 klotter, Söder's park 2, Norr 1 anlagd brand, Byn 3 klotter; Norr 1 klotter in week 46.
    private func compiled(area: String?, store kind: StoreKind) throws -> Lagesbild {
        let fresh = try FreshStore(kind)
        let reports = ShippedKommunFilesTests.root.appendingPathComponent("Tests/PlatformTests/Fixtures/districts/stad-2026-W47.csv").path
        _ = try ReportIngestor(config: Self.stad, options: .init(), today: date("2026-11-24"),
                               now: Date(timeIntervalSince1970: 1_795_000_000)).ingest([reports], store: { try fresh.open() })
        let store = try fresh.open()
        try store.declare("social-oro", kommun: "stad", area: "norr", from: date("2026-11-20"), note: nil, now: Self.now)
        return try LagesbildCompiler(config: Self.stad, store: store, now: Date(timeIntervalSince1970: 1_795_000_000), area: area)
            .compile(period: Period("2026-W47")!, language: .sv)
    }

    @Test(arguments: StoreKind.tested) func anAreasLagesbildShowsOnlyThatAreaItsReportersAndItsBodies(_ kind: StoreKind) throws {
        let norr = try compiled(area: "norr", store: kind)
        #expect(norr.area == .init(id: "norr", name: "Norr"))
        #expect(norr.subjectName == "Norr, Stads kommun")
        #expect(norr.areas.map { "\($0.id) \($0.parent ?? "-") \($0.depth)" } == ["norr - 0", "norra-torget norr 1"])
        #expect(Set(norr.cells.map(\.area)) == ["norr", "norra-torget"])
        #expect(norr.highlights.events == 5)
        #expect(norr.hotspots.map(\.area) == ["norra-torget"])
        #expect(norr.areaScores.map { "\($0.area) \($0.score)" } == ["norra-torget 4.0", "norr 3.0"])
        #expect(norr.history.areas.map(\.area) == ["norr", "norra-torget"])
        #expect(norr.indicatorTotals.first { $0.indicator == "klotter" }?.value == 4)
        #expect(norr.notes.map(\.text) == ["Klotter på busskuren"])
        #expect(norr.completeness.reporters.map(\.id) == ["polisen", "faltgruppen-norr", "bostadsbolaget", "skolan"])
        #expect(norr.completeness.expected == 4 && norr.completeness.reported == 2)
        // The forum that reads the lägesbild and Norr's own group, raised by social oro in Norr; not Söder's group.
        #expect(norr.upcoming.map { "\($0.date) \($0.source)" } == ["2026-11-23 trygghetsforum", "2026-11-24 lokal-est-norr",
                                                                     "2026-11-27 lokal-est-norr"])

        let whole = try compiled(area: nil, store: kind)
        #expect(whole.area == nil)
        #expect(whole.subjectName == "Stads kommun")
        #expect(whole.areas.count == 6 && whole.highlights.events == 10)
        #expect(whole.completeness.reporters.count == 6)
        #expect(Set(whole.upcoming.map(\.source)) == ["trygghetsforum", "lokal-est-norr", "lokal-est-soder"])
        #expect(throws: KommunConfig.UnknownArea.self) { try compiled(area: "vivalla", store: kind) }
    }

    @Test(arguments: StoreKind.tested) func theAreaIsInTheJSONAndTheFileNameOnlyWhenThereIsOne(_ kind: StoreKind) throws {
        let norr = try compiled(area: "norr", store: kind), whole = try compiled(area: nil, store: kind)
        let md = MarkdownExporter()
        #expect(LagesbildWriter.fileName(for: norr, exporter: md, among: [md]) == "stad-norr-2026-W47.md")
        #expect(LagesbildWriter.fileName(for: whole, exporter: md, among: [md]) == "stad-2026-W47.md")
        let json = try JSONSerialization.jsonObject(with: JSONExporter().export(norr, options: .init(language: .sv))) as? [String: Any]
        #expect(json?["area"] as? [String: String] == ["id": "norr", "name": "Norr"])
        let plain = try JSONSerialization.jsonObject(with: JSONExporter().export(whole, options: .init(language: .sv))) as? [String: Any]
        #expect(plain?.keys.contains("area") == false)
        #expect(String(decoding: try md.export(norr, options: .init(language: .sv)), as: UTF8.self)
            .hasPrefix("# Lägesbild Norr, Stads kommun, vecka 47 2026\n"))
    }

    @Test func anOptionKeyNoFormatReadsIsRefusedWithTheNearestKnownKey() throws {
        struct Reading: Exporter {
            var id = "reading", displayName = "", fileExtension = "txt", mediaType = "text/plain"
            var optionKeys: Set<String>? { ["colour", "width"] }
            func export(_ lagesbild: Lagesbild, options: ExportOptions) throws -> Data { Data() }
        }
        struct AnyKey: Exporter {
            var id = "any", displayName = "", fileExtension = "txt", mediaType = "text/plain"
            var optionKeys: Set<String>? { nil }
            func export(_ lagesbild: Lagesbild, options: ExportOptions) throws -> Data { Data() }
        }
        let md = MarkdownExporter()
        #expect(throws: ExportOptions.UnknownOption(key: "area", formats: ["md"], known: [], commandOption: "area")) {
            try ExportOptions.check(["area": "vivalla"], for: [md], commandOptions: ["area", "period"])
        }
        #expect(throws: ExportOptions.UnknownOption(key: "color", formats: ["md", "reading"], known: ["colour", "width"])) {
            try ExportOptions.check(["color": "red"], for: [md, Reading()])
        }
        #expect(ExportOptions.UnknownOption(key: "color", formats: ["md", "reading"], known: ["colour", "width"]).description
            == "unknown --option key 'color' for md, reading (known: colour, width); did you mean 'colour'?")
        try ExportOptions.check(["colour": "red"], for: [md, Reading()])
        try ExportOptions.check(["anything": "x"], for: [md, AnyKey()])
        try ExportOptions.check([:], for: [md])
    }
}
