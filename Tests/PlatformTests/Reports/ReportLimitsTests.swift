import Foundation
import Testing
@testable import Platform

/// A report file that is too big in one place is refused as the bytes arrive, with a short message; the
/// limits are lowered here so the inputs stay small (docs/reports.md, "Limits").
@Suite("Report file limits")
struct ReportLimitsTests {
    static let header = "date,reporter,area,indicator,value,time,place,lat,lon,note,id\n"
    static let row = "2026-11-02,polisen,centrum,klotter,1,,,,,,r1\n"
    let directory: TemporaryDirectory

    init() throws { directory = try TemporaryDirectory() }

    /// The reader's complaint about `text` as file `name`, or nil when every row reads.
    private func failure(_ name: String, _ text: String, limits: ReportLimits) throws -> Diagnostic? {
        try failure(name, Array(text.utf8), limits: limits)
    }

    private func failure(_ name: String, _ bytes: [UInt8], limits: ReportLimits) throws -> Diagnostic? {
        let path = try directory.write(name, Data(bytes))
        do {
            let reader = try ReportFileReader(path: path, limits: limits)
            while try reader.next() != nil {}
            return nil
        } catch {
            return error
        }
    }

    @Test func aHeaderWithTooManyColumnsStopsAtTheLimit() throws {
        let header = (0..<1000).map { "c\($0)" }.joined(separator: ",") + "\n"
        let problem = try #require(try failure("wide.csv", header, limits: ReportLimits(columns: 50)))
        #expect(problem.mark?.line == 1 && problem.message == "the row has more than 50 columns")
    }

    @Test func aLineLongerThanTheLimitIsRefusedBeforeItIsRead() throws {
        // One line of 64 KiB with no newline, read 1 KiB at a time, against a 4 KiB limit.
        let bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 64 << 10)
        let path = try directory.write("line.csv", Data(bytes))
        let reader = try CSVReader(path: path, chunkSize: 1024, limits: ReportLimits(recordBytes: 4096))
        #expect(throws: CSVReader.Failure.self) { try reader.next() }
        #expect(reader.bufferCapacity <= 8192)
        let problem = try #require(try failure("line2.csv", bytes, limits: ReportLimits(recordBytes: 4096)))
        #expect(problem.mark?.line == 1 && problem.message == "a line is longer than 4 KiB (a quoted field not closed?)")
        // A row longer than the limit after a good header too.
        let later = try #require(try failure("later.csv", Self.header + Self.row + String(repeating: "y", count: 10_000) + "\n" + Self.row,
                                             limits: ReportLimits(recordBytes: 4096)))
        #expect(later.mark?.line == 3 && later.message == "a line is longer than 4 KiB (a quoted field not closed?)")
    }

    @Test func aFieldLargerThanTheLimitIsRefused() throws {
        let note = String(repeating: "å", count: 600)
        let problem = try #require(try failure("field.csv", Self.header + "2026-11-02,polisen,centrum,klotter,1,,,,,\"\(note)\",r1\n",
                                               limits: ReportLimits(fieldBytes: 1000)))
        #expect(problem.mark?.line == 2 && problem.message == "a field is longer than 1000 bytes")
        #expect(try failure("ok.csv", Self.header + Self.row, limits: ReportLimits(fieldBytes: 1000)) == nil)
    }

    @Test func aJSONFileLargerThanTheLimitIsRefusedUnread() throws {
        let element = #"{"date": "2026-11-02", "reporter": "polisen", "area": "centrum", "indicator": "klotter", "value": 1}"#
        let array = "[" + Array(repeating: element, count: 50).joined(separator: ",\n") + "]"
        let problem = try #require(try failure("big.json", array, limits: ReportLimits(jsonBytes: 1024)))
        #expect(problem.mark == nil && problem.message == "the file is larger than 1 KiB, the most a JSON report file may be; deliver it as CSV or in parts")
        #expect(try failure("small.json", array, limits: ReportLimits(jsonBytes: 1 << 20)) == nil)
    }

    /// The array's elements are parsed one at a time, as rows are asked for; broken JSON names its line.
    @Test func aJSONArrayIsReadElementByElement() throws {
        let good = #"{"date": "2026-11-02", "reporter": "polisen", "area": "centrum", "indicator": "klotter", "value": 1}"#
        let path = try directory.write("a.json", "[\n  \(good),\n  \(good),\n  {\"date\": 2026-11-02}\n]\n")
        let reader = try ReportFileReader(path: path)
        #expect(try reader.next()?.line == 2)
        #expect(try reader.next()?.line == 3)
        #expect(throws: Diagnostic.self) { try reader.next() }
        #expect(try failure("b.json", "[\(good), \(good)] trailing", limits: ReportLimits())?.message.hasPrefix("not valid JSON") == true)
        #expect(try failure("c.json", "[\(good), \(good)", limits: ReportLimits())?.message.hasPrefix("not valid JSON") == true)
        #expect(try failure("d.json", "[]", limits: ReportLimits()) == nil)
    }

    /// The same limits hold for JSON: an object's size, its number of fields and a field's length.
    @Test func jsonObjectsHaveTheSameLimits() throws {
        let limits = ReportLimits(recordBytes: 4096, columns: 20, fieldBytes: 1000)
        let base = #""date": "2026-11-02", "reporter": "polisen", "area": "centrum", "indicator": "klotter""#
        let long = try #require(try failure("long.jsonl", "{\(base), \"note\": \"\(String(repeating: "x", count: 5000))\"}\n", limits: limits))
        #expect(long.mark?.line == 1 && long.message == "a report object is longer than 4 KiB")
        let path = try directory.write("fields.jsonl", """
            {\(base), \"note\": \"\(String(repeating: "å", count: 600))\"}
            {\(base), \((0..<30).map { "\"x\($0)\": 1" }.joined(separator: ", "))}

            """)
        let reader = try ReportFileReader(path: path, limits: limits)
        #expect(try reader.next()?.problems == ["field 'note' is longer than 1000 bytes"])
        #expect(try reader.next()?.problems == ["the object has more than 20 fields"])
    }

    /// A file whose lines end in CR alone reads as one long line; it is named for what it is, not as a
    /// line or a row over the limits.
    @Test func crOnlyLineEndsAreNamedBeforeALimitHits() throws {
        let rows = (Self.header + String(repeating: Self.row, count: 300)).replacingOccurrences(of: "\n", with: "\r")
        let problem = try #require(try failure("mac.csv", rows, limits: ReportLimits()))
        #expect(problem.mark?.line == 1 && problem.message == "line ends are CR only (old Mac); save with LF or CRLF")
        let long = try #require(try failure("mac2.csv", rows, limits: ReportLimits(recordBytes: 1024)))
        #expect(long.message == "line ends are CR only (old Mac); save with LF or CRLF")
        // A CR inside a quoted header name, or before LF, is not that.
        #expect(try failure("crlf.csv", Self.header.replacingOccurrences(of: "\n", with: "\r\n") + Self.row, limits: ReportLimits()) == nil)
    }

    /// A header of many unknown columns names the first few and counts the rest; a long name is cut.
    @Test func errorMessagesStayShort() throws {
        let long = String(repeating: "z", count: 10_000)
        let header = ["date", "reporter", "area", "indicator", long] + (0..<150).map { "okänd\($0)" }
        let problem = try #require(try failure("many.csv", header.joined(separator: ",") + "\n", limits: ReportLimits()))
        #expect(problem.message.utf8.count < 1000, "\(problem.message.utf8.count) bytes")
        #expect(problem.message.hasPrefix("unknown column 'zzzzzzzzzz"))
        #expect(problem.message.contains("…'"))
        #expect(problem.message.hasSuffix("; and 141 more problems"))
    }
}
