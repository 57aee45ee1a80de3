import Foundation
@testable import Plugins
import Testing
@testable import Platform

/// The HTML exporter on hand-made lägesbilder: text from users is escaped everywhere it lands, and the
/// same lägesbild always gives the same bytes.
@Suite("HTML exporter")
struct HTMLExporterTests {
    /// The empty lägesbild of the registry tests, with hostile names, a note, an intervention, priority
    /// areas and a meeting next period.
    static var hostile: Lagesbild {
        var lagesbild = ExporterRegistryTests.lagesbild
        lagesbild.kommun.name = "Exempel <b>kommun</b>"
        lagesbild.areas[0].name = "Torget & \"Kajen\" <i>"
        lagesbild.indicators[0].name = "Klotter <script>alert('x')</script>"
        lagesbild.notes = [Lagesbild.Note(area: lagesbild.areas[0].id, areaName: lagesbild.areas[0].name, date: "2026-11-17",
                                          time: "12:45", reporter: "ingen", reporterName: "Ingen <u>rapportör</u>",
                                          indicator: lagesbild.indicators[0].id, indicatorName: lagesbild.indicators[0].name,
                                          place: "<img src=x onerror=alert(1)>",
                                          text: "</td></tr></table><script>alert(\"note\")</script>")]
        lagesbild.distribution.compiledBy.name = "Trygg & Säker"
        let area = Lagesbild.Party(id: lagesbild.areas[0].id, name: lagesbild.areas[0].name)
        let owner = Lagesbild.Party(id: "agare", name: "Ägare <em>ett</em>")
        lagesbild.interventions.proposed = [
            Lagesbild.InterventionItem(id: "INS-1", title: "Belysning <script>alert('insats')</script>", status: "proposed", areas: [area],
                                       indicators: [], proposedBy: owner, decidedBy: nil, owner: owner, start: nil, plannedEnd: "2027-03-31"),
        ]
        lagesbild.interventions.priorities = Lagesbild.Priorities(period: "2026-Q4", areas: [area], decidedBy: owner, decidedOn: "2026-10-01")
        lagesbild.upcoming = [
            Meeting(uid: "m", kommun: "exempel", source: "team", kind: "body", title: "Möte <b>team</b>",
                    date: CalendarDate(iso: "2026-11-25")!, start: TimeOfDay(hour: 18, minute: 0), durationMinutes: 60,
                    location: "<i>Torget</i>", notes: ["flyttat & \"uppskjutet\""]),
        ]
        return lagesbild
    }

    @Test(arguments: Language.allCases)
    func escapesEveryTextFromUsers(language: Language) throws {
        let html = String(decoding: try HTMLExporter().export(Self.hostile, options: ExportOptions(language: language)), as: UTF8.self)
        for raw in ["<b>", "<i>", "<script", "<img", "</td></tr></table>", "Trygg & Säker", "\"Kajen\""] {
            #expect(!html.contains(raw), "unescaped \(raw)")
        }
        #expect(html.contains("Torget &amp; &quot;Kajen&quot; &lt;i&gt;"))
        #expect(html.contains("&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;alert(&quot;note&quot;)&lt;/script&gt;"))
        #expect(html.contains("Klotter &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("Belysning &lt;script&gt;alert(&#39;insats&#39;)&lt;/script&gt;"))
        #expect(html.contains("Ägare &lt;em&gt;ett&lt;/em&gt;"))
        #expect(html.contains("Möte &lt;b&gt;team&lt;/b&gt;"))
        #expect(html.contains("&lt;i&gt;Torget&lt;/i&gt;"))
        #expect(html.contains("flyttat &amp; &quot;uppskjutet&quot;"))
        #expect(!html.contains("<em>"))
        #expect(html.contains("<html lang=\"\(language.rawValue)\">"))
    }

    /// The browser reads bytes: `"`, `<`, `&` and `'` are replaced even where a combining mark, a joiner
    /// or a variation selector after them makes one Swift `Character` of the two.
    @Test func escapesASpecialCharacterUnderACombiningMark() {
        #expect(Array("\"\u{301} onmouseover=\"x".htmlEscaped.utf8) == Array("&quot;\u{301} onmouseover=&quot;x".utf8))
        #expect(Array("<\u{338}script>&\u{200D}'\u{FE0F}".htmlEscaped.utf8) == Array("&lt;\u{338}script&gt;&amp;\u{200D}&#39;\u{FE0F}".utf8))
        #expect(Array("Åsa Öberg 🚨 👮🏽‍♀️".htmlEscaped.utf8) == Array("Åsa Öberg 🚨 👮🏽‍♀️".utf8))
        #expect("".htmlEscaped.isEmpty)
    }

    @Test func theSameLagesbildGivesTheSameBytes() throws {
        let first = try HTMLExporter().export(Self.hostile, options: ExportOptions(language: .sv))
        let second = try HTMLExporter().export(Self.hostile, options: ExportOptions(language: .sv))
        #expect(first == second)
    }

    @Test func isRegisteredAfterCSV() {
        #expect(BuiltinExporters.all.map(\.id) == ["md", "json", "csv", "geojson", "html", "ics"])
        let exporter = HTMLExporter()
        #expect(exporter.fileExtension == "html")
        #expect(exporter.mediaType == "text/html; charset=utf-8")
    }
}
