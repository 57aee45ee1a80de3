import Foundation
import Testing
@testable import Platform

/// The CSV reader on the dialects Swedish offices produce, fed in awkward chunk sizes.
@Suite("CSV reader")
struct CSVReaderTests {
    private func records(_ bytes: [UInt8], chunkSize: Int) throws -> [CSVReader.Record] {
        let directory = try TemporaryDirectory()
        let reader = try CSVReader(path: try directory.write("f.csv", Data(bytes)), chunkSize: chunkSize)
        var result: [CSVReader.Record] = []
        while let record = try reader.next() { result.append(record) }
        return result
    }

    /// Every chunk size from one byte up gives the same records.
    private func expectRecords(_ text: String, bom: Bool = false, _ expected: [(Int, [String])],
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let bytes = (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
        for chunkSize in [1, 2, 3, 7, 64, 1 << 20] {
            let got = try records(bytes, chunkSize: chunkSize)
            #expect(got.map(\.line) == expected.map(\.0), "chunk size \(chunkSize)", sourceLocation: sourceLocation)
            #expect(got.map(\.fields) == expected.map(\.1), "chunk size \(chunkSize)", sourceLocation: sourceLocation)
        }
    }

    @Test func commaSeparated() throws {
        try expectRecords("date,area\n2026-11-02,Centrum\n2026-11-03,Torget\n", [
            (1, ["date", "area"]), (2, ["2026-11-02", "Centrum"]), (3, ["2026-11-03", "Torget"]),
        ])
    }

    @Test func semicolonsFromSwedishExcelWithBOMAndCRLF() throws {
        try expectRecords("datum;område;notering\r\n2026-11-02;Södra hamnen;Klotter, mycket\r\n", bom: true, [
            (1, ["datum", "område", "notering"]), (2, ["2026-11-02", "Södra hamnen", "Klotter, mycket"]),
        ])
    }

    @Test func quotedFieldsWithDelimitersQuotesAndNewlines() throws {
        try expectRecords("a,b,c\n\"x, y\",\"sa \"\"hej\"\"\",\"rad 1\nrad 2\"\nnext,,\n", [
            (1, ["a", "b", "c"]), (2, ["x, y", "sa \"hej\"", "rad 1\nrad 2"]), (4, ["next", "", ""]),
        ])
    }

    @Test func blankLinesAreSkippedAndLastLineNeedsNoNewline() throws {
        try expectRecords("a,b\n\n1,2\n\n3,4", [(1, ["a", "b"]), (3, ["1", "2"]), (5, ["3", "4"])])
    }

    @Test func unclosedQuoteIsAnError() throws {
        #expect(throws: CSVReader.Failure.self) {
            _ = try records(Array("a,b\n\"open,1\n".utf8), chunkSize: 4)
        }
    }

    @Test func latin1IsRefusedWithAHint() throws {
        let error = try #require(throws: CSVReader.Failure.self) {
            _ = try records([0x61, 0x0A, 0x53, 0xF6, 0x64, 0x72, 0x61, 0x0A], chunkSize: 1 << 20)
        }
        #expect(error.description == "line 2: the file is not UTF-8 (save it as 'CSV UTF-8')")
    }

    /// A bad byte after a quoted newline is reported on the line it is on; fields around it may be valid UTF-8.
    @Test func badUTF8IsReportedOnItsOwnLine() throws {
        let bytes = Array("a,b,c\nSöder,\"rad 1\nrad 2\",".utf8) + [0x53, 0xF6] + Array("\n".utf8)
        for chunkSize in [1, 5, 1 << 20] {
            let error = try #require(throws: CSVReader.Failure.self) { _ = try records(bytes, chunkSize: chunkSize) }
            #expect(error.description == "line 3: the file is not UTF-8 (save it as 'CSV UTF-8')")
        }
        try expectRecords("a,b,c\nSöder,\"å\nä\",ö💡\n", [(1, ["a", "b", "c"]), (2, ["Söder", "å\nä", "ö💡"])])
    }
}
