import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams CSV records from a file, a chunk at a time, so memory stays flat however large the file is.
///
/// Written by hand rather than with CSV.swift or SwiftCSV: on a 200k-row file a hand-written byte splitter
/// took 0.13 s, CSV.swift 1.0 s and SwiftCSV 2.2 s (about 8× and 17× as long; "CSV parsing yardsticks" in
/// docs/benchmarks.md), and an ingest must stay within 2× of `sqlite3 .import`.
/// Reads UTF-8 with or without a byte-order mark; the delimiter is `,` or `;` (Swedish Excel writes
/// semicolons), chosen from the header line; quoted fields may hold delimiters, `""` and newlines.
/// A record, a field or a column count over its `ReportLimits` stops the reading as soon as the bytes show it.
public final class CSVReader {
    /// One record and the physical line it starts on (the header is line 1).
    public struct Record {
        public var line: Int
        public var fields: [String]
    }

    /// Why the file could not be read as CSV.
    public struct Failure: Error, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public private(set) var delimiter: UInt8 = UInt8(ascii: ",")
    private let descriptor: Int32
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEOF = false
    private var line = 1
    private var sawHeader = false
    private var scratch: [UInt8] = []
    private let limits: ReportLimits

    /// Opens `path`; `chunkSize` is how much is read at a time.
    public init(path: String, chunkSize: Int = 1 << 20, limits: ReportLimits = ReportLimits()) throws(Failure) {
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Failure(line: 0, message: "cannot open the file") }
        buffer = [UInt8](repeating: 0, count: max(chunkSize, 1))
        self.limits = limits
    }

    /// Reads `data`, already in memory (an uploaded body), under the same limits as a file.
    public init(data: Data, limits: ReportLimits = ReportLimits()) {
        descriptor = -1
        buffer = [UInt8](data)
        end = buffer.count
        atEOF = true
        self.limits = limits
    }

    /// How many bytes the reader holds now.
    var bufferCapacity: Int { buffer.count }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The next record, or nil at the end of the file. Blank lines are skipped.
    public func next() throws(Failure) -> Record? {
        if !sawHeader { try prepareHeader() }
        while true {
            if start == end {
                if atEOF { return nil }
                try refill()
                continue
            }
            if let (fields, consumed, lines) = try parseRecord() {
                if consumed > limits.recordBytes { throw lineTooLong() }
                let record = Record(line: line, fields: fields)
                start += consumed
                line += lines
                if fields.count == 1 && fields[0].isEmpty { continue }
                return record
            }
            if atEOF { throw Failure(line: line, message: "a quoted field is not closed before the end of the file") }
            if end - start >= limits.recordBytes { throw lineTooLong() }
            try refill()
        }
    }

    private func lineTooLong() -> Failure {
        Failure(line: line, message: "a line is longer than \(ReportLimits.size(limits.recordBytes)) (a quoted field not closed?)")
    }

    /// Skips a byte-order mark and chooses the delimiter from the header line. A CR followed by anything but
    /// LF there means the lines end in CR alone: the file would read as one line, over the limits.
    private func prepareHeader() throws(Failure) {
        sawHeader = true
        while !atEOF && end - start < limits.recordBytes && !buffer[start..<end].contains(UInt8(ascii: "\n")) { try refill() }
        if end - start >= 3, buffer[start] == 0xEF, buffer[start + 1] == 0xBB, buffer[start + 2] == 0xBF { start += 3 }
        var commas = 0, semicolons = 0, quoted = false
        for index in start..<end {
            let byte = buffer[index]
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if quoted { continue }
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: "\r"), index + 1 < end, buffer[index + 1] != UInt8(ascii: "\n") {
                throw Failure(line: 1, message: "line ends are CR only (old Mac); save with LF or CRLF")
            }
            if byte == UInt8(ascii: ",") { commas += 1 }
            if byte == UInt8(ascii: ";") { semicolons += 1 }
        }
        delimiter = semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// Moves unread bytes to the front and reads more; grows the buffer when a record fills it.
    private func refill() throws(Failure) {
        if start > 0 {
            buffer.withUnsafeMutableBytes { raw in
                _ = memmove(raw.baseAddress!, raw.baseAddress! + start, end - start)
            }
            end -= start
            start = 0
        }
        if end == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
        let count = buffer.withUnsafeMutableBytes { raw in
            read(descriptor, raw.baseAddress! + end, raw.count - end)
        }
        guard count >= 0 else { throw Failure(line: line, message: "read error") }
        if count == 0 { atEOF = true }
        end += count
    }

    /// Parses the record at `start`: its fields, the bytes it takes and the newlines it crosses; nil when
    /// the buffer ends before the record does (and the file has more).
    private func parseRecord() throws(Failure) -> ([String], Int, Int)? {
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        // Local copies, and a local array of fields: each access to a class's stored property pays for a runtime
        // exclusivity check, 1.5 % of the whole ingest in the profile when this read and appended through `self`.
        let delimiter = self.delimiter, buffer = self.buffer, start = self.start, end = self.end, atEOF = self.atEOF
        let maxColumns = limits.columns, maxFieldBytes = limits.fieldBytes
        var fields: [String] = []
        fields.reserveCapacity(12)
        var position = start
        var lines = 0
        while true {
            var fieldEnd = position
            var fieldStart = position
            var useScratch = false
            if position < end, buffer[position] == quote {
                // Quoted field: copy it unescaped into scratch.
                useScratch = true
                scratch.removeAll(keepingCapacity: true)
                position += 1
                while true {
                    guard position < end else { return nil }
                    let byte = buffer[position]
                    if byte == quote {
                        guard position + 1 < end else {
                            if atEOF { position += 1; break }
                            return nil
                        }
                        if buffer[position + 1] == quote {
                            scratch.append(quote)
                            position += 2
                            continue
                        }
                        position += 1
                        break
                    }
                    if byte == newline { lines += 1 }
                    scratch.append(byte)
                    position += 1
                }
                fieldStart = position
                fieldEnd = position
                // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
                while position < end, buffer[position] != delimiter, buffer[position] != newline, buffer[position] != cr {
                    scratch.append(buffer[position])
                    position += 1
                }
            } else {
                while position < end, buffer[position] != delimiter, buffer[position] != newline {
                    position += 1
                }
                fieldEnd = position
                if fieldEnd > fieldStart, buffer[fieldEnd - 1] == cr, position < end || atEOF { fieldEnd -= 1 }
            }
            if position >= end && !atEOF { return nil }
            if (useScratch ? scratch.count : fieldEnd - fieldStart) > maxFieldBytes {
                throw Failure(line: line, message: "a field is longer than \(maxFieldBytes) bytes")
            }
            let field = useScratch ? Self.string(scratch[...]) : Self.string(buffer[fieldStart..<fieldEnd])
            guard let field else {
                throw Failure(line: line + lines, message: "the file is not UTF-8 (save it as 'CSV UTF-8')")
            }
            fields.append(field)
            if fields.count > maxColumns { throw Failure(line: line, message: "the row has more than \(maxColumns) columns") }
            if position >= end { return (fields, position - start, lines) }
            let byte = buffer[position]
            position += 1
            if byte == delimiter { continue }
            if byte == cr {
                guard position < end || atEOF else { return nil }
                if position < end, buffer[position] == newline { position += 1 }
            }
            return (fields, position - start, lines + 1)
        }
    }

    /// The field's text, or nil when its bytes are not UTF-8.
    ///
    /// Most fields are plain ASCII, which is always valid UTF-8: those skip the validating initializer, which
    /// is generic over the sequence and its encoding and took half the CSV reading time in the ingest profile.
    private static func string(_ bytes: ArraySlice<UInt8>) -> String? {
        bytes.withUnsafeBufferPointer { buffer in
            var any: UInt8 = 0
            for byte in buffer { any |= byte }
            if any < 0x80 { return String(decoding: buffer, as: UTF8.self) }
            return String(validating: buffer, as: UTF8.self)
        }
    }
}
