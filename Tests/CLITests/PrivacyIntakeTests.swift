import Foundation
import Platform
import StoreTestSupport
import Testing

/// Personal data in every disguise the issue lists never reaches the store: refused by default, redacted
/// with `--redact`.
@Suite("Privacy at intake")
struct PrivacyIntakeTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-privacy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// A refused first ingest leaves an empty store (see docs/reports.md): no report, and no ingest recorded.
    private static func expectNothingStored(_ fresh: FreshStore, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if fresh.kind == .sqlite, !FileManager.default.fileExists(atPath: fresh.location) { return }
        let store = try fresh.open()
        #expect(try ["reports", "report_revisions", "ingests"].map { try store.rowCount(of: $0) }.reduce(0, +) == 0, sourceLocation: sourceLocation)
    }

    /// Each disguised form, and a substring of it that must not be in the store afterwards.
    static let disguised: [(text: String, secret: String)] = [
        ("Tips från 121212\u{2013}1212", "1212"), ("pnr121212-1212", "1212"), ("\u{FF11}\u{FF12}\u{FF11}\u{FF12}\u{FF11}\u{FF12}-\u{FF11}\u{FF12}\u{FF11}\u{FF12}", "\u{FF11}\u{FF12}"),
        ("121212-12\u{200B}12", "1212"), ("12.12.12-1212", "1212"), ("ring 070\u{2013}123 45 67", "45"), ("ring 070/123 45 67", "45"),
        ("ring 070.123.45.67", "45"), ("mejla \"anna\"@lysekil.se", "anna"), ("mejla anna@[192.168.0.1]", "anna"), ("mejla anna@localhost", "anna"),
    ]

    private func writeReports(_ name: String) throws -> String {
        var csv = "date,reporter,area,indicator,value,place,note\n"
        for (line, form) in Self.disguised.enumerated() {
            let note = "\"" + form.text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            csv += "2026-11-\(10 + line),polismyndigheten,norra-hamnen,klotter,1,\(line % 2 == 0 ? note : "torget"),\(line % 2 == 0 ? "" : note)\n"
        }
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    @Test(arguments: StoreKind.tested) func everyDisguisedFormIsRefusedAndNothingStored(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind), store = fresh.location
        let result = try CLI.run(["ingest", "lysekil", try writeReports("reports.csv"), "--store", store])
        #expect(result.status == 1)
        for line in 2...(Self.disguised.count + 1) {
            #expect(result.stderr.contains("reports.csv:\(line): error: "), "line \(line) not refused: \(result.stderr)")
        }
        for form in Self.disguised { #expect(!result.stderr.contains(form.text)) }
        try Self.expectNothingStored(fresh)
    }

    @Test(arguments: StoreKind.tested) func withRedactEveryDisguisedFormIsRedacted(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind), store = fresh.location
        let result = try CLI.run(["ingest", "lysekil", try writeReports("reports.csv"), "--store", store, "--redact"])
        #expect(result.status == 0, "\(result.stderr)")
        func text(_ value: StoreValue?) -> String {
            if case .text(let text) = value { text } else { "" }
        }
        let stored = try fresh.open().rows(of: "reports").sorted { text($0["date"]) < text($1["date"]) }
            .map { [text($0["place"]), text($0["note"])] }
        #expect(stored.count == Self.disguised.count)
        for (row, form) in zip(stored, Self.disguised) {
            let text = row.joined(separator: " ")
            #expect(!text.contains(form.secret), "stored as \(text)")
            #expect(text.contains("[personnummer]") || text.contains("[telefon]") || text.contains("[e-post]"), "stored as \(text)")
        }
    }

    /// The id column and the file name reach the store too: personal data there is refused (also with
    /// `--redact`: an id cannot be redacted), naming the field and never showing the data.
    @Test(arguments: StoreKind.tested, [false, true])
    func anIdWithAPersonnummerIsRefused(_ kind: StoreKind, redact: Bool) throws {
        let fresh = try FreshStore(kind), store = fresh.location
        try Data("""
            date,reporter,area,indicator,value,id
            2026-11-20,polismyndigheten,norra-hamnen,klotter,1,18900101-9802
            2026-11-21,polismyndigheten,norra-hamnen,klotter,1,ok-1
            """.utf8).write(to: URL(fileURLWithPath: path("rapport.csv")))
        let result = try CLI.run(["ingest", "lysekil", path("rapport.csv"), "--store", store] + (redact ? ["--redact"] : []))
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path("rapport.csv")):2: error: id contains a personnummer or samordningsnummer"), "\(result.stderr)")
        #expect(!result.stderr.contains("9802"))
        try Self.expectNothingStored(fresh)
    }

    @Test(arguments: StoreKind.tested) func aFileNameWithAPersonnummerIsRefusedWithoutShowingIt(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind), store = fresh.location
        let named = path("rapport-189001029819.csv")
        try Data("""
            date,reporter,area,indicator,value,id
            2026-11-21,polismyndigheten,norra-hamnen,klotter,1,ok-1
            """.utf8).write(to: URL(fileURLWithPath: named))
        for redact in [false, true] {
            let result = try CLI.run(["ingest", "lysekil", named, "--store", store] + (redact ? ["--redact"] : []))
            #expect(result.status == 1)
            #expect(result.stderr.contains("rapport-[personnummer].csv: error: the file name contains a personnummer or samordningsnummer"),
                    "\(result.stderr)")
            #expect(!result.stderr.contains("189001029819") && !result.stdout.contains("189001029819"))
            try Self.expectNothingStored(fresh)
        }
    }
}
