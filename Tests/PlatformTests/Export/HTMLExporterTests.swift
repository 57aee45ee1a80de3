import Foundation
import Plugins
import Testing
@testable import Platform

/// The HTML exporter on hand-made lägesbilder: text from users is escaped everywhere it lands, and the
/// same lägesbild always gives the same bytes.
@Suite("HTML exporter")
struct HTMLExporterTests {
    /// The empty lägesbild of the registry tests, with hostile names, a note, and a place that recurs.
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
        #expect(html.contains("<html lang=\"\(language.rawValue)\">"))
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
