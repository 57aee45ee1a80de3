/// Builds CSV text (RFC 4180: comma-separated, CRLF-free `\n` line ends, quotes doubled).
public struct CSVWriter: Sendable {
    public private(set) var text = ""

    public init() {}

    public mutating func append(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { text += "," }
            text += Self.escape(field)
        }
        text += "\n"
    }

    /// Quotes a field that holds a comma, a semicolon, a quote or a line break.
    public static func escape(_ field: String) -> String {
        // Scans bytes: these are all ASCII, and Character comparison is far slower on long outputs.
        guard field.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 || $0 == 59 }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
