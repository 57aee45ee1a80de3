import Foundation

/// Reads the rows of a report file: CSV (streamed), a JSON array, or JSON Lines.
public final class ReportFileReader {
    /// The file formats reports are accepted in.
    public enum Format: String, Sendable {
        case csv, json, jsonLines = "jsonl"
    }

    public let file: String
    public let format: Format
    private var csv: CSVReader?
    private var columns: [ReportColumn?] = []
    /// A refused-rows file (it has the `error` column): its cells were neutralised for spreadsheets.
    private var isRefusedFile = false
    private var jsonRecords: [(line: Int, object: Any)] = []
    private var jsonIndex = 0
    /// True for a refused-rows file (`FILE.refused.csv`, told by its `error` column), corrected and ingested
    /// again: its rows add to what is stored and re-deliver nothing (docs/reports.md, re-delivering without ids).
    public private(set) var isRefusedRows = false

    /// The column a refused-rows file explains each row in; ignored when the file is ingested again.
    public static let errorColumn = "error"

    /// Header names people use in Swedish spreadsheets, and their columns.
    static let aliases: [String: ReportColumn] = [
        "datum": .date, "vecka": .date, "period": .date, "månad": .date, "manad": .date, "rapportör": .reporter, "rapportor": .reporter, "område": .area, "omrade": .area,
        "indikator": .indicator, "värde": .value, "varde": .value, "antal": .value, "tid": .time, "klockslag": .time,
        "plats": .place, "latitud": .lat, "longitud": .lon, "notering": .note, "anteckning": .note, "kommentar": .note,
        "referens": .id, "ref": .id,
    ]

    /// Opens `path` and reads its header; the format follows the extension (`.json`, `.jsonl`/`.ndjson`,
    /// anything else is CSV).
    public init(path: String) throws(Diagnostic) {
        file = path
        let lower = path.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
            format = .jsonLines
        } else if lower.hasSuffix(".json") {
            format = .json
        } else {
            format = .csv
        }
        if format == .csv {
            try openCSV()
        } else {
            try readJSON()
        }
    }

    /// The next row, or nil at the end.
    public func next() throws(Diagnostic) -> RawReport? {
        if let csv {
            let record: CSVReader.Record?
            do { record = try csv.next() } catch { throw diagnostic(line: error.line, error.message) }
            guard let record else { return nil }
            var raw = RawReport(line: record.line)
            guard record.fields.count == columns.count else {
                raw.problems.append("the row has \(record.fields.count.counted("field")) but the header has \(columns.count)")
                raw.isMalformed = true
                return raw
            }
            for (index, column) in columns.enumerated() {
                if let column {
                    raw.values[column.index] = isRefusedFile ? CSVWriter.unneutralised(record.fields[index]) : record.fields[index]
                }
            }
            return raw
        }
        guard jsonIndex < jsonRecords.count else { return nil }
        let (line, object) = jsonRecords[jsonIndex]
        jsonIndex += 1
        return raw(from: object, line: line)
    }

    private func openCSV() throws(Diagnostic) {
        let reader: CSVReader
        do { reader = try CSVReader(path: file) } catch { throw diagnostic(line: nil, error.message) }
        let header: CSVReader.Record?
        do { header = try reader.next() } catch { throw diagnostic(line: error.line, error.message) }
        guard let header else { throw diagnostic(line: nil, "the file is empty") }
        // A CR inside the header line: the file's lines end in CR alone, so it reads as one long line.
        if header.fields.contains(where: { $0.utf8.contains(13) }) {
            throw diagnostic(line: header.line, "line ends are CR only (old Mac); save with LF or CRLF")
        }
        var problems: [String] = []
        columns = header.fields.map { name in
            let column = Self.column(named: name)
            if column == nil, !Self.isIgnored(name) { problems.append(Self.unknownColumnMessage(name)) }
            return column
        }
        problems += missingOrRepeated(columns.compactMap { $0 })
        isRefusedFile = header.fields.contains(where: Self.isIgnored)
        if !problems.isEmpty { throw diagnostic(line: header.line, problems.joined(separator: "; ")) }
        isRefusedRows = header.fields.contains(where: Self.isIgnored)
        csv = reader
    }

    private func readJSON() throws(Diagnostic) {
        guard let data = FileManager.default.contents(atPath: file) else { throw diagnostic(line: nil, "cannot read the file") }
        let bytes = [UInt8](data)
        if format == .json, bytes.first(where: { !Self.isSpace($0) }) == UInt8(ascii: "[") {
            let parsed: Any
            do { parsed = try JSONSerialization.jsonObject(with: data) } catch {
                throw diagnostic(line: nil, "not valid JSON: \(Self.describe(error))")
            }
            guard let array = parsed as? [Any] else { throw diagnostic(line: 1, "expected an array of report objects") }
            let lines = Self.elementLines(in: bytes)
            jsonRecords = array.enumerated().map { (index, object) in (index < lines.count ? lines[index] : 0, object) }
        } else {
            var lineNumber = 0
            for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                lineNumber += 1
                guard line.contains(where: { !Self.isSpace($0) }) else { continue }
                do {
                    jsonRecords.append((lineNumber, try JSONSerialization.jsonObject(with: Data(line))))
                } catch {
                    throw diagnostic(line: lineNumber, "not valid JSON: \(Self.describe(error))")
                }
            }
        }
    }

    private func raw(from object: Any, line: Int) -> RawReport {
        var raw = RawReport(line: line)
        guard let fields = object as? [String: Any] else {
            raw.problems.append("expected a report object")
            return raw
        }
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            guard let column = Self.column(named: key) else {
                if !Self.isIgnored(key) { raw.problems.append(Self.unknownColumnMessage(key)) }
                continue
            }
            switch value {
            case let text as String: raw.values[column.index] = text
            case is NSNull: break
            case let number as NSNumber where !Self.isBoolean(number): raw.values[column.index] = number.stringValue
            default: raw.problems.append("field '\(key)' must be a text or a number")
            }
        }
        raw.problems += ReportColumn.required.filter { fields.keys.map(Self.column(named:)).contains($0) == false }
            .map { "missing field '\($0.rawValue)'" }
        return raw
    }

    /// JSON `true`/`false` arrive as NSNumber too; they are not values.
    private static func isBoolean(_ number: NSNumber) -> Bool {
        type(of: number) == type(of: NSNumber(value: true)) && type(of: number) != type(of: NSNumber(value: 1))
    }

    private func missingOrRepeated(_ present: [ReportColumn]) -> [String] {
        var problems = ReportColumn.required.filter { !present.contains($0) }.map { "missing column '\($0.rawValue)'" }
        var seen: Set<ReportColumn> = []
        for column in present where !seen.insert(column).inserted {
            problems.append("repeated column '\(column.rawValue)'")
        }
        return problems
    }

    static func column(named name: String) -> ReportColumn? {
        let key = name.trimmingSpaces.lowercased()
        return ReportColumn(rawValue: key) ?? aliases[key]
    }

    static func isIgnored(_ name: String) -> Bool {
        name.trimmingSpaces.lowercased() == errorColumn
    }

    static func unknownColumnMessage(_ name: String) -> String {
        var message = "unknown column '\(name)'"
        if let suggestion = Suggestion.nearest(to: name.lowercased(), among: ReportColumn.allCases.map(\.rawValue) + aliases.keys) {
            message += " (did you mean '\(suggestion)'?)"
        }
        return message
    }

    /// The line each top-level element of a JSON array starts on.
    static func elementLines(in bytes: [UInt8]) -> [Int] {
        var lines: [Int] = []
        var line = 1, depth = 0, inString = false, escaped = false, expectingElement = false
        for byte in bytes {
            if byte == UInt8(ascii: "\n") { line += 1 }
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            if expectingElement, depth == 1, !isSpace(byte), byte != UInt8(ascii: "]") {
                lines.append(line)
                expectingElement = false
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth == 1 { expectingElement = true }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            case UInt8(ascii: ","): if depth == 1 { expectingElement = true }
            default: break
            }
        }
        return lines
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 32 || byte == 9 || byte == 10 || byte == 13
    }

    private static func describe(_ error: Error) -> String {
        (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
    }

    /// A problem with the whole file, after which it cannot be read further.
    private func diagnostic(line: Int?, _ message: String) -> Diagnostic {
        Diagnostic(file: file, mark: line.map { Mark(line: $0, column: 0) }, message: message)
    }
}
