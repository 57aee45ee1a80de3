/// Builds CSV text (RFC 4180: comma-separated, CRLF-free `\n` line ends, quotes doubled), as UTF-8 bytes.
public struct CSVWriter: Sendable {
    /// The CSV written so far.
    public private(set) var bytes: [UInt8] = []
    /// Whether the next field is a record's first (no comma before it).
    private var atRecordStart = true

    public init() {}

    /// The CSV written so far, as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends a record; with `neutralising` (a file meant for a spreadsheet) every cell goes through
    /// `neutralised(_:)` first.
    public mutating func append(_ fields: [String], neutralising: Bool = false) {
        for field in fields { appendField(field, neutralising: neutralising) }
        endRecord()
    }

    /// Appends one field to the record being written, quoted when it must be (`escape(_:)`), and with
    /// `neutralising` as `neutralised(_:)` makes it. Byte by byte into the output: a lägesbild's CSV for
    /// every kommun is over half a million fields.
    public mutating func appendField(_ field: String, neutralising: Bool = false) {
        if !atRecordStart { bytes.append(UInt8(ascii: ",")) }
        atRecordStart = false
        var field = field
        field.withUTF8 { utf8 in
            let quoted = utf8.contains(where: Self.needsQuotes)
            if quoted { bytes.append(UInt8(ascii: "\"")) }
            if neutralising, let first = utf8.first, Self.formulaStarts.contains(first) { bytes.append(UInt8(ascii: "'")) }
            if quoted {
                for byte in utf8 {
                    if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                    bytes.append(byte)
                }
                bytes.append(UInt8(ascii: "\""))
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
    }

    /// Ends the record being written.
    public mutating func endRecord() {
        bytes.append(UInt8(ascii: "\n"))
        atRecordStart = true
    }

    /// A cell a spreadsheet would run as a formula (first character `=`, `+`, `-`, `@`, tab or CR) with a
    /// `'` in front, so Excel and LibreOffice show it as text. A cell that already starts with `'` gets
    /// one more, so `unneutralised(_:)` gives back exactly what was written.
    public static func neutralised(_ field: String) -> String {
        guard let first = field.utf8.first, Self.formulaStarts.contains(first) else { return field }
        return "'" + field
    }

    /// The cell as it was before `neutralised(_:)`: one leading `'` removed.
    public static func unneutralised(_ field: String) -> String {
        field.utf8.first == UInt8(ascii: "'") ? String(field.dropFirst()) : field
    }

    /// `=`, `+`, `-`, `@`, tab, CR, and `'` itself.
    private static let formulaStarts: Set<UInt8> = [61, 43, 45, 64, 9, 13, 39]

    /// A comma, a semicolon, a quote or a line break: a field with one is quoted.
    private static func needsQuotes(_ byte: UInt8) -> Bool {
        byte == 44 || byte == 34 || byte == 10 || byte == 13 || byte == 59
    }

    /// Quotes a field that holds a comma, a semicolon, a quote or a line break, doubling its quotes.
    public static func escape(_ field: String) -> String {
        var writer = CSVWriter()
        writer.appendField(field)
        return writer.text
    }
}
