/// Builds CSV text (RFC 4180: comma-separated, CRLF-free `\n` line ends, quotes doubled).
public struct CSVWriter: Sendable {
    public private(set) var text = ""

    public init() {}

    /// Appends a record; with `neutralising` (a file meant for a spreadsheet) every cell goes through
    /// `neutralised(_:)` first.
    public mutating func append(_ fields: [String], neutralising: Bool = false) {
        for (index, field) in fields.enumerated() {
            if index > 0 { text += "," }
            text += Self.escape(neutralising ? Self.neutralised(field) : field)
        }
        text += "\n"
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

    /// Quotes a field that holds a comma, a semicolon, a quote or a line break.
    public static func escape(_ field: String) -> String {
        // Scans bytes: these are all ASCII, and Character comparison is far slower on long outputs.
        guard field.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 || $0 == 59 }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
