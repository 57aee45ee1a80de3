import Foundation

/// Reads the rows of a report file or an uploaded body: CSV (a file streamed), a JSON array, or JSON Lines
/// (read whole up to `ReportLimits.jsonBytes`, and parsed an element or a line at a time as rows are asked for).
public final class ReportFileReader {
    /// The file formats reports are accepted in.
    public enum Format: String, Sendable {
        case csv, json, jsonLines = "jsonl"
    }

    public let file: String
    public let format: Format
    public let limits: ReportLimits
    private var csv: CSVReader?
    private var columns: [ReportColumn?] = []
    private var json = Data()
    private var jsonElements: [(line: Int, range: Range<Int>)] = []
    private var jsonIndex = 0
    /// True for a refused-rows file (`FILE.refused.csv`, told by its `error` column), corrected and ingested
    /// again: its cells were neutralised for spreadsheets (the leading `'` comes off again), and its rows add
    /// to what is stored and re-deliver nothing (docs/reports.md, re-delivering without ids).
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
    public init(path: String, limits: ReportLimits = ReportLimits()) throws(Diagnostic) {
        file = path
        self.limits = limits
        let lower = path.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
            format = .jsonLines
        } else if lower.hasSuffix(".json") {
            format = .json
        } else {
            format = .csv
        }
        if format == .csv {
            let reader: CSVReader
            do { reader = try CSVReader(path: file, limits: limits) } catch { throw diagnostic(line: nil, error.message) }
            try openCSV(reader)
        } else {
            try readJSON()
        }
    }

    /// Reads an uploaded body (the API's JSON array, JSON Lines or CSV, chosen by its media type) under the
    /// same limits as a file; `name` names the delivery in the store and in messages ("api").
    public init(name: String, data: Data, format: Format, limits: ReportLimits = ReportLimits()) throws(Diagnostic) {
        file = name
        self.format = format
        self.limits = limits
        if format == .csv {
            try openCSV(CSVReader(data: data, limits: limits))
        } else {
            try parseJSON(data)
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
                    raw.values[column.index] = isRefusedRows ? CSVWriter.unneutralised(record.fields[index]) : record.fields[index]
                }
            }
            return raw
        }
        guard jsonIndex < jsonElements.count else { return nil }
        let (line, range) = jsonElements[jsonIndex]
        jsonIndex += 1
        guard range.count <= limits.recordBytes else {
            throw diagnostic(line: line, "a report object is longer than \(ReportLimits.size(limits.recordBytes))")
        }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: json.subdata(in: range), options: [.fragmentsAllowed]) } catch {
            throw diagnostic(line: line, "not valid JSON: \(Self.describe(error))")
        }
        return raw(from: object, line: line)
    }

    private func openCSV(_ reader: CSVReader) throws(Diagnostic) {
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
            if column == nil, !Self.isIgnored(name) { problems.append(unknownColumnMessage(name)) }
            return column
        }
        problems += missingOrRepeated(columns.compactMap { $0 })
        if !problems.isEmpty { throw diagnostic(line: header.line, limits.joined(problems)) }
        isRefusedRows = header.fields.contains(where: Self.isIgnored)
        csv = reader
    }

    private func readJSON() throws(Diagnostic) {
        let tooLarge = "the file is larger than \(ReportLimits.size(limits.jsonBytes)), the most a JSON report file may be; deliver it as CSV or in parts"
        if let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int, size > limits.jsonBytes {
            throw diagnostic(line: nil, tooLarge)
        }
        guard let handle = FileHandle(forReadingAtPath: file), let data = try? handle.read(upToCount: limits.jsonBytes + 1) else {
            throw diagnostic(line: nil, "cannot read the file")
        }
        guard data.count <= limits.jsonBytes else { throw diagnostic(line: nil, tooLarge) }
        try parseJSON(data)
    }

    /// Splits `data` into the elements of its array, or its lines, to parse one at a time.
    private func parseJSON(_ data: Data) throws(Diagnostic) {
        guard data.count <= limits.jsonBytes else {
            throw diagnostic(line: nil, "the report is larger than \(ReportLimits.size(limits.jsonBytes)), the most a JSON report may be; "
                             + "deliver it as CSV or in parts")
        }
        json = data
        let isArray = format == .json && data.first(where: { !Self.isSpace($0) }) == UInt8(ascii: "[")
        switch data.withUnsafeBytes({ isArray ? Self.arrayElements(in: $0) : .success(Self.lines(in: $0)) }) {
        case .success(let elements): jsonElements = elements
        case .failure(let problem): throw diagnostic(line: problem.line, "not valid JSON: \(problem.message)")
        }
    }

    /// Each line of `bytes` that is not blank: its number and its bytes.
    static func lines(in bytes: UnsafeRawBufferPointer) -> [(line: Int, range: Range<Int>)] {
        var lines: [(line: Int, range: Range<Int>)] = []
        var lineStart = 0, number = 1, blank = true
        for index in 0...bytes.count {
            if index == bytes.count || bytes[index] == UInt8(ascii: "\n") {
                if !blank { lines.append((number, lineStart..<index)) }
                number += 1
                lineStart = index + 1
                blank = true
            } else if !isSpace(bytes[index]) {
                blank = false
            }
        }
        return lines
    }

    private func raw(from object: Any, line: Int) -> RawReport {
        var raw = RawReport(line: line)
        guard let fields = object as? [String: Any] else {
            raw.problems.append("expected a report object")
            return raw
        }
        guard fields.count <= limits.columns else {
            raw.problems.append("the object has more than \(limits.columns) fields")
            return raw
        }
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            guard let column = Self.column(named: key) else {
                if !Self.isIgnored(key) { raw.problems.append(unknownColumnMessage(key)) }
                continue
            }
            switch value {
            case let text as String where text.utf8.count > limits.fieldBytes:
                raw.problems.append("field '\(key)' is longer than \(limits.fieldBytes) bytes")
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

    func unknownColumnMessage(_ name: String) -> String {
        var message = "unknown column '\(limits.quoted(name))'"
        if name.utf8.count <= limits.quotedCharacters, let suggestion = Suggestion.nearest(to: name.lowercased(), among: ReportColumn.allCases.map(\.rawValue) + Self.aliases.keys) {
            message += " (did you mean '\(suggestion)'?)"
        }
        return message
    }

    /// Where JSON does not hold together, and why.
    struct JSONProblem: Error {
        var line: Int
        var message: String
    }

    /// Each top-level element of the JSON array in `bytes`: the line it starts on and its bytes. Strings
    /// and nested values are stepped over; an element that is not JSON is left for its own parse to name.
    static func arrayElements(in bytes: UnsafeRawBufferPointer) -> Result<[(line: Int, range: Range<Int>)], JSONProblem> {
        var elements: [(line: Int, range: Range<Int>)] = []
        var line = 1, depth = 0, inString = false, escaped = false, closed = false
        var elementStart: Int?, elementLine = 0, lastByte = 0
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\n") { line += 1 }
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                lastByte = index
                continue
            }
            if isSpace(byte) { continue }
            if closed { return .failure(JSONProblem(line: line, message: "text after the array")) }
            if depth == 1, byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") {
                if let start = elementStart {
                    elements.append((elementLine, start..<lastByte + 1))
                    elementStart = nil
                } else if byte == UInt8(ascii: ",") || !elements.isEmpty {
                    return .failure(JSONProblem(line: line, message: "an empty element in the array"))
                }
                if byte == UInt8(ascii: "]") { closed = true }
                continue
            }
            if depth >= 1, elementStart == nil {
                elementStart = index
                elementLine = line
            }
            lastByte = index
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        guard closed else { return .failure(JSONProblem(line: line, message: "the array is not closed")) }
        return .success(elements)
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
