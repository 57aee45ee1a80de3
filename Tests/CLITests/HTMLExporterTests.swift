import Foundation
import Testing

/// `lagesbild --format html` on the lägesbild suite's fixture (Tranemo, seed 11, Fritid silent in W47):
/// golden files in Swedish and English, and the page's promises (self-contained, accessible, no ingest
/// times) checked on the real output.
@Suite("HTML exporter")
struct HTMLExporterTests {
    /// The page for `language`, compiled into a folder of its own so it never races the other suite's files.
    private func page(_ language: String) throws -> String {
        let fixture = LagesbildCommandTests.fixture
        try #require(fixture.setupError == nil, "\(fixture.setupError ?? "")")
        let out = fixture.directory.appendingPathComponent("html-\(language)")
        let result = try CLI.run(["lagesbild", "tranemo", "--period", "2026-W47", "--format", "html", "--lang", language,
                                  "--store", fixture.store, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        return try String(contentsOf: out.appendingPathComponent("tranemo-2026-W47.html"), encoding: .utf8)
    }

    @Test(arguments: ["sv", "en"])
    func matchesItsGolden(language: String) throws {
        try CLI.expectGolden(try page(language), "lagesbild-tranemo-2026-W47-\(language).html")
    }

    /// The store's ingest times (they differ on every run) stay out of the page, so the golden needs no mask.
    @Test func holdsNoIngestTimes() throws {
        let fixture = LagesbildCommandTests.fixture
        try #require(fixture.setupError == nil, "\(fixture.setupError ?? "")")
        let html = try page("sv")
        let times = try CLI.sqliteRows(fixture.store, "SELECT DISTINCT ingested_at FROM reports WHERE kommun = 'tranemo'").map { $0[0] }
        #expect(!times.isEmpty)
        for time in times where !time.isEmpty {
            #expect(!html.contains(time), "ingest time \(time) in the page")
            #expect(!html.contains(String(time.prefix(16))), "ingest time \(time) in the page")
        }
    }

    @Test(arguments: ["sv", "en"])
    func isSelfContainedAndAccessible(language: String) throws {
        let html = try page(language)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language)\">\n"))
        #expect(Self.count("<h1", in: html) == 1)
        #expect(Self.count("<h2", in: html) >= 10)
        for forbidden in ["<script", "<link", "<img", "<iframe", "http://", "https://"] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        // The map's hatching refers to patterns in the page itself (`url(#…)`), never to anything elsewhere.
        #expect(html.components(separatedBy: "url(").dropFirst().allSatisfy { $0.hasPrefix("#") })
        #expect(html.contains("url(#map-title-hatch-"))
        #expect(html.contains("@page { size: A4;"))
        // Every chart is an image with a name, and every table has a caption and headed columns.
        let charts = Self.count("<svg", in: html)
        #expect(charts == Self.count("role=\"img\" aria-labelledby=", in: html))
        #expect(charts == Self.count("<title id=", in: html))
        let tables = Self.count("<table", in: html)
        #expect(tables >= 5)
        #expect(tables == Self.count("<caption>", in: html))
        #expect(Self.count("<th scope=\"col\"", in: html) > tables)
        // One sparkline per area, after its row's numbers, and the indicator chart ahead of its data table.
        #expect(Self.count("<svg class=\"spark\"", in: html) == 13)
        let chart = try #require(html.range(of: "<svg class=\"bars\""))
        let data = try #require(html.range(of: "<table class=\"data\">", range: chart.upperBound..<html.endIndex))
        #expect(html[chart.upperBound..<data.lowerBound].contains("</figure>"))
        // The map: Tranemo's 13 areas, 3 with an outline, each with its status in the table beside it.
        #expect(Self.count("<g id=\"map-area-", in: html) == 13)
        #expect(Self.count("<polygon points=", in: html) == 3 + Self.count("<g class=\"hotspot\">", in: html))
        #expect(html.contains("<caption>\(language == "sv" ? "Områdenas status och hotspots" : "The areas&#39; status and hotspots")"))
        // Colour is never the only signal: the orange cell carries its marker and word.
        #expect(html.contains("<td class=\"s-orange\">3<span class=\"mark\" aria-hidden=\"true\">▲▲</span><span class=\"sr\">, orange</span></td>"))
    }

    private static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}
