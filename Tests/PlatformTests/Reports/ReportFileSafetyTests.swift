import Foundation
import Testing
@testable import Platform

/// Report files as careless tools write them (issue 12).
@Suite("Report file safety")
struct ReportFileSafetyTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    /// Item 14: a file saved with old Mac line ends (CR only) is one long line; say so instead of
    /// `unknown column 'id\r2026-11-17'`.
    @Test func crOnlyLineEndsAreNamed() throws {
        let file = try directory.write("mac.csv", "date,reporter,area,indicator,id\r2026-11-17,polisen,centrum,klotter,a1\r2026-11-18,polisen,centrum,klotter,a2\r")
        #expect(throws: Diagnostic(file: file, mark: Mark(line: 1, column: 0),
                                   message: "line ends are CR only (old Mac); save with LF or CRLF")) {
            _ = try ReportFileReader(path: file)
        }
        let crlf = try directory.write("crlf.csv", "date,reporter,area,indicator,id\r\n2026-11-17,polisen,centrum,klotter,a1\r\n")
        let reader = try ReportFileReader(path: crlf)
        #expect(try reader.next()?[.id] == "a1")
    }
}
