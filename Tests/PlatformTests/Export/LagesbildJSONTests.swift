import Foundation
import Testing
@testable import Platform
import StoreTestSupport

/// The lägesbild's hand-written JSON (`Lagesbild+JSON.swift`) is byte for byte what Foundation's `JSONEncoder`
/// writes with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`: on the lägesbilder of the goldens,
/// on lägesbilder compiled from stores that between them set every optional property and fill every array,
/// on hostile strings and edge numbers; and it reads back the same with `JSONSerialization`, a parser of its own.
@Suite("Lägesbild JSON")
struct LagesbildJSONTests {
    static func foundation<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    static func written<T: JSONWritable>(_ value: T) throws -> Data {
        var output = JSONOutput()
        try value.writeJSON(to: &output)
        return Data(output.bytes)
    }

    static func expectSameBytes(_ lagesbild: Lagesbild, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let ours = try lagesbild.prettyJSON()
        let theirs = try foundation(lagesbild) + Data("\n".utf8)
        #expect(String(decoding: ours, as: UTF8.self) == String(decoding: theirs, as: UTF8.self), "\(name)", sourceLocation: sourceLocation)
        #expect(ours == theirs, "\(name)", sourceLocation: sourceLocation)
    }

    /// Every byte below 0x20, DEL, quotes, backslashes, slashes, Swedish letters, emoji outside the BMP,
    /// a quote under a combining accent, the line and paragraph separators, a byte-order mark and a zero
    /// width space (inside the text: `JSONSerialization` drops a string's leading byte-order mark), and HTML
    /// that must stay text.
    static let hostileStrings: [String] = [
        "", " ", "\"", "\\", "/", "\\/", "\"\\\"", "</script>", "a/b//c", "https://example.se/väg?x=1&y=2",
        String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }), "\u{7F}", "tab\there\nnewline\r\nCRLF\u{8}\u{C}",
        "Åsa Öberg i Ängelholm: ÅÄÖ åäö é ü", "🚨 larm 👮🏽‍♀️ 🇸🇪", "\"\u{301} onmouseover=x", "line\u{2028}para\u{2029}end",
        "nul\u{0}inside", "mid\u{FEFF}bom\u{200B}", "'single' & <b>", String(repeating: "x\"", count: 200),
    ]

    @Test func hostileStringsAreEscapedAsJSONEncoderEscapesThem() throws {
        for text in Self.hostileStrings {
            #expect(try Self.written(text) == Self.foundation(text), "\(text.debugDescription)")
            #expect(try Self.written([text, text]) == Self.foundation([text, text]))
            let parsed = try JSONSerialization.jsonObject(with: Self.written([text]))
            #expect(parsed as? [String] == [text])
        }
    }

    @Test func numbersAreWrittenAsJSONEncoderWritesThem() throws {
        let doubles: [Double] = [0, -0.0, 1, -1, 1.5, 0.1, 2.675, 1.0 / 3, 1e-7, 1e15, 1e16, 1e21, 123_456_789.123, -2.5e-300,
                                 .leastNonzeroMagnitude, .greatestFiniteMagnitude, .pi, 58.36, 11.9]
        #expect(try Self.written(doubles) == Self.foundation(doubles))
        #expect(try (JSONSerialization.jsonObject(with: Self.written(doubles)) as? [NSNumber])?.map(\.doubleValue) == doubles)
        let ints = [0, -1, Int.min, Int.max]
        #expect(try Self.written(ints) == Self.foundation(ints))
        #expect(try Self.written([true, false]) == Self.foundation([true, false]))
        let series = Lagesbild.Series(area: "a", areaName: "A", values: [nil, 1, nil, 2.5, -0.0])
        #expect(try Self.written(series) == Self.foundation(series))
        var output = JSONOutput()
        #expect(throws: EncodingError.self) { try [Double.nan].writeJSON(to: &output) }
        #expect(throws: EncodingError.self) { try Double.infinity.writeJSON(to: &output) }
    }

    /// Empty arrays and objects (a cell's sources with neither source), nested arrays with an empty one, and
    /// `@NullWhenNoData` numbers missing and present.
    @Test func containersAndNoDataAreLaidOutAsJSONEncoderDoes() throws {
        let empty: [[Double]] = [[11.9, 58.36], [], [1]]
        #expect(try Self.written(empty) == Self.foundation(empty))
        #expect(try Self.written([String]()) == Self.foundation([String]()))
        let cell = Lagesbild.Cell(area: "a", areaName: "A", indicator: "i", indicatorName: "I", value: 3, previous: nil, lastYear: 0,
                                  baseline: nil, change: 1.25, status: .yellow, statusLabel: "gul", isNew: false, sources: .init())
        #expect(try Self.written(cell) == Self.foundation(cell))
        #expect(try Self.written([cell, cell]) == Self.foundation([cell, cell]))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Self.written(cell)) as? [String: Any])
        #expect(parsed["previous"] is NSNull && parsed["baseline"] is NSNull && (parsed["change"] as? NSNumber)?.doubleValue == 1.25)
        #expect((parsed["sources"] as? [String: Any])?.isEmpty == true)
    }

    #if DEBUG
    /// A member given out of key order stops a debug build (the tests'), rather than writing other bytes than
    /// `JSONEncoder`'s.
    @Test func aMemberOutOfKeyOrderStopsADebugBuild() async {
        await #expect(processExitsWith: .failure) {
            var output = JSONOutput()
            try output.writeObject { object in
                try object.member("areas", 1)
                try object.member("areaName", 2)
            }
        }
    }
    #endif

    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("CLITests/Golden")

    /// The lägesbilder of the JSON goldens, read back into the model.
    static func goldenLagesbilder() throws -> [(name: String, bytes: Data, lagesbild: Lagesbild)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: goldenDirectory.path)
            .filter { $0.hasPrefix("lagesbild-") && $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            let bytes = try Data(contentsOf: goldenDirectory.appendingPathComponent(name))
            return (name, bytes, try JSONDecoder().decode(Lagesbild.self, from: bytes))
        }
    }

    @Test func theGoldenLagesbilderAreWrittenByteForByte() throws {
        let goldens = try Self.goldenLagesbilder()
        #expect(goldens.count >= 4)
        for golden in goldens {
            #expect(try golden.lagesbild.prettyJSON() == golden.bytes, "\(golden.name)")
            try Self.expectSameBytes(golden.lagesbild, golden.name)
        }
    }

    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    /// The fixture city's district Norr, week 47, from its reports (`AreaScopeTests`), during a declared
    /// social oro there: a lägesbild for an area, with raised meetings.
    static func norr() throws -> Lagesbild {
        let fresh = try FreshStore(.sqlite)
        let reports = ShippedKommunFilesTests.root.appendingPathComponent("Tests/PlatformTests/Fixtures/districts/stad-2026-W47.csv").path
        _ = try ReportIngestor(config: AreaScopeTests.stad, options: .init(), today: day("2026-11-24"), now: now)
            .ingest([reports], store: { try fresh.open() })
        let store = try fresh.open()
        try store.declare("social-oro", kommun: "stad", area: "norr", from: day("2026-11-20"), note: nil, now: now)
        return try LagesbildCompiler(config: AreaScopeTests.stad, store: store, now: now, area: "norr")
            .compile(period: Period("2026-W47")!, language: .sv)
    }

    /// The minimal kommun, week 47: reports with times, places and notes holding quotes, a backslash and
    /// Swedish letters; an assessed status, "nothing to report" from the reporter not expected; interventions:
    /// one decided with an owner and a planned end and under way, one decided in June and never followed up
    /// (due), one proposed this week. The kommun decides no priorities in its file, so those are set on the
    /// compiled lägesbild.
    static func exempel(_ language: Language) throws -> Lagesbild {
        let config = ReportIngestTests.config
        let fresh = try FreshStore(.sqlite)
        let directory = try TemporaryDirectory()
        let file = try directory.write("reports.csv", ReportIngestTests.header + """
            2026-11-03,polisen,torget,klotter,1,,,,,,r1
            2026-11-10,polisen,torget,klotter,2,21:30,Kiosken,,,,r2
            2026-11-17,polisen,torget,klotter,6,22:15,"Kiosken ""Hörnet"" \\ baksidan",,,"Tagg på väggen, ""ÅÄÖ"" \\ igen",r3
            2026-11-18,polisen,centrum,otrygg-plats,2,,Busstorget,,,Mörkt vid hållplatsen,r4

            """)
        let results = try ReportIngestor(config: config, options: .init(skipInvalid: false, dryRun: false), privacy: .refuse,
                                         today: day("2026-11-24"), now: now).ingest([file], store: { try fresh.open() })
        #expect(results.flatMap(\.diagnostics).isEmpty)
        let store = try fresh.open()
        try store.setAreaStatus(.init(area: "torget", status: .orange, body: "team", date: day("2026-11-16"), reason: "Fler larm \"kvällstid\""),
                                config: config)
        try store.recordNothingToReport(config: config, reporter: "ksf", period: Period("2026-W47")!, source: "webbformulär", now: now)
        let id = try store.propose(InterventionProposal(title: "Klotterplank \"Torget\"", proposedBy: "team", proposedOn: day("2026-11-02"),
                                                        lagesbildPeriod: "2026-W45", areas: ["torget"], indicators: ["klotter"]),
                                   config: config, now: now)
        try store.decide(id, InterventionDecision(decidedBy: "styrgrupp", decidedOn: day("2026-11-09"), owner: "ksf",
                                                  start: day("2026-11-10"), plannedEnd: day("2027-03-31")), config: config, now: now)
        let earlier = try store.propose(InterventionProposal(title: "Väktare", proposedBy: "team", proposedOn: day("2026-06-15"),
                                                             areas: ["centrum"], indicators: ["otrygg-plats"]), config: config, now: now)
        try store.decide(earlier, InterventionDecision(decidedBy: "styrgrupp", decidedOn: day("2026-06-22"), owner: "team",
                                                       start: day("2026-07-01"), plannedEnd: nil), config: config, now: now)
        _ = try store.propose(InterventionProposal(title: "Belysning", proposedBy: "team", proposedOn: day("2026-11-18"),
                                                   lagesbildPeriod: "2026-W47", areas: ["centrum"], indicators: []), config: config, now: now)
        var lagesbild = try LagesbildCompiler(config: config, store: store, now: now).compile(period: Period("2026-W47")!, language: language)
        let torget = Lagesbild.Party(id: "torget", name: "Torget")
        lagesbild.interventions.priorities = .init(period: "2026-Q4", areas: [torget], decidedBy: .init(id: "styrgrupp", name: "Styrgrupp"),
                                                   decidedOn: "2026-10-01")
        return lagesbild
    }

    /// Every lägesbild the byte comparison runs on.
    static func lagesbilder() throws -> [(name: String, lagesbild: Lagesbild)] {
        try goldenLagesbilder().map { ($0.name, $0.lagesbild) } + [("norr", norr()), ("exempel-sv", exempel(.sv)), ("exempel-en", exempel(.en))]
    }

    @Test func compiledLagesbilderAreWrittenAsJSONEncoderWritesThem() throws {
        for (name, lagesbild) in try Self.lagesbilder() {
            try Self.expectSameBytes(lagesbild, name)
        }
    }

    /// The comparison above covers the whole writer only if its lägesbilder set every optional property and
    /// fill every array somewhere (and so reach every nested type): found by reflection, not listed by hand.
    @Test func theComparedLagesbilderSetEveryOptionalAndFillEveryArray() throws {
        var filled: [String: Bool] = [:]
        for (_, lagesbild) in try Self.lagesbilder() { Self.record(lagesbild, in: &filled) }
        #expect(filled.count > 60)
        #expect(filled.filter { !$0.value }.keys.sorted() == [])
    }

    /// Records, per property of each type met within `value` (`Cell.sources`, `Array<Optional<Double>>.[]`),
    /// whether any optional there was set or any array not empty.
    static func record(_ value: Any, in filled: inout [String: Bool]) {
        let mirror = Mirror(reflecting: value)
        for child in mirror.children {
            let key = "\(mirror.subjectType).\(child.label ?? "[]")"
            let inner = Mirror(reflecting: child.value)
            switch inner.displayStyle {
            case .optional: filled[key, default: false] = filled[key, default: false] || !inner.children.isEmpty
            case .collection: filled[key, default: false] = filled[key, default: false] || !inner.children.isEmpty
            default: break
            }
            record(child.value, in: &filled)
        }
    }

    /// Hostile text in every kind of place: names, notes, places, meetings, interventions, sources.
    @Test func aLagesbildWithHostileTextIsWrittenAsJSONEncoderWritesIt() throws {
        for (name, original) in try Self.lagesbilder() {
            var lagesbild = original
            for (index, text) in Self.hostileStrings.enumerated() {
                lagesbild.kommun.name += text
                if !lagesbild.areas.isEmpty { lagesbild.areas[index % lagesbild.areas.count].name = text }
                if !lagesbild.cells.isEmpty { lagesbild.cells[index % lagesbild.cells.count].indicatorName = text }
                if !lagesbild.notes.isEmpty { lagesbild.notes[index % lagesbild.notes.count].text = text }
                if !lagesbild.upcoming.isEmpty { lagesbild.upcoming[index % lagesbild.upcoming.count].notes.append(text) }
                if !lagesbild.interventions.proposed.isEmpty { lagesbild.interventions.proposed[0].title += text }
                if !(lagesbild.sources ?? []).isEmpty { lagesbild.sources?[0].label += text }
            }
            lagesbild.methods.baseline = Self.hostileStrings.joined()
            try Self.expectSameBytes(lagesbild, name)
            let parsed = try #require(try JSONSerialization.jsonObject(with: lagesbild.prettyJSON()) as? [String: Any])
            #expect((parsed["methods"] as? [String: Any])?["baseline"] as? String == Self.hostileStrings.joined())
            #expect((parsed["kommun"] as? [String: Any])?["name"] as? String == lagesbild.kommun.name)
        }
    }

    @Test func aNumberThatIsNotFiniteIsRefused() throws {
        var lagesbild = try Self.exempel(.sv)
        lagesbild.cells[0].value = .nan
        #expect(throws: EncodingError.self) { try lagesbild.prettyJSON() }
    }
}
