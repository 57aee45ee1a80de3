import Foundation
import Testing
@testable import Platform

/// An exporter that writes a fixed text, or throws.
private struct StubExporter: Exporter {
    struct Broken: Error, CustomStringConvertible { var description: String { "template missing" } }
    let id: String
    let displayName = "Stub"
    let fileExtension: String
    let mediaType = "text/plain"
    let fails: Bool

    func export(_ lagesbild: Lagesbild, options: ExportOptions) throws -> Data {
        if fails { throw Broken() }
        return Data("\(lagesbild.kommun.id) \(lagesbild.period.id)\n".utf8)
    }
}

@Suite("Exporter registry and writer")
struct ExporterRegistryTests {
    static let lagesbild = try! LagesbildCompiler(config: ReportIngestTests.config, store: nil)
        .compile(period: Period("2026-W47")!, language: .sv)

    @Test func duplicateIDsAreRefusedAndUnknownIDsSuggested() throws {
        let registry = ExporterRegistry()
        try registry.bootstrap([StubExporter(id: "md", fileExtension: "md", fails: false)])
        #expect(throws: ExporterRegistry.Failure(reason: .duplicate("md"))) {
            try registry.register(StubExporter(id: "md", fileExtension: "txt", fails: false))
        }
        let error = try #require(throws: ExporterRegistry.Failure.self) { try registry.exporter("mdd") }
        #expect(error.description == "unknown format 'mdd' (known: md); did you mean 'md'?")
        #expect(registry.all.map(\.id) == ["md"])
    }

    @Test func aFailingExporterLeavesTheOthersAndOldFilesIntact() throws {
        let directory = try TemporaryDirectory()
        let old = try directory.write("exempel-2026-W47.bad", "last week's good file\n")
        let results = LagesbildWriter(directory: directory.url.path).write(
            Self.lagesbild,
            with: [StubExporter(id: "a", fileExtension: "a", fails: false), StubExporter(id: "bad", fileExtension: "bad", fails: true),
                   StubExporter(id: "c", fileExtension: "c", fails: false)],
            options: ExportOptions(language: .sv))
        #expect(results.map(\.error) == [nil, "template missing", nil])
        #expect(try String(contentsOfFile: directory.path("exempel-2026-W47.a"), encoding: .utf8) == "exempel 2026-W47\n")
        #expect(try String(contentsOfFile: directory.path("exempel-2026-W47.c"), encoding: .utf8) == "exempel 2026-W47\n")
        #expect(try String(contentsOfFile: old, encoding: .utf8) == "last week's good file\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.url.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func anEmptyStoreGivesAnEmptyButCompleteLagesbild() {
        let lagesbild = Self.lagesbild
        #expect(lagesbild.cells.count == 2 * 2)
        #expect(lagesbild.cells.allSatisfy { $0.value == 0 && $0.status == .green })
        #expect(lagesbild.completeness.expected == 1)
        #expect(lagesbild.completeness.reported == 0)
        #expect(lagesbild.period.baselinePeriods.first == "2026-W39")
        #expect(lagesbild.distribution.feedback.map(\.to.name) == ["Styrgrupp", "alla rapportörer"])
    }
}
