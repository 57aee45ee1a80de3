import Foundation
import StoreTestSupport
import Testing

/// `insats import` and `analys` on a simulated Lysekil year with a planted 60 % drop of klotter in Stadsparken
/// from 2026-05-04: the intervention there is named as worked, the one in Badhusberget (no effect) is not.
@Suite("Analys command")
struct AnalysCommandTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-analys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static let interventions = """
        interventions:
          - title: Klotterplank och snabb sanering i Stadsparken
            proposedBy: strategiskt-trygghetsteam
            proposedOn: 2026-04-06
            period: 2026-Q1
            areas: [stadsparken]
            indicators: [klotter]
            decidedBy: styrgrupp
            decidedOn: 2026-04-20
            owner: park-gata-och-natur
            start: 2026-05-04
            plannedEnd: 2026-12-31
          - title: Fler papperskorgar vid Badhusberget
            proposedBy: strategiskt-trygghetsteam
            proposedOn: 2026-04-06
            areas: [badhusberget]
            indicators: [nedskrapning]
            decidedBy: styrgrupp
            decidedOn: 2026-04-20
            start: 2026-05-04

        """

    /// A store with the planted year, the two interventions, the medborgardialog list and a priority decision.
    func plantedStore(_ kind: StoreKind) throws -> FreshStore {
        let fresh = try FreshStore(kind)
        let store = fresh.location, csv = path("lysekil.csv"), file = path("insatser.yaml")
        let simulated = try CLI.run(["simulate", "lysekil", "--from", "2025-11-24", "--to", "2026-11-23", "--seed", "7", "--intensity", "10",
                                     "--effect", "stadsparken:klotter:2026-05-04:0.4", "--out", csv])
        #expect(simulated.status == 0, "\(simulated.stderr)")
        #expect(try CLI.run(["ingest", "lysekil", csv, "--store", store]).status == 0)
        try Data(Self.interventions.utf8).write(to: URL(fileURLWithPath: file))
        let imported = try CLI.run(["insats", "import", "lysekil", file, "--store", store])
        #expect(imported.stdout == "2 interventions imported for lysekil: I-2026-001, I-2026-002\n", "\(imported.stderr)")
        #expect(try CLI.run(["insats", "follow-up", "lysekil", "I-2026-001", "--by", "strategiskt-trygghetsteam", "--on", "2026-09-14",
                             "--outcome", "fortsätta", "--comment", "Mindre klotter sedan maj", "--store", store]).status == 0)
        #expect(try CLI.run(["insats", "import-list", "lysekil", "medborgardialog-trygghet", "--on", "2026-05-01", "--store", store]).status == 0)
        #expect(try CLI.run(["prioritet", "decide", "lysekil", "--period", "2026-Q4", "--areas", "kronbergsvallen,sodra-hamnen,ica-lysekil",
                             "--by", "styrgrupp", "--on", "2026-10-05", "--store", store]).status == 0)
        return fresh
    }

    @Test(arguments: StoreKind.tested) func thePlantedDropIsNamedAndTheOtherIsNot(_ kind: StoreKind) throws {
        let planted = try plantedStore(kind), store = planted.location
        let markdown = try CLI.run(["analys", "lysekil", "--year", "2026", "--store", store])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        try CLI.expectGolden(markdown.stdout, "analys-lysekil-2026.md")
        #expect(markdown.stdout.contains("Antalet rapporterade händelser med klotter i Stadsparken minskade mer än i övriga områden"))
        #expect(markdown.stdout.contains("Inget säkert samband: antalet rapporterade händelser med nedskräpning i Badhusberget"))
        let json = try CLI.run(["analys", "lysekil", "--year", "2026", "--format", "json", "--out", path("analys.json"), "--store", store])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("analys.json")))) as? [String: Any]
        let verdicts = (object?["effects"] as? [[String: Any]])?.compactMap { $0["verdict"] as? String }
        #expect(verdicts == ["decreased-more", "no-clear-difference"])
        let shown = try CLI.run(["insats", "show", "lysekil", "I-2026-001", "--store", store])
        try CLI.expectGolden(shown.stdout, "insats-show-lysekil.txt")
        let again = try CLI.run(["insats", "import-list", "lysekil", "medborgardialog-trygghet", "--store", store])
        #expect(again.stdout == "0 of 8 items new for lysekil\n")
    }

    @Test(arguments: StoreKind.tested) func theAnalysisIsInEnglishOnRequest(_ kind: StoreKind) throws {
        let planted = try plantedStore(kind), store = planted.location
        let markdown = try CLI.run(["analys", "lysekil", "--year", "2026", "--lang", "en", "--store", store])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        try CLI.expectGolden(markdown.stdout, "analys-lysekil-2026-en.md")
        #expect(markdown.stdout.contains("The number of reported events of graffiti in Stadsparken decreased more than in the other areas"))
        #expect(markdown.stdout.contains("No reliable association: the number of reported events of littering in Badhusberget"))
        #expect(!markdown.stdout.contains("övriga") && !markdown.stdout.contains("samband"))
        let json = try CLI.run(["analys", "lysekil", "--year", "2026", "--format", "json", "--lang", "en", "--store", store])
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"verdict\" : \"decreased-more\"") && json.stdout.contains("No reliable association: the number of reported events of littering"))
    }

    @Test(arguments: StoreKind.tested) func theAtgardsplanIsInEnglishOnRequest(_ kind: StoreKind) throws {
        let planted = try plantedStore(kind), store = planted.location
        let out = path("plan-en")
        let written = try CLI.run(["atgardsplan", "lysekil", "--year", "2026", "--lang", "en", "--out", out, "--store", store])
        #expect(written.status == 0, "\(written.stderr)")
        let markdown = try String(contentsOfFile: out + "/atgardsplan-lysekil-2026.md", encoding: .utf8)
        let html = try String(contentsOfFile: out + "/atgardsplan-lysekil-2026.html", encoding: .utf8)
        try CLI.expectGolden(markdown, "atgardsplan-lysekil-2026-en.md")
        try CLI.expectGolden(html, "atgardsplan-lysekil-2026-en.html")
        #expect(html.contains("<html lang=\"en\">"))
        #expect(markdown.contains("2026-09-14: continue – Mindre klotter sedan maj"))
    }

    @Test(arguments: StoreKind.tested) func theAtgardsplanIsWrittenAsMarkdownAndEscapedHTML(_ kind: StoreKind) throws {
        let planted = try plantedStore(kind), store = planted.location
        #expect(try CLI.run(["insats", "propose", "lysekil", "--title", "Belysning <i> \"Kronberget\" & tunneln", "--by",
                             "strategiskt-trygghetsteam", "--on", "2026-11-02", "--areas", "kronberget", "--store", store]).status == 0)
        let out = path("plan")
        let written = try CLI.run(["atgardsplan", "lysekil", "--year", "2026", "--format", "md,html", "--out", out, "--store", store])
        #expect(written.status == 0, "\(written.stderr)")
        let markdown = try String(contentsOfFile: out + "/atgardsplan-lysekil-2026.md", encoding: .utf8)
        let html = try String(contentsOfFile: out + "/atgardsplan-lysekil-2026.html", encoding: .utf8)
        try CLI.expectGolden(markdown, "atgardsplan-lysekil-2026.md")
        try CLI.expectGolden(html, "atgardsplan-lysekil-2026.html")
        #expect(html.contains("Belysning &lt;i&gt; &quot;Kronberget&quot; &amp; tunneln"))
        #expect(!html.contains("<i>") && !html.contains("<script") && !html.contains("http"))
        #expect(markdown.contains("| 2026-Q4 | Kronbergsvallen, Södra hamnen, ICA Lysekil | Styrgrupp | 2026-10-05 |"))
        #expect(markdown.contains("2026-09-14: fortsätta – Mindre klotter sedan maj"))
        // The year before has none of it.
        let before = try CLI.run(["atgardsplan", "lysekil", "--year", "2025", "--format", "md", "--out", out, "--store", store])
        #expect(before.status == 0)
        #expect(try String(contentsOfFile: out + "/atgardsplan-lysekil-2025.md", encoding: .utf8).contains("Inga beslutade insatser under året."))
    }
}
