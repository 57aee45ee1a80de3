import Foundation
import Plugins
import Testing
@testable import Platform

/// The Markdown lägesbild on hostile notes and places (issue 12, item 7): rendered, it holds no live HTML,
/// no heading or list item a note injected, and no bare CR.
@Suite("Markdown exporter")
struct MarkdownExporterTests {
    static var hostile: Lagesbild {
        var lagesbild = HTMLExporterTests.hostile
        let note = lagesbild.notes[0]
        var injected = note
        injected.place = "Kajen\r\n# Platsrubrik"
        injected.text = "Sprayat\n# Rubrik\n- falsk punkt\r\nrad två\rslut [länk](javascript:alert(1)) `kod` *fet*"
        var script = note
        script.place = "<img src=x onerror=alert(1)>"
        script.text = "</script><script>alert(1)</script>"
        lagesbild.notes = [note, injected, script]
        return lagesbild
    }

    private func markdown(_ language: Language) throws -> String {
        String(decoding: try MarkdownExporter().export(Self.hostile, options: ExportOptions(language: language)), as: UTF8.self)
    }

    @Test(arguments: Language.allCases)
    func notesAndPlacesCannotInjectHTMLOrStructure(language: Language) throws {
        let text = try markdown(language)
        for raw in ["<img", "<script", "</script", "</td>"] {
            #expect(!text.contains(raw), "raw \(raw) in the Markdown")
        }
        #expect(!text.contains("\r"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!lines.contains { $0.hasPrefix("# Rubrik") || $0.hasPrefix("# Platsrubrik") || $0.hasPrefix("- falsk punkt") || $0.hasPrefix("rad två") })
        #expect(text.contains("&lt;img src=x onerror=alert(1)>"))
        #expect(text.contains("Sprayat # Rubrik - falsk punkt rad två slut \\[länk\\](javascript:alert(1)) \\`kod\\` \\*fet\\*"))
    }

    /// Ordinary text stays readable as plain text: nothing is escaped that need not be.
    @Test func ordinaryTextIsLeftAsItIs() throws {
        var lagesbild = Self.hostile
        lagesbild.notes[0].text = "Polis & vakt kl 18-20, < 5 personer, 3 > 2"
        let text = String(decoding: try MarkdownExporter().export(lagesbild, options: ExportOptions(language: .sv)), as: UTF8.self)
        #expect(text.contains("Polis & vakt kl 18-20, < 5 personer, 3 > 2"))
    }
}

extension MarkdownExporterTests {
    /// The åtgärdsplan's Markdown escapes the same way: a kommun name (or an intervention's title) with HTML
    /// or a line break stays text.
    @Test func atgardsplanTextStaysText() throws {
        var config = ReportIngestTests.config
        config.kommun.name = "Exempel <script>alert(1)</script>\n# Rubrik"
        let text = AtgardsplanExporter.markdown(Atgardsplan(config: config, year: 2026, priorities: [], entries: []))
        #expect(!text.contains("<script"))
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("# Rubrik") })
        #expect(text.hasPrefix("# Åtgärdsplan 2026 – Exempel &lt;script>alert(1)&lt;/script> # Rubrik\n"))
    }
}
