import Foundation
import Platform
import StoreTestSupport
import Testing

/// `insats` as a coordinator runs it: a bad file is refused whole with every line named, a good one is stored.
@Suite("Insats command")
struct InsatsCommandTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-insats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    @Test(arguments: StoreKind.tested) func aBadCSVChangesNothingAndAGoodOneIsStored(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let store = fresh.location
        // The store exists (and is migrated) before the import, so "nothing changed" is a real count of 0.
        #expect(try CLI.run(["insats", "propose", "lysekil", "--title", "Första", "--by", "styrgrupp", "--on", "2026-01-12",
                             "--store", store]).stdout == "I-2026-001\n")
        let header = "title;proposedBy;proposedOn;areas;indicators;decidedBy;decidedOn;start\n"
        try Data((header + """
            Klotterplank;strategiskt-trygghetsteam;2026-03-02;lysekil-centrum,stadsparken;klotter;styrgrupp;2026-03-16;2026-04-01
            Belysning;strategiskt-trygghetsteam;2026-02-30;kronberget;;;;
            Vakter;strategiskt-trygghetsteam;2026-03-02;kronberget;klottr;;;

            """).utf8).write(to: URL(fileURLWithPath: path("bad.csv")))
        let bad = try CLI.run(["insats", "import", "lysekil", path("bad.csv"), "--store", store])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("line 3: 'proposedOn': '2026-02-30' is not a date (YYYY-MM-DD)"))
        #expect(bad.stderr.contains("line 4: unknown indicator 'klottr' (did you mean 'klotter'?)"))
        #expect(try fresh.open().rowCount(of: "interventions") == 1)
        #expect(try fresh.open().rowCount(of: "intervention_events") == 1)
        try Data((header + """
            Klotterplank;strategiskt-trygghetsteam;2026-03-02;lysekil-centrum,stadsparken;klotter;styrgrupp;2026-03-16;2026-04-01

            """).utf8).write(to: URL(fileURLWithPath: path("good.csv")))
        let good = try CLI.run(["insats", "import", "lysekil", path("good.csv"), "--store", store])
        #expect(good.stdout == "1 intervention imported for lysekil: I-2026-002\n")
        let imported = try fresh.open().intervention("I-2026-002", kommun: "lysekil").0
        #expect(imported.status == .decided && imported.areas == ["lysekil-centrum", "stadsparken"]
                && imported.start == CalendarDate(iso: "2026-04-01"))
        let ended = try CLI.run(["insats", "follow-up", "lysekil", "I-2026-002", "--by", "styrgrupp", "--on", "2026-09-01",
                                 "--outcome", "avsluta", "--store", store])
        #expect(ended.stdout == "I-2026-002 followed up by Styrgrupp on 2026-09-01: avsluta\n")
        let active = try CLI.run(["insats", "list", "lysekil", "--active-on", "2026-06-01", "--store", store])
        #expect(active.stdout.contains("I-2026-002") && !active.stdout.contains("I-2026-001"))
        // Headers and status in the kommun's language, or English with --lang en.
        let words = { (result: CLI.Result) in result.stdout.split(separator: "\n").prefix(2).map { $0.split(separator: " ").prefix(2).joined(separator: " ") } }
        #expect(active.stdout.split(separator: "\n")[0].split(separator: " ") == ["id", "status", "start", "områden", "titel"])
        #expect(words(active) == ["id status", "I-2026-002 avslutad"])
        let english = try CLI.run(["insats", "list", "lysekil", "--active-on", "2026-06-01", "--store", store, "--lang", "en"])
        #expect(words(english) == ["id status", "I-2026-002 ended"] && english.stdout.contains("areas"))
        #expect(try fresh.open().intervention("I-2026-002", kommun: "lysekil").1.map { "\($0.kind.rawValue):\($0.outcome?.rawValue ?? "")" }
            == ["proposed:", "decided:", "follow-up:end"])
        // Another kommun sees none of Lysekil's interventions.
        #expect(try CLI.run(["insats", "show", "tranemo", "I-2026-002", "--store", store]).status != 0)
    }
}
