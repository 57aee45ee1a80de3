import Foundation
import Testing
@testable import Platform
import StoreTestSupport

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

    /// Item 8: the refused-rows file is opened in Excel; a cell that would run as a formula is written with a
    /// leading `'`, and that `'` is taken off again when the corrected file is ingested.
    @Test(arguments: StoreKind.tested) func refusedRowsCannotRunAsFormulasAndSurviveReingest(_ kind: StoreKind) throws {
        let fresh = try FreshStore(kind)
        let file = try directory.write("v47.csv", """
            date,reporter,area,indicator,value,place,lat,lon,note,id
            2026-11-02,polisen,Atlantis,klotter,1,@SUM(1+1),58.27,-11.43,=cmd|' /C calc'!A0,f1
            2026-11-02,polisen,Atlantis,klotter,1,+torget,58.27,11.43,"\tflik",'=quoted
            2026-11-02,polisen,Atlantis,klotter,1,-plats,58.27,11.43,"\rnot",f3
            2026-11-02,polisen,centrum,klotter,1,,,,,ok

            """)
        let ingestor = ReportIngestor(config: ReportIngestTests.config, options: .init(skipInvalid: true),
                                      today: ReportIngestTests.today)
        let refused = try #require(try ingestor.ingest([file], store: { try fresh.open() }).first?.refusedFile)
        let reader = try CSVReader(path: refused)
        var cells: [String] = []
        while let record = try reader.next() { cells += record.fields }
        for cell in cells {
            #expect(!["=", "+", "-", "@", "\t", "\r"].contains(where: { cell.hasPrefix($0) }), "cell \(cell) could run as a formula")
        }
        #expect(cells.contains("'=cmd|' /C calc'!A0") && cells.contains("'@SUM(1+1)") && cells.contains("'-11.43"))
        // The coordinator corrects the area and ingests the refused file: every value as it was written.
        let text = try String(contentsOfFile: refused, encoding: .utf8).replacingOccurrences(of: "Atlantis", with: "centrum")
        let corrected = try directory.write("v47.corrected.csv", text)
        let results = try ReportIngestor(config: ReportIngestTests.config, today: ReportIngestTests.today).ingest([corrected], store: { try fresh.open() })
        #expect(results.first?.outcome?.new == 3, "\(results.first?.diagnostics.map(\.headline) ?? [])")
        func shown(_ value: StoreValue?) -> String? {
            switch value {
            case .text(let text): text
            case .real(let number): String(number)
            default: nil
            }
        }
        let stored: [[String: StoreValue]] = try fresh.open().rows(of: "reports").filter { $0["ref"] != .text("ok") }
        let rows: [[String?]] = stored.map { row in ["place", "lon", "note", "ref"].map { shown(row[$0]) } }
            .sorted { ($0[3] ?? "") < ($1[3] ?? "") }
        // (A field's leading and trailing tabs and spaces are trimmed on ingest, as always.)
        #expect(rows == [["+torget", "11.43", "flik", "'=quoted"], ["@SUM(1+1)", "-11.43", "=cmd|' /C calc'!A0", "f1"],
                         ["-plats", "11.43", "\rnot", "f3"]])
    }

    @Test(arguments: ["=1+1", "+46", "-5", "@SUM(A1)", "\tx", "\rx", "'", "''=x", "'x", "klotter", "", "Åby"])
    func neutralisingIsUndoneExactly(_ cell: String) {
        let written = CSVWriter.neutralised(cell)
        #expect(!["=", "+", "-", "@", "\t", "\r"].contains(where: { written.hasPrefix($0) }))
        #expect(CSVWriter.unneutralised(written) == cell)
    }

    /// The simulator's ids must pass the id guard at any volume: `sim1-20261101-1234` was a personnummer's
    /// very shape (YYYYMMDD-NNNN) once a day had a thousand events.
    @Test(arguments: [0, 1, 2026] as [UInt64])
    func simulatedIdsAreNeverTakenForPersonalData(seed: UInt64) throws {
        let lysekil = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("municipalities/lysekil.yaml").path
        let config = try #require(KommunConfigLoader().load(path: lysekil).config)
        let simulator = ReportSimulator(config: config, seed: seed, intensity: 600)
        var ids = 0, flagged: [String] = []
        simulator.rows(from: CalendarDate(iso: "2026-07-03")!, to: CalendarDate(iso: "2026-07-05")!) { fields in
            ids += 1
            if !PrivacyGuard.findings(in: fields[10]).isEmpty || !PrivacyGuard.findings(in: fields[9]).isEmpty { flagged.append(fields[10]) }
        }
        #expect(ids > 3_000)
        #expect(flagged.count == 0, "\(flagged.count) of \(ids) flagged, e.g. \(flagged.prefix(3))")
    }
}

