import Foundation
import Testing
@testable import Platform
import Plugins

@Suite("Files written together (AtomicFileBatch)")
struct AtomicFileBatchTests {
    private func contents(_ path: String) -> String? {
        try? String(contentsOfFile: path, encoding: .utf8)
    }

    private func leftovers(in directory: TemporaryDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.url.path).filter { $0.hasSuffix(".tmp") }
    }

    @Test func nothingAppearsUntilTheCommitThenEveryFileIsWhole() throws {
        let directory = try TemporaryDirectory()
        let old = try directory.write("a.md", "last week\n")
        let batch = AtomicFileBatch()
        try batch.write(Data("new a\n".utf8), to: old)
        try batch.write(Data("new b\n".utf8), to: directory.path("b.md"))
        try batch.write(Data("in a subfolder\n".utf8), to: directory.path("sub/c.md"))
        #expect(contents(old) == "last week\n")
        #expect(contents(directory.path("b.md")) == nil)
        #expect(try leftovers(in: directory).count == 2)

        #expect(batch.commit().isEmpty)
        #expect(contents(old) == "new a\n")
        #expect(contents(directory.path("b.md")) == "new b\n")
        #expect(contents(directory.path("sub/c.md")) == "in a subfolder\n")
        #expect(try leftovers(in: directory).isEmpty)
        // A second commit has nothing left to do.
        #expect(batch.commit().isEmpty)
    }

    @Test func aTargetThatIsNotARegularFileIsRefusedWhenWritten() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path("folder.md"), withIntermediateDirectories: false)
        let batch = AtomicFileBatch()
        #expect(throws: Diagnostic.self) { try batch.write(Data("x".utf8), to: directory.path("folder.md")) }
        try batch.write(Data("kept\n".utf8), to: directory.path("ok.md"))
        #expect(batch.commit().isEmpty)
        #expect(contents(directory.path("ok.md")) == "kept\n")
        #expect(try leftovers(in: directory).isEmpty)
    }

    @Test func aFileThatCannotBePutInPlaceIsReportedAndTheOthersAreKept() throws {
        let directory = try TemporaryDirectory()
        let batch = AtomicFileBatch()
        try batch.write(Data("first\n".utf8), to: directory.path("first.md"))
        try batch.write(Data("blocked\n".utf8), to: directory.path("blocked.md"))
        // Something else puts a folder where the file is to go before the batch is committed.
        try FileManager.default.createDirectory(atPath: directory.path("blocked.md/inside"), withIntermediateDirectories: true)

        let failures = batch.commit()
        #expect(Array(failures.keys) == [directory.path("blocked.md")])
        #expect(failures[directory.path("blocked.md")]?.description.contains("could not be written") == true)
        #expect(contents(directory.path("first.md")) == "first\n")
        #expect(try leftovers(in: directory).isEmpty)
    }

    @Test func aBatchWriterPutsTheLagesbildInPlaceOnlyWhenCommitted() throws {
        let directory = try TemporaryDirectory()
        let writer = LagesbildWriter(directory: directory.url.path, batch: true)
        let results = writer.write(ExporterRegistryTests.lagesbild, with: [MarkdownExporter()], options: ExportOptions(language: .sv))
        #expect(results.map(\.error) == [nil])
        #expect(contents(results[0].path) == nil)
        #expect(writer.commit().isEmpty)
        #expect(contents(results[0].path)?.hasPrefix("#") == true)
    }
}
